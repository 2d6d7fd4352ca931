/**
 * The catalogs that `analyse()` reads, loaded once and passed in (the core never
 * imports them itself, so tests can pass their own). Sources and licences:
 * ./SOURCES.md.
 *
 * The third-party-web JSON is imported, not read from disk, so that WXT and
 * esbuild inline it into the extension and the CLI bundle. It is not validated
 * at load time (that would cost start-up on every service-worker wake-up); a
 * unit test validates it against `EntityCatalogSchema` (src/core/catalog-schema.ts)
 * whenever the package is updated.
 */
import entitiesNoStats from 'third-party-web/dist/entities-nostats.json';

/** The version of third-party-web whose data is bundled (a test checks it against the installed package). */
export const THIRD_PARTY_WEB_VERSION = '0.30.0';
/** Bumped whenever our own catalog data on top of third-party-web changes. */
export const EMPREINTE_CATALOG_REVISION = 1;
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

export interface Catalogs {
  /** e.g. `tpw-0.30.0+empreinte-1`; see `catalogVersion` */
  version: string;
  entities: readonly Entity[];
}

let loaded: Catalogs | null = null;

/** The bundled catalogs. The same object is returned each time, so lookups built from it are cached. */
export function loadCatalogs(): Catalogs {
  loaded ??= { version: catalogVersion, entities: entitiesNoStats as readonly Entity[] };
  return loaded;
}
