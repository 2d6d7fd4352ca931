import type { Catalogs, Entity, Organisation, TrackerSignature } from '../../data/index';
import type { CapturedCookie } from '../capture';
import { findEntity } from '../entities';
import type { CookieFinding } from '../report';
import type { DependencyContext } from './context';
import { organisationOf } from './lookup';
import type { Matchable } from './service-matcher';

/**
 * Catalog matches of one analyse() call, kept from the report to every
 * simulation of its action plan: a simulated capture keeps most of the page's
 * requests, and testing each URL against every catalog regular expression again
 * would make the plan cost a full analysis per step. Each answer is a pure
 * function of the URL and the catalogs, so sharing it changes no result. One
 * memo per call (not a module-level cache): a page's URLs rarely come back, and
 * a long-lived service worker must not keep them.
 */
export interface AnalysisMemo {
  /** the catalogs the answers were computed with; a memo is ignored for any other */
  catalogs: Catalogs;
  /** script URL → catalog entries whose script patterns match it, in catalog order */
  scriptTargets: Map<string, readonly Matchable[]>;
  /** frame URL → catalog entries whose iframe patterns match it, in catalog order */
  frameTargets: Map<string, readonly Matchable[]>;
  /** by party, request URL → tracker signatures matching it, in the order they are tested */
  trackerMatches: Record<'first' | 'third', Map<string, readonly TrackerSignature[]>>;
  /** host → its third-party-web entity */
  entities: Map<string, Entity | null>;
  /** host → its organisation (by entity, then by host suffix) */
  organisations: Map<string, Organisation | null>;
  /** a cookie of the capture → its finding (it depends on the cookie and the page, the same in every simulation) */
  cookies: Map<CapturedCookie, CookieFinding>;
}

export function createMemo(catalogs: Catalogs): AnalysisMemo {
  return {
    catalogs,
    scriptTargets: new Map(), frameTargets: new Map(), trackerMatches: { first: new Map(), third: new Map() },
    entities: new Map(),
    organisations: new Map(),
    cookies: new Map(),
  };
}

/** The answer remembered for `key`, else `compute()`'s, remembered. */
export function remembered<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = compute();
  map.set(key, value);
  return value;
}

/** `host`'s third-party-web entity (../entities.ts), remembered in the context's memo. */
export function entityOfHost(context: DependencyContext, host: string): Entity | null {
  return remembered(context.memo.entities, host, () => findEntity(context.catalogs.entities, host));
}

/** `host`'s organisation, by its entity first then by host suffix (./lookup.ts), remembered in the context's memo. */
export function organisationOfHost(context: DependencyContext, host: string): Organisation | null {
  return remembered(context.memo.organisations, host, () =>
    organisationOf(host, entityOfHost(context, host)?.name ?? null, context.catalogs),
  );
}
