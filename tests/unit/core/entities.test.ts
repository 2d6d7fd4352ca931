import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EntityCatalogSchema } from '../../../src/core/catalog-schema';
import { describeIssues } from '../../../src/core/zod';
import { entityFinder, findEntity } from '../../../src/core/entities';
import { catalogVersion, loadCatalogs, THIRD_PARTY_WEB_VERSION, type Entity } from '../../../src/data/index';

const catalogs = loadCatalogs();
const nameOf = (host: string) => findEntity(catalogs.entities, host)?.name ?? null;

describe('bundled catalogs', () => {
  it('third-party-web data matches the schema core relies on', () => {
    const result = EntityCatalogSchema.safeParse(catalogs.entities);
    expect(result.success, result.success ? '' : describeIssues(result.error)).toBe(true);
    // The TypeScript type of src/data agrees with the schema's output.
    if (result.success) {
      const typed: readonly Entity[] = result.data;
      expect(typed.length).toBeGreaterThan(1000);
    }
  });

  it('names the installed third-party-web version', () => {
    const installed = JSON.parse(readFileSync('node_modules/third-party-web/package.json', 'utf8')) as { version: string };
    expect(THIRD_PARTY_WEB_VERSION).toBe(installed.version);
    expect(catalogs.version).toBe(catalogVersion);
    expect(catalogVersion).toMatch(/^tpw-\d+\.\d+\.\d+\+empreinte-\d+$/);
  });

  it('returns the same object each time, so lookups stay cached', () => {
    expect(loadCatalogs()).toBe(catalogs);
  });

  it('rejects a malformed entity with a message naming the field', () => {
    const result = EntityCatalogSchema.safeParse([{ name: 'X', category: 'ad', domains: ['bad domain!'] }]);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(/^0\.domains\.0: /);
  });
});

describe('entity lookup', () => {
  it.each([
    ['www.googletagmanager.com', 'Google Tag Manager'],
    ['connect.facebook.net', 'Facebook'],
    ['fonts.gstatic.com', 'Google Fonts'],
    ['fonts.googleapis.com', 'Google Fonts'],
    ['www.google-analytics.com', 'Google Analytics'],
    ['region1.google-analytics.com', 'Google Analytics'],
    ['www.youtube.com', 'YouTube'],
    ['i.ytimg.com', 'YouTube'],
    ['googleads.g.doubleclick.net', 'Google/Doubleclick Ads'],
  ])('%s → %s', (host, entity) => {
    expect(nameOf(host)).toBe(entity);
  });

  it('a wildcard matches its suffix itself', () => {
    expect(nameOf('facebook.net')).toBe('Facebook');
  });

  it('is case-insensitive and ignores a trailing dot', () => {
    expect(nameOf('CONNECT.Facebook.NET.')).toBe('Facebook');
  });

  it('returns null for unknown hosts and never matches a bare TLD', () => {
    expect(nameOf('www.theatre-de-la-ville.fr')).toBeNull();
    expect(nameOf('com')).toBeNull();
  });

  it('exact entries beat wildcards, and the longest wildcard wins', () => {
    const entities: Entity[] = [
      { name: 'Broad', category: 'cdn', domains: ['*.example.com'] },
      { name: 'Narrow', category: 'ad', domains: ['*.ads.example.com'] },
      { name: 'Exact', category: 'analytics', domains: ['stats.ads.example.com'] },
    ];
    const find = entityFinder(entities);
    expect(find('www.example.com')?.name).toBe('Broad');
    expect(find('x.ads.example.com')?.name).toBe('Narrow');
    expect(find('ads.example.com')?.name).toBe('Narrow');
    expect(find('stats.ads.example.com')?.name).toBe('Exact');
    expect(find('example.org')).toBeNull();
  });

  it('answers the same for a host whether or not the index was built before', () => {
    // Speed is measured by `npm run bench` (docs/benchmarks.md), never asserted in tests.
    const hosts = ['www.googletagmanager.com', 'connect.facebook.net', 'fonts.gstatic.com', 'nothing.example'];
    const first = hosts.map((host) => findEntity(catalogs.entities, host)?.name ?? null);
    const again = hosts.map((host) => findEntity(catalogs.entities, host)?.name ?? null);
    expect(again).toEqual(first);
    expect(first[3]).toBeNull();
  });
});
