import type { Catalogs, Organisation } from '../../data/index';

/**
 * Lookups shared by the dependency analyses, built once per catalog object and
 * cached in WeakMaps: analyse() of a 3,000-request page must not rebuild an
 * index or recompile a regular expression per request, and a replaced catalog
 * (tests pass their own) can be garbage-collected with its indexes.
 */

/** `host` is `suffix` itself or one of its subdomains (both lower-case, no port). */
export function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || (host.length > suffix.length && host.endsWith(suffix) && host[host.length - suffix.length - 1] === '.');
}

/** Suffixes of `host` from the longest (the host itself) to the shortest with at least one dot. */
export function* hostSuffixes(host: string): Generator<string> {
  for (let suffix = host; suffix.includes('.'); suffix = suffix.slice(suffix.indexOf('.') + 1)) yield suffix;
}

/** A map from host suffix to value, answering with the longest matching suffix. */
export class SuffixIndex<T> {
  private readonly bySuffix = new Map<string, T>();

  /** First writer wins: call in priority order. */
  add(suffix: string, value: T): void {
    const key = normaliseHost(suffix);
    if (key !== '' && !this.bySuffix.has(key)) this.bySuffix.set(key, value);
  }

  find(host: string): T | null {
    for (const suffix of hostSuffixes(normaliseHost(host))) {
      const value = this.bySuffix.get(suffix);
      if (value !== undefined) return value;
    }
    return null;
  }
}

function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

// ── regular expressions ───────────────────────────────────────────────────────

const compiledLists = new WeakMap<readonly string[], readonly RegExp[]>();

/**
 * The compiled regexes of one catalog pattern list (cached per array object).
 * An invalid source is skipped rather than thrown: bad input never crashes, and
 * the catalog test rejects it before it ships.
 */
export function compiledPatterns(sources: readonly string[]): readonly RegExp[] {
  let compiled = compiledLists.get(sources);
  if (!compiled) {
    compiled = sources.flatMap((source) => {
      try {
        return [new RegExp(source)];
      } catch {
        return [];
      }
    });
    compiledLists.set(sources, compiled);
  }
  return compiled;
}

/** The first pattern of `sources` that matches `text`, as its source; null when none does. */
export function firstMatch(sources: readonly string[], text: string): string | null {
  for (const pattern of compiledPatterns(sources)) if (pattern.test(text)) return pattern.source;
  return null;
}

// ── organisations ─────────────────────────────────────────────────────────────

interface OrganisationIndex {
  byId: Map<string, Organisation>;
  byEntity: Map<string, Organisation>;
  byHost: SuffixIndex<Organisation>;
}

const organisationIndexes = new WeakMap<Catalogs, OrganisationIndex>();

function buildOrganisationIndex(catalogs: Catalogs): OrganisationIndex {
  const byId = new Map<string, Organisation>();
  const byEntity = new Map<string, Organisation>();
  const byHost = new SuffixIndex<Organisation>();
  for (const organisation of catalogs.organisations) {
    if (!byId.has(organisation.id)) byId.set(organisation.id, organisation);
    for (const entity of organisation.entities) if (!byEntity.has(entity)) byEntity.set(entity, organisation);
    // The catalog's own host suffixes first: they win over entity domains at equal length.
    for (const host of organisation.hosts) byHost.add(host, organisation);
  }
  // The domains of the mapped third-party-web entities (the catalog lists only hosts
  // those do not already cover), so that a host alone finds its organisation too.
  for (const entity of catalogs.entities) {
    const organisation = byEntity.get(entity.name);
    if (organisation) for (const domain of entity.domains) byHost.add(domain, organisation);
  }
  // Last, the hosts of the other catalogs' entries that name their organisation
  // (a ticketing widget's host is its vendor's, even when no entity covers it).
  const others = [
    ...catalogs.services.map((s) => ({ organisationId: s.organisationId, hosts: s.match.hosts })),
    ...catalogs.trackers,
    ...catalogs.consentManagers,
  ];
  for (const { organisationId, hosts } of others) {
    const organisation = organisationId === undefined ? undefined : byId.get(organisationId);
    if (organisation) for (const host of hosts) byHost.add(host, organisation);
  }
  return { byId, byEntity, byHost };
}

function organisationIndex(catalogs: Catalogs): OrganisationIndex {
  let index = organisationIndexes.get(catalogs);
  if (!index) {
    index = buildOrganisationIndex(catalogs);
    organisationIndexes.set(catalogs, index);
  }
  return index;
}

/**
 * The organisation behind a host: by its third-party-web entity name first (the
 * catalog maps entities explicitly), then by host suffix, the longest suffix winning.
 */
export function organisationOf(host: string | null, entityName: string | null, catalogs: Catalogs): Organisation | null {
  const index = organisationIndex(catalogs);
  if (entityName !== null) {
    const byEntity = index.byEntity.get(entityName);
    if (byEntity) return byEntity;
  }
  return host === null || host === '' ? null : index.byHost.find(host);
}

/** The organisation with this catalog id, or null. */
export function organisationById(id: string | undefined, catalogs: Catalogs): Organisation | null {
  return id === undefined ? null : (organisationIndex(catalogs).byId.get(id) ?? null);
}
