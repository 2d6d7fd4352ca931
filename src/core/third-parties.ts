import type { Entity } from '../data/index';
import { findEntity } from './entities';
import type { ThirdParty } from './report';
import type { CountedRequest } from './requests';

interface Group {
  domain: string;
  hosts: Set<string>;
  requests: number;
  bytes: number;
  /** requests per matched entity, to name the group after its main entity */
  entities: Map<Entity, number>;
}

/**
 * One entry per third-party registrable domain (the site key of ./party.ts),
 * most requests first, then most bytes, then by domain name so the order is
 * stable. The entity is the third-party-web entity of the domain's hosts; when
 * hosts of one domain belong to different entities, the one with most requests
 * wins (ties: the name first in alphabetical order).
 *
 * organisation, parent, country, tracker and beforeInteraction stay null: later
 * work (the organisations catalog, tracker detection) evaluates them.
 */
export function thirdPartiesOf(
  counted: readonly CountedRequest[],
  entities: readonly Entity[],
  /** the entity of a host; analyse() passes one that remembers answers across a plan's simulations */
  entityOf: (host: string) => Entity | null = (host) => findEntity(entities, host),
): ThirdParty[] {
  const groups = new Map<string, Group>();
  // Pages repeat hosts many times: look each one up once.
  const entityByHost = new Map<string, Entity | null>();
  for (const item of counted) {
    if (!item.thirdParty || item.url.site === null || item.url.host === null) continue;
    let group = groups.get(item.url.site);
    if (!group) {
      group = { domain: item.url.site, hosts: new Set(), requests: 0, bytes: 0, entities: new Map() };
      groups.set(item.url.site, group);
    }
    group.hosts.add(item.url.host);
    group.requests++;
    group.bytes += item.bytes;
    let entity = entityByHost.get(item.url.host);
    if (entity === undefined) {
      entity = entityOf(item.url.host);
      entityByHost.set(item.url.host, entity);
    }
    if (entity) group.entities.set(entity, (group.entities.get(entity) ?? 0) + 1);
  }
  return [...groups.values()]
    .map((group): ThirdParty => {
      const entity = mainEntity(group.entities);
      return {
        domain: group.domain,
        hosts: [...group.hosts].sort(),
        entity: entity?.name ?? null,
        organisation: null,
        parent: null,
        country: null,
        jurisdiction: null,
        category: entity?.category ?? null,
        requests: group.requests,
        bytes: group.bytes,
        tracker: null,
        trackerKinds: null,
        beforeInteraction: null,
      };
    })
    .sort((a, b) => b.requests - a.requests || b.bytes - a.bytes || compareText(a.domain, b.domain));
}

function mainEntity(counts: Map<Entity, number>): Entity | null {
  let best: Entity | null = null;
  let bestCount = 0;
  for (const [entity, count] of counts) {
    if (count > bestCount || (count === bestCount && best && compareText(entity.name, best.name) < 0)) {
      best = entity;
      bestCount = count;
    }
  }
  return best;
}

/** Locale-independent comparison (localeCompare would depend on the runtime's locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
