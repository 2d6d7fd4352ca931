import { describe, expect, it } from 'vitest';
import {
  ConsentManagerCatalogSchema,
  OrganisationCatalogSchema,
  ServiceCatalogSchema,
  TrackerCatalogSchema,
} from '../../../src/core/catalog-schema';
import { compiledPatterns, hostMatches, organisationById, organisationOf } from '../../../src/core/dependencies/lookup';
import { findEntity } from '../../../src/core/entities';
import { describeIssues, type z } from '../../../src/core/zod';
import { loadCatalogs, type Catalogs } from '../../../src/data/index';

const catalogs = loadCatalogs();

const schemas = {
  organisations: OrganisationCatalogSchema,
  trackers: TrackerCatalogSchema,
  consentManagers: ConsentManagerCatalogSchema,
  services: ServiceCatalogSchema,
} as const;
type Name = keyof typeof schemas;
const names = Object.keys(schemas) as Name[];

function check(name: Name, value: unknown): string {
  const result = (schemas[name] as z.ZodType).safeParse(value);
  return result.success ? 'ok' : describeIssues(result.error, 50);
}

describe('Empreinte catalogs', () => {
  it.each(names)('%s: every entry passes its schema', (name) => {
    expect(catalogs[name].length).toBeGreaterThan(10);
    expect(check(name, catalogs[name])).toBe('ok');
  });

  it.each(names)('%s: every entry has a source and a unique id', (name) => {
    const ids = catalogs[name].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of catalogs[name]) expect(entry.source.trim().length, entry.id).toBeGreaterThanOrEqual(5);
  });

  it('every organisationId referenced exists', () => {
    const referencing = [...catalogs.trackers, ...catalogs.consentManagers, ...catalogs.services];
    const unknown = referencing.filter((e) => e.organisationId !== undefined && !organisationById(e.organisationId, catalogs));
    expect(unknown.map((e) => `${e.id} → ${e.organisationId}`)).toEqual([]);
  });

  it('every regular expression compiles', () => {
    const lists = [
      ...catalogs.trackers.map((t) => t.urlPatterns),
      ...catalogs.consentManagers.map((c) => c.scriptPatterns),
      ...catalogs.services.flatMap((s) => [s.match.scriptPatterns, s.match.iframePatterns]),
    ];
    for (const list of lists) expect(compiledPatterns(list).length).toBe(list.length);
  });

  it('every third-party-web entity named by an organisation exists, and only one organisation claims it', () => {
    const entityNames = new Set(catalogs.entities.map((e) => e.name));
    const claimed = catalogs.organisations.flatMap((o) => o.entities);
    expect(claimed.filter((n) => !entityNames.has(n))).toEqual([]);
    expect(new Set(claimed).size).toBe(claimed.length);
  });

  it('keeps the named trackers, consent managers and sector services the issue requires', () => {
    const ids = (list: readonly { id: string }[]) => new Set(list.map((e) => e.id));
    const trackers = ids(catalogs.trackers);
    for (const id of ['meta-pixel', 'google-ads', 'tiktok-pixel', 'linkedin-insight', 'x-pixel', 'snap-pixel', 'pinterest-tag'])
      expect(trackers.has(id), id).toBe(true);
    for (const id of ['hotjar', 'microsoft-clarity', 'contentsquare', 'fullstory', 'mouseflow', 'smartlook', 'logrocket', 'yandex-metrica'])
      expect(trackers.has(id), id).toBe(true);
    const services = ids(catalogs.services);
    for (const id of ['weezevent', 'billetweb', 'helloasso', 'yurplan', 'secutix', 'mapado', 'shotgun', 'festik', 'dice', 'eventbrite', 'pretix'])
      expect(services.has(id), id).toBe(true);
    expect(catalogs.services.filter((s) => s.ai !== 'none').length).toBeGreaterThanOrEqual(40);
  });
});

describe('a broken entry is rejected with a message naming the field', () => {
  const organisation = catalogs.organisations[0]!;
  const tracker = catalogs.trackers[0]!;
  const service = catalogs.services[0]!;
  const manager = catalogs.consentManagers[0]!;

  it('missing source', () => {
    const { source: _dropped, ...withoutSource } = organisation;
    expect(check('organisations', [withoutSource])).toMatch(/^0\.source: /);
    expect(check('services', [{ ...service, source: '  ' }])).toMatch(/^0\.source: /);
  });

  it('duplicate id', () => {
    expect(check('trackers', [tracker, { ...tracker }])).toMatch(/^1\.id: duplicate id/);
    expect(check('consentManagers', [manager, manager])).toMatch(/^1\.id: duplicate id/);
  });

  it('bad regular expression', () => {
    expect(check('trackers', [{ ...tracker, urlPatterns: ['fbevents\\.js', '([unclosed'] }])).toMatch(
      /^0\.urlPatterns\.1: not a valid regular expression/,
    );
    const badIframe = { ...service, match: { ...service.match, iframePatterns: ['*oops'] } };
    expect(check('services', [badIframe])).toMatch(/^0\.match\.iframePatterns\.0: /);
  });

  it('unknown ai class, kind, jurisdiction or country', () => {
    expect(check('services', [{ ...service, ai: 'magic' }])).toMatch(/^0\.ai: /);
    expect(check('trackers', [{ ...tracker, kind: 'beacon' }])).toMatch(/^0\.kind: /);
    expect(check('organisations', [{ ...organisation, jurisdiction: 'us' }])).toMatch(/^0\.jurisdiction: /);
    expect(check('organisations', [{ ...organisation, country: 'USA' }])).toMatch(/^0\.country: /);
    expect(check('organisations', [{ ...organisation, country: 'XX' }])).toMatch(/^0\.country: /);
    // a real country whose jurisdiction disagrees
    expect(check('organisations', [{ ...organisation, country: 'FR', jurisdiction: 'non-eu' }])).toMatch(/^0\.jurisdiction: /);
  });

  it('an unknown field or a host that is not a host suffix', () => {
    expect(check('organisations', [{ ...organisation, notes: 'dead data' }])).toMatch(/^0: .*notes/);
    expect(check('organisations', [{ ...organisation, hosts: ['https://google.com/'] }])).toMatch(/^0\.hosts\.0: /);
  });
});

/** The parents the issue names, recognised in a third-party-web entity's name or company independently of our data. */
const REQUIRED_PARENTS: [parent: string, pattern: RegExp][] = [
  ['Alphabet', /alphabet|google|youtube|doubleclick|firebase|blogger/i],
  ['Meta', /\bmeta\b(?! ?(broadcast|network))|facebook|instagram|whatsapp/i],
  ['Amazon', /amazon|\baws\b|twitch/i],
  ['Microsoft', /microsoft|\bbing\b|\bmsn\b|azure|clarity|linkedin|github/i],
  ['Apple', /\bapple\b|itunes|icloud/i],
  ['ByteDance', /bytedance|tiktok/i],
  ['Oracle', /oracle|bluekai|eloqua|responsys|\bmoat\b|grapeshot|addthis(?!event)/i],
  ['Adobe', /adobe|typekit|omniture|marketo/i],
  ['Salesforce', /salesforce|pardot|krux|exacttarget|demandware/i],
  ['Yandex', /yandex/i],
];
const CATEGORIES = new Set(['ad', 'analytics', 'social', 'video', 'customer-success', 'tag-manager', 'consent-provider', 'cdn', 'hosting']);

describe('organisation coverage', () => {
  it('maps every third-party-web entity of the listed categories that belongs to a listed parent, to that parent', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const entity of catalogs.entities) {
      if (!CATEGORIES.has(entity.category)) continue;
      const haystack = `${entity.name} ${entity.company ?? ''}`;
      const parents = REQUIRED_PARENTS.filter(([, pattern]) => pattern.test(haystack)).map(([parent]) => parent);
      if (parents.length === 0) continue;
      checked++;
      const organisation = organisationOf(null, entity.name, catalogs);
      if (!organisation) problems.push(`${entity.name}: not mapped (expected ${parents.join('/')})`);
      else if (!parents.includes(organisation.parent)) problems.push(`${entity.name}: ${organisation.parent}, expected ${parents.join('/')}`);
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(45);
  });

  it('maps every host of the sector services to an organisation, the service’s own when it names one', () => {
    const sectorKinds = new Set(['ticketing', 'font', 'map', 'video', 'social', 'newsletter', 'cdn']);
    const sector = catalogs.services.filter((s) => sectorKinds.has(s.kind));
    expect(sector.length).toBeGreaterThanOrEqual(40);
    const problems: string[] = [];
    for (const service of sector) {
      for (const host of service.match.hosts) {
        const organisation = organisationOf(host, findEntity(catalogs.entities, host)?.name ?? null, catalogs);
        if (!organisation) problems.push(`${service.id} ${host}: no organisation`);
        else if (service.organisationId && organisation.id !== service.organisationId)
          problems.push(`${service.id} ${host}: ${organisation.id}, catalog says ${service.organisationId}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('lookup helpers', () => {
  it('hostMatches: the suffix itself or a subdomain, never a look-alike', () => {
    expect(hostMatches('google.com', 'google.com')).toBe(true);
    expect(hostMatches('fonts.google.com', 'google.com')).toBe(true);
    expect(hostMatches('notgoogle.com', 'google.com')).toBe(false);
    expect(hostMatches('google.com.evil.net', 'google.com')).toBe(false);
    expect(hostMatches('com', 'google.com')).toBe(false);
  });

  it('organisationOf: entity name first, then the longest host suffix', () => {
    expect(organisationOf('www.google-analytics.com', 'Google Analytics', catalogs)?.parent).toBe('Alphabet');
    // by host alone, through the mapped entity's domains or the catalog's own hosts
    expect(organisationOf('connect.facebook.net', null, catalogs)?.parent).toBe('Meta');
    expect(organisationOf('www.youtube-nocookie.com', null, catalogs)?.parent).toBe('Alphabet');
    expect(organisationOf('WIDGET.WEEZEVENT.COM', null, catalogs)?.id).toBe('weezevent');
    expect(organisationOf('example.org', null, catalogs)).toBeNull();
    expect(organisationOf('', null, catalogs)).toBeNull();
    // an unknown entity name falls back on the host
    expect(organisationOf('snap.licdn.com', 'Not An Entity', catalogs)?.parent).toBe('Microsoft');
  });

  it('longest suffix wins, and each catalog object gets its own index', () => {
    const base: Catalogs = { ...catalogs, entities: [], trackers: [], consentManagers: [], services: [] };
    const org = (id: string, hosts: string[]) => ({ id, name: id, parent: id, country: 'FR', jurisdiction: 'eu' as const, entities: [], hosts, source: 'test' });
    const custom: Catalogs = { ...base, organisations: [org('short', ['example.com']), org('long', ['cdn.example.com'])] };
    expect(organisationOf('a.cdn.example.com', null, custom)?.id).toBe('long');
    expect(organisationOf('www.example.com', null, custom)?.id).toBe('short');
    expect(organisationOf('a.cdn.example.com', null, { ...custom, organisations: [org('short', ['example.com'])] })?.id).toBe('short');
  });

  it('skips an invalid pattern instead of throwing, and caches per list', () => {
    const list = ['ok', '([bad'];
    expect(compiledPatterns(list).map((r) => r.source)).toEqual(['ok']);
    expect(compiledPatterns(list)).toBe(compiledPatterns(list));
  });
});
