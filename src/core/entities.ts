import type { Entity } from '../data/index';

/**
 * Host → third-party-web entity, matched as third-party-web itself does
 * (lib/create-entity-finder-api.js): an exact domain entry wins; otherwise a
 * `*.suffix` wildcard matches the suffix itself and any of its subdomains, the
 * longest (most specific) suffix first.
 */
export interface EntityFinder {
  (host: string): Entity | null;
}

interface Index {
  exact: Map<string, Entity>;
  wildcard: Map<string, Entity>;
}

// Built once per catalog array: analyse() of a 3,000-request page must not rebuild
// a 2,000-entity index each time. A WeakMap lets a replaced catalog be collected.
const indexes = new WeakMap<readonly Entity[], Index>();

function buildIndex(entities: readonly Entity[]): Index {
  const exact = new Map<string, Entity>();
  const wildcard = new Map<string, Entity>();
  for (const entity of entities) {
    for (const raw of entity.domains) {
      const domain = raw.toLowerCase();
      // First entry wins on a duplicate, as a deterministic rule (third-party-web itself refuses duplicates).
      if (domain.startsWith('*.')) {
        const suffix = domain.slice(2);
        if (!wildcard.has(suffix)) wildcard.set(suffix, entity);
      } else if (!exact.has(domain)) {
        exact.set(domain, entity);
      }
    }
  }
  return { exact, wildcard };
}

function indexFor(entities: readonly Entity[]): Index {
  let index = indexes.get(entities);
  if (!index) {
    index = buildIndex(entities);
    indexes.set(entities, index);
  }
  return index;
}

/** The entity owning `host` (a lower-case host name without port), or null. */
export function findEntity(entities: readonly Entity[], host: string): Entity | null {
  const { exact, wildcard } = indexFor(entities);
  const name = host.toLowerCase().replace(/\.$/, '');
  const found = exact.get(name);
  if (found) return found;
  // Walk from the full host towards shorter suffixes: the first hit is the longest match.
  // Stop before the last label: a wildcard on a bare TLD would be meaningless.
  for (let suffix = name; suffix.includes('.'); suffix = suffix.slice(suffix.indexOf('.') + 1)) {
    const entity = wildcard.get(suffix);
    if (entity) return entity;
  }
  return null;
}

/** A finder bound to one catalog (convenient when looking up many hosts). */
export function entityFinder(entities: readonly Entity[]): EntityFinder {
  indexFor(entities);
  return (host) => findEntity(entities, host);
}
