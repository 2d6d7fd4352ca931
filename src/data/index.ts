/**
 * The catalogs that `analyse()` reads, loaded once and passed in (the core never
 * imports them itself, so tests can pass their own). Sources and licences:
 * ./SOURCES.md.
 *
 * Every JSON file is imported, not read from disk, so that WXT and esbuild
 * inline it into the extension and the CLI bundle. Nothing is validated at load
 * time (that would cost start-up on every service-worker wake-up); unit tests
 * validate every catalog against `src/core/catalog-schema.ts`
 * (tests/unit/core/entities.test.ts, tests/unit/deps/catalogs.test.ts).
 */
import entitiesNoStats from 'third-party-web/dist/entities-nostats.json';
import consentManagersJson from './consent-managers.json';
import organisationsJson from './organisations.json';
import servicesJson from './services.json';
import trackersJson from './trackers.json';

/** The version of third-party-web whose data is bundled (a test checks it against the installed package). */
export const THIRD_PARTY_WEB_VERSION = '0.30.0';
/** Bumped whenever our own catalog data on top of third-party-web changes. */
export const EMPREINTE_CATALOG_REVISION = 2;
/** Written into `report.versions.catalog`. */
export const catalogVersion = `tpw-${THIRD_PARTY_WEB_VERSION}+empreinte-${EMPREINTE_CATALOG_REVISION}`;

/** A third-party-web entity, reduced to the fields Empreinte uses. */
export interface Entity {
  name: string;
  /** the company when it differs from the entity name (e.g. Google for Google Analytics) */
  company?: string;
  homepage?: string;
  /** third-party-web category: ad, analytics, social, video, cdn, tag-manager … */
  category: string;
  /** exact host names or `*.suffix` wildcards (matching the suffix itself and any subdomain) */
  domains: string[];
}

export type Jurisdiction = 'eu' | 'non-eu';

/** Who is behind a host or an entity: organisation, parent company, its country and jurisdiction. */
export interface Organisation {
  /** kebab-case, unique */
  id: string;
  name: string;
  /** the ultimate parent company (the organisation's own name when independent) */
  parent: string;
  /** ISO 3166-1 alpha-2 of the parent's headquarters */
  country: string;
  /** derived from `country`: EU-27 → `eu`, anything else → `non-eu` */
  jurisdiction: Jurisdiction;
  /** third-party-web entity names owned by this organisation */
  entities: string[];
  /** host suffixes not already covered by those entities' domains */
  hosts: string[];
  source: string;
  /** false when the fact could not be confirmed */
  verified?: boolean;
}

export type TrackerSignatureKind = 'pixel' | 'session-recording' | 'fingerprinting' | 'proxied-analytics';

/** A named tracker recognised by its hosts + URL patterns, or by its JS globals. */
export interface TrackerSignature {
  id: string;
  name: string;
  organisationId?: string;
  kind: TrackerSignatureKind;
  /** proxied analytics: the tracker kind reported (default `analytics`; `tag-manager` for a GTM container, `pixel` for a pixel) */
  reportedAs?: 'analytics' | 'tag-manager' | 'pixel';
  /** proxied analytics: the product the first-party path reveals */
  indicates?: string;
  /** proxied analytics: how strongly the path alone points to the product */
  confidence?: 'high' | 'medium' | 'low';
  /** host suffixes its requests go to (empty for proxied analytics: they use the site's own host) */
  hosts: string[];
  /** regular expression sources tested against the full request URL */
  urlPatterns: string[];
  /** JS globals (matched against `capture.dom.globals`) */
  globals: string[];
  /** the CNIL may exempt it from consent when configured for it (self-hosted Matomo): said, never "compliant" */
  mayBeExempt?: boolean;
  source: string;
  verified?: boolean;
}

export interface ConsentManager {
  id: string;
  name: string;
  vendor: string;
  organisationId?: string;
  country: string;
  hosts: string[];
  /** regular expression sources tested against script URLs */
  scriptPatterns: string[];
  globals: string[];
  /** CSS selectors */
  domMarkers: string[];
  /** cookies / localStorage keys that reveal a choice made on an earlier visit */
  storedChoice: { cookies: string[]; localStorage: string[] };
  source: string;
  verified?: boolean;
}

export type AiClass = 'llm' | 'ai-capable' | 'ai-overlay' | 'ai-translation' | 'ai-personalisation' | 'none';

/** A recognisable embedded service: AI widget, chat, ticketing, font, map, video, social, newsletter, CDN. */
export interface Service {
  id: string;
  name: string;
  vendor: string;
  organisationId?: string;
  country: string;
  /** chat, search, accessibility-overlay, translation, personalisation, voice, ticketing, font, map, video, social, newsletter, cdn */
  kind: string;
  ai: AiClass;
  match: {
    /** host suffixes */
    hosts: string[];
    /** regular expression sources tested against script URLs */
    scriptPatterns: string[];
    globals: string[];
    /** CSS selectors */
    domSelectors: string[];
    /** regular expression sources tested against iframe URLs */
    iframePatterns: string[];
  };
  source: string;
  verified?: boolean;
}

export interface Catalogs {
  /** e.g. `tpw-0.30.0+empreinte-2`; see `catalogVersion` */
  version: string;
  entities: readonly Entity[];
  organisations: readonly Organisation[];
  trackers: readonly TrackerSignature[];
  consentManagers: readonly ConsentManager[];
  services: readonly Service[];
}

let loaded: Catalogs | null = null;

/** The bundled catalogs. The same object is returned each time, so lookups built from it are cached. */
export function loadCatalogs(): Catalogs {
  loaded ??= {
    version: catalogVersion,
    entities: entitiesNoStats as readonly Entity[],
    organisations: organisationsJson as readonly Organisation[],
    trackers: trackersJson as readonly TrackerSignature[],
    consentManagers: consentManagersJson as readonly ConsentManager[],
    services: servicesJson as readonly Service[],
  };
  return loaded;
}
