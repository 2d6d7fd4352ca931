import { describe, expect, it } from 'vitest';
import { sectorStats } from '../../../src/cli/audit/sector-stats';
import { baselineRows, median } from '../../../src/cli/audit/sector-facts';
import { WEB_ALMANAC_MEDIAN } from '../../../src/core/footprint/weight';
import { harReport, rowOf, venueReport } from './sector-support';

// Four sites: lune.fr (two pages, a phone), soleil.fr (no phone; measured untouched and after refusal,
// its trackers firing only after the click), zdnet.com (a HAR: no DOM, so no EcoIndex, access or
// before/after information) and a site whose home page failed on DNS.
const lune = venueReport('lune.fr', { phone: true });
const luneAgenda = venueReport('lune.fr', { phone: false, url: 'https://www.lune.fr/agenda' });
const soleil = venueReport('soleil.fr', { phone: false });
const soleilRefused = venueReport('soleil.fr', { phone: false, afterClick: true, consentState: 'refused' });
const zdnet = harReport('www.zdnet.com.har');

const rows = [
  rowOf(lune, { site: 'lune.fr' }),
  rowOf(luneAgenda, { site: 'lune.fr', role: 'agenda' }),
  rowOf(soleil, { site: 'soleil.fr' }),
  rowOf(soleilRefused, { site: 'soleil.fr', consent: 'refuse' }),
  rowOf(zdnet, { site: 'zdnet.com' }),
  rowOf(null, { site: 'broken.fr' }),
];

describe('sectorStats', () => {
  const stats = sectorStats(rows);

  it('describes the sample: sites, pages, states, failures by kind, dates, versions', () => {
    expect(stats.sample).toMatchObject({ sites: 4, pages: 5, rows: 6, ok: 5, failed: 1, modes: { none: 5, refuse: 1, accept: 0 } });
    expect(stats.sample.failures).toEqual([{ kind: 'dns', count: 1 }]);
    expect(stats.sample.firstStartedAt).toBe('2026-11-29T10:00:00.000Z');
    expect(stats.sample.mixedVersions).toBe(false);
    expect(stats.sitesMeasured).toBe(3);
    // the refused row is the same page as soleil's untouched one: counted once
    expect(stats.pagesMeasured).toBe(4);
  });

  it('counts each page once in the grade distributions, in its untouched state', () => {
    const dependency = Object.values(stats.dependencyGrades).reduce((a, b) => a + b, 0);
    expect(dependency + stats.ungraded.dependency).toBe(4);
    expect(stats.dependencyGrades[lune.scores.dependencies!.grade]).toBeGreaterThanOrEqual(3);
    // zdnet, imported from a HAR, has no DOM count and so no EcoIndex
    expect(stats.ungraded.ecoIndex).toBe(1);
    expect(stats.ecoIndexGrades[lune.scores.environment!.grade]).toBe(3);
  });

  it('ranks parent companies and services by share of sites', () => {
    expect(stats.parents.find((item) => item.name === 'Alphabet')).toEqual({ name: 'Alphabet', sites: 3, share: 1 });
    expect(stats.parents.find((item) => item.name === 'Billetweb')?.sites).toBe(2);
    expect(stats.ticketing).toEqual([{ name: 'Billetweb', sites: 2, share: 2 / 3 }]);
    expect(stats.aiWidgets[0]).toEqual({ name: 'Chatbase', sites: 2, share: 2 / 3 });
    expect(stats.aiWidgets.map((item) => item.sites)).toEqual([...stats.aiWidgets.map((item) => item.sites)].sort((a, b) => b - a));
  });

  it('counts trackers before interaction only where the capture can tell, and trackers after refusal', () => {
    // lune and soleil fire trackers before any interaction; zdnet's HAR cannot say
    expect(stats.trackersBefore).toEqual({ sitesWith: 2, sitesKnown: 2 });
    expect(stats.afterRefusal).toEqual({ sitesMeasured: 1, sitesRefused: 1, sitesWithTrackers: 1, sitesWithTrackersAfter: 1 });
    const soleilLine = stats.sites.find((site) => site.site === 'soleil.fr')!;
    expect(soleilLine.trackersAfterRefusal).toBe(2);
    expect(stats.sites.find((site) => site.site === 'zdnet.com')!.trackersBefore).toBeNull();
  });

  it('says "not measured" (null) when no row measured the refuse state', () => {
    expect(sectorStats(rows.filter((row) => row.consent.requested !== 'refuse')).afterRefusal).toBeNull();
  });

  it('compares the median page weight with the Web Almanac median', () => {
    const bytes = [lune, luneAgenda, soleil, zdnet].map((report) => report.footprint.bytes);
    expect(stats.weight.medianBytes).toBe(median(bytes));
    expect(stats.weight.pages).toBe(4);
    expect(stats.weight.almanacBytes).toBe(lune.footprint.comparison?.webAlmanac.medianBytes ?? WEB_ALMANAC_MEDIAN.bytes);
  });

  it('lists sites with no non-digital route, among those where routes were evaluated', () => {
    expect(stats.noRoute).toEqual({ sites: ['soleil.fr'], evaluated: 2 });
    expect(stats.sites.find((site) => site.site === 'lune.fr')).toMatchObject({ route: true, pages: 2, pagesOk: 2 });
  });

  it('gives one table line per site, failed sites included, with the home page grades', () => {
    expect(stats.sites.map((site) => site.site)).toEqual(['broken.fr', 'lune.fr', 'soleil.fr', 'zdnet.com']);
    expect(stats.sites[0]).toMatchObject({ pagesOk: 0, failures: ['dns'], dependency: null, bytes: null, route: null });
    expect(stats.sites[1]!.dependency?.grade).toBe(lune.scores.dependencies!.grade);
  });

  it('warns when rows mix catalog or scoring versions', () => {
    const other = { ...zdnet, versions: { ...zdnet.versions, catalog: 'other-catalog' } };
    expect(sectorStats([...rows, rowOf(other, { site: 'other.fr', url: 'https://other.fr/' })]).sample.mixedVersions).toBe(true);
  });

  it('handles an empty sample', () => {
    const empty = sectorStats([]);
    expect(empty.sample.sites).toBe(0);
    expect(empty.weight.medianBytes).toBeNull();
    expect(empty.parents).toEqual([]);
  });
});

describe('baselineRows', () => {
  it('keeps the untouched row of a page, else refusal, else acceptance', () => {
    const accept = rowOf(soleil, { site: 'soleil.fr', consent: 'accept' });
    const refuse = rowOf(soleilRefused, { site: 'soleil.fr', consent: 'refuse' });
    expect(baselineRows([accept, refuse]).map((row) => row.consent.requested)).toEqual(['refuse']);
    expect(baselineRows([accept, refuse, rows[2]!]).map((row) => row.consent.requested)).toEqual(['none']);
  });
});
