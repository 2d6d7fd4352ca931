import { describe, expect, it } from 'vitest';
import { harToCaptures } from '../../../src/collect/har';
import { analyse } from '../../../src/core/analyse';
import { groupByParent } from '../../../src/core/dependencies/organisations';
import type { ThirdParty } from '../../../src/core/report';
import { loadCatalogs, type Catalogs, type Organisation } from '../../../src/data/index';
import { capture, req } from '../core/support/captures';
import { readHar, realHarFiles } from '../har/har-fixtures';
import { firstPartyOnly, theatre } from './trackers.fixtures';

const catalogs = loadCatalogs();
const options = { toolVersion: 'test' };

describe('organisations on a French theatre page', () => {
  const report = analyse(theatre, catalogs, options);
  const tp = (domain: string) => report.thirdParties.find((t) => t.domain === domain);

  it('fills organisation, parent, country and jurisdiction of each third party', () => {
    const pick = (t: ThirdParty | undefined) => t && [t.organisation, t.parent, t.country, t.jurisdiction];
    expect(pick(tp('googletagmanager.com'))).toEqual(['Google', 'Alphabet', 'US', 'non-eu']);
    expect(pick(tp('fonts.googleapis.com'))).toEqual(['Google', 'Alphabet', 'US', 'non-eu']);
    expect(pick(tp('youtube.com'))).toEqual(['YouTube', 'Alphabet', 'US', 'non-eu']);
    expect(pick(tp('ytimg.com'))).toEqual(['YouTube', 'Alphabet', 'US', 'non-eu']);
    expect(pick(tp('facebook.net'))).toEqual(['Meta Platforms (Facebook, Instagram, WhatsApp)', 'Meta', 'US', 'non-eu']);
    expect(pick(tp('hotjar.com'))).toEqual(['Hotjar', 'Contentsquare', 'FR', 'eu']);
    expect(pick(tp('agence-web-exemple.fr'))).toEqual([null, null, null, null]);
  });

  it('groups them by parent with shares of third-party requests and bytes', () => {
    const groups = report.organisations!;
    expect(groups.map((g) => [g.parent, g.requests])).toEqual([
      ['Alphabet', 7],
      ['Meta', 2],
      ['Contentsquare', 1],
      [null, 1],
    ]);
    const alphabet = groups[0]!;
    expect(alphabet).toMatchObject({
      country: 'US',
      jurisdiction: 'non-eu',
      organisations: ['Google', 'YouTube'],
      domains: ['fonts.googleapis.com', 'google-analytics.com', 'googletagmanager.com', 'gstatic.com', 'youtube.com', 'ytimg.com'],
    });
    const thirdBytes = 1_500 + 23_000 + 95_000 + 140_000 + 400 + 58_000 + 30_000;
    const allThirdBytes = thirdBytes + 100_000 + 300 + 50_000 + 10_000;
    expect(alphabet.requestShare).toBeCloseTo(7 / 11, 10);
    expect(alphabet.byteShare).toBeCloseTo(thirdBytes / allThirdBytes, 10);
    expect(groups.at(-1)).toMatchObject({ parent: null, country: null, jurisdiction: null, organisations: [], domains: ['agence-web-exemple.fr'] });
    expect(groups.reduce((sum, g) => sum + g.requestShare, 0)).toBeCloseTo(1, 10);
    expect(groups.reduce((sum, g) => sum + g.byteShare, 0)).toBeCloseTo(1, 10);
  });

  it('a first-party-only page has no groups (an empty list, not null)', () => {
    expect(analyse(firstPartyOnly, catalogs, options).organisations).toEqual([]);
  });
});

describe('attribution rules', () => {
  const org = (id: string, hosts: string[], entities: string[] = []): Organisation => ({
    id, name: id.toUpperCase(), parent: `${id}-parent`, country: 'DE', jurisdiction: 'eu', entities, hosts, source: 'test fixture',
  });
  const custom = (organisations: Organisation[]): Catalogs => ({ ...catalogs, organisations, trackers: [], consentManagers: [], services: [] });

  it('hosts of one domain owned by different organisations: the one with most requests wins', () => {
    const page = capture('https://www.venue.fr/', [
      req('https://www.venue.fr/', 'document', 1_000),
      req('https://a.shared-cdn.net/1.js', 'script', 1_000),
      req('https://b.shared-cdn.net/1.js', 'script', 1_000),
      req('https://b.shared-cdn.net/2.js', 'script', 1_000),
    ]);
    const report = analyse(page, custom([org('alpha', ['a.shared-cdn.net']), org('beta', ['b.shared-cdn.net'])]), options);
    expect(report.thirdParties.map((t) => [t.domain, t.organisation, t.parent])).toEqual([['shared-cdn.net', 'BETA', 'beta-parent']]);
  });

  it('the entity name wins over a host suffix, and the longest suffix over a shorter one', () => {
    const page = capture('https://www.venue.fr/', [
      req('https://www.google-analytics.com/analytics.js', 'script', 1_000),
      req('https://img.cdn.example.net/a.jpg', 'image', 1_000),
    ]);
    const report = analyse(
      page,
      custom([org('by-entity', [], ['Google Analytics']), org('by-host', ['google-analytics.com']), org('short', ['example.net']), org('long', ['cdn.example.net'])]),
      options,
    );
    expect(Object.fromEntries(report.thirdParties.map((t) => [t.domain, t.organisation]))).toEqual({
      'google-analytics.com': 'BY-ENTITY',
      'example.net': 'LONG',
    });
  });
});

describe('groupByParent', () => {
  const third = (domain: string, parent: string | null, requests: number, bytes: number): ThirdParty => ({
    domain, hosts: [domain], entity: null, organisation: parent && `${parent} Org`, parent, country: parent && 'US',
    jurisdiction: parent === null ? null : 'non-eu', category: null, requests, bytes, tracker: false, trackerKinds: [], beforeInteraction: null,
  });

  it('returns [] without third parties, and zero shares when nothing was counted', () => {
    expect(groupByParent([])).toEqual([]);
    expect(groupByParent([third('a.com', 'A', 0, 0)])).toEqual([
      { parent: 'A', country: 'US', jurisdiction: 'non-eu', organisations: ['A Org'], domains: ['a.com'], requests: 0, bytes: 0, requestShare: 0, byteShare: 0 },
    ]);
  });

  it('orders by requests, then bytes, then name; uncatalogued third parties form one group', () => {
    const groups = groupByParent([
      third('z.com', null, 2, 3), third('y.com', null, 1, 2), third('b.com', 'B', 3, 5),
      third('c.com', 'C', 3, 50), third('a2.com', 'A', 3, 5), third('a1.com', 'A', 0, 0),
    ]);
    expect(groups.map((g) => [g.parent, g.requests, g.bytes, g.domains])).toEqual([
      ['C', 3, 50, ['c.com']],
      ['A', 3, 5, ['a1.com', 'a2.com']],
      ['B', 3, 5, ['b.com']],
      [null, 3, 5, ['y.com', 'z.com']],
    ]);
  });
});

/** Host suffixes of the four largest parents, written for this test independently of the catalog. */
const PARENT_HOSTS: Record<string, RegExp> = {
  Alphabet: /(^|\.)(google\.[a-z.]+|googleapis\.com|gstatic\.com|doubleclick\.net|googlesyndication\.com|googletagmanager\.com|googletagservices\.com|googleadservices\.com|google-analytics\.com|googleusercontent\.com|youtube\.com|youtube-nocookie\.com|ytimg\.com|ggpht\.com|2mdn\.net)$/,
  Meta: /(^|\.)(facebook\.com|facebook\.net|fbcdn\.net|fbsbx\.com|instagram\.com|cdninstagram\.com|whatsapp\.(com|net))$/,
  Amazon: /(^|\.)(amazon-adsystem\.com|amazonaws\.com|cloudfront\.net|amazon\.[a-z.]+|media-amazon\.com|ssl-images-amazon\.com)$/,
  Microsoft: /(^|\.)(bing\.com|bing\.net|microsoft\.com|clarity\.ms|linkedin\.com|licdn\.com|msn\.com|msn\.cn|live\.com|microsoftonline\.com|msftauth\.net|adnxs\.com|azureedge\.net|s-microsoft\.com)$/,
};
const expectedParent = (host: string) => Object.entries(PARENT_HOSTS).find(([, pattern]) => pattern.test(host))?.[0] ?? null;

describe('real HARs: every request to a Google, Meta, Amazon or Microsoft host is attributed to its parent', () => {
  const seen = new Map<string, number>();
  for (const file of realHarFiles) {
    it(file, () => {
      for (const page of harToCaptures(readHar(file))) {
        const report = analyse(page, catalogs, options);
        for (const thirdParty of report.thirdParties) {
          for (const host of thirdParty.hosts) {
            const parent = expectedParent(host);
            if (parent === null) continue;
            seen.set(parent, (seen.get(parent) ?? 0) + 1);
            expect(`${host} → ${thirdParty.parent}`).toBe(`${host} → ${parent}`);
          }
        }
      }
    });
  }

  it('checked hosts of all four parents', () => {
    expect(seen.get('Alphabet')).toBeGreaterThanOrEqual(20);
    expect(seen.get('Meta')).toBeGreaterThanOrEqual(3);
    expect(seen.get('Amazon')).toBeGreaterThanOrEqual(2);
    expect(seen.get('Microsoft')).toBeGreaterThanOrEqual(6);
  });
});
