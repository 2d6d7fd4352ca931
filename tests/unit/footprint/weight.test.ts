import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse';
import { ECOINDEX_MEDIANS, WEB_ALMANAC_MEDIAN } from '../../../src/core/footprint/weight';
import { computeEcoIndex } from '../../../src/core/ecoindex';
import { loadCatalogs } from '../../../src/data/index';
import type { Report } from '../../../src/core/report';
import { capture, req } from '../core/support/captures';
import almanac from '../../fixtures/research/webalmanac-2025.json';

const catalogs = loadCatalogs();
const options = { toolVersion: 'test' };
const purposeOf = (report: Report) => report.footprint.byPurpose!;

// A venue page with a bit of everything; bytes are distinct powers of ten or so
// that a request filed in the wrong purpose shows in the sums.
const page = capture(
  'https://www.theatre.fr/',
  [
    req('https://www.theatre.fr/', 'document', 10_000),
    req('https://www.theatre.fr/style.css', 'stylesheet', 2_000),
    req('https://www.theatre.fr/images/salle.jpg', 'image', 50_000),
    // analytics proxied through the site's own host
    req('https://www.theatre.fr/matomo.php?idsite=1&rec=1', 'beacon', 300),
    req('https://www.theatre.fr/fonts/maison.woff2', 'font', 20_000),
    req('https://fonts.googleapis.com/css2?family=Inter', 'stylesheet', 1_000),
    req('https://fonts.gstatic.com/s/inter/v1/inter.woff2', 'font', 30_000),
    req('https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123', 'beacon', 100),
    req('https://cdn.jsdelivr.net/npm/lib@1/lib.js', 'script', 4_000),
    // a YouTube embed: its document, then what its frame loads, a tracker included
    req('https://www.youtube.com/embed/abc123', 'document', 60_000, { frameId: 'F1' }),
    req('https://www.youtube.com/s/player/base.js', 'script', 700_000, { frameId: 'F1' }),
    req('https://i.ytimg.com/vi/abc123/hqdefault.jpg', 'image', 25_000, { frameId: 'F1' }),
    req('https://googleads.g.doubleclick.net/pagead/id', 'xhr', 200, { frameId: 'F1' }),
    req('https://static.doubleclick.net/instream/ad_status.js', 'script', 50, { frameId: 'F1' }),
  ],
  { dropped: { count: 3, bytes: 9_999 } },
);

describe('where the weight goes, by purpose', () => {
  const report = analyse(page, catalogs, options);
  const purposes = purposeOf(report);

  it('files every counted request in exactly one purpose (dropped requests are not attributed)', () => {
    const all = Object.values(purposes);
    expect(all.reduce((sum, tally) => sum + tally.requests, 0)).toBe(page.requests.length);
    expect(all.reduce((sum, tally) => sum + tally.bytes, 0)).toBe(report.footprint.bytes - 9_999);
    expect(report.footprint.requests).toBe(page.requests.length + 3);
  });

  it('puts proxied analytics and third-party trackers in tracking', () => {
    expect(purposes.tracking).toEqual({ requests: 2, bytes: 300 + 100 });
  });

  it('gives the embed everything its cross-site frame loaded, trackers included', () => {
    expect(purposes.embeds).toEqual({ requests: 5, bytes: 60_000 + 700_000 + 25_000 + 200 + 50 });
  });

  it('puts font files and font services in fonts, the rest by party', () => {
    expect(purposes.fonts).toEqual({ requests: 3, bytes: 20_000 + 1_000 + 30_000 });
    expect(purposes.content).toEqual({ requests: 3, bytes: 10_000 + 2_000 + 50_000 });
    expect(purposes.other).toEqual({ requests: 1, bytes: 4_000 });
  });

  it('follows a frame through initiators when the capture has no frame ids (HAR)', () => {
    const har = capture('https://www.theatre.fr/', [
      req('https://www.theatre.fr/', 'document', 10_000),
      req('https://player.vimeo.com/video/1', 'document', 5_000),
      req('https://cdn.example-player.net/app.js', 'script', 7_000, {
        initiator: { type: 'parser', url: 'https://player.vimeo.com/video/1' },
      }),
      req('https://cdn.example-player.net/chunk.js', 'script', 3_000, {
        initiator: { type: 'script', url: 'https://cdn.example-player.net/app.js' },
      }),
      req('https://cdn.example-player.net/unrelated.js', 'script', 1_000),
    ], { dom: null });
    const result = purposeOf(analyse(har, catalogs, options));
    expect(result.embeds).toEqual({ requests: 3, bytes: 15_000 });
    expect(result.other).toEqual({ requests: 1, bytes: 1_000 });
  });
});

describe('where the weight goes, by organisation', () => {
  it('groups third parties by organisation, largest first, the unknown ones together', () => {
    const report = analyse(page, catalogs, options);
    const rows = report.footprint.byOrganisation!;
    const third = report.footprint.byParty.third;
    expect(rows.reduce((sum, row) => sum + row.bytes, 0)).toBe(third.bytes);
    expect(rows.reduce((sum, row) => sum + row.requests, 0)).toBe(third.requests);
    expect(rows.map((row) => row.bytes)).toEqual([...rows.map((row) => row.bytes)].sort((a, b) => b - a));
    expect(new Set(rows.map((row) => row.organisation)).size).toBe(rows.length);
    // the player's document and script weigh most
    expect(rows[0]).toMatchObject({ organisation: 'YouTube', parent: 'Alphabet' });
    expect(rows[0]!.bytes).toBeGreaterThanOrEqual(700_000 + 60_000);
    // Google Fonts, Google Analytics, DoubleClick: one organisation, one row
    expect(rows.find((row) => row.organisation === 'Google')?.requests).toBeGreaterThanOrEqual(4);
    // jsdelivr's organisation may or may not be catalogued: every row is either named or the single null group
    expect(rows.filter((row) => row.organisation === null).length).toBeLessThanOrEqual(1);
  });

  it('puts uncatalogued organisations in one null group', () => {
    const report = analyse(
      capture('https://www.theatre.fr/', [
        req('https://www.theatre.fr/', 'document', 1_000),
        req('https://static.agenda-inconnu.example/a.js', 'script', 2_000),
        req('https://cdn.autre-inconnu.example/b.js', 'script', 3_000),
      ]),
      catalogs,
      options,
    );
    expect(report.footprint.byOrganisation).toEqual([{ organisation: null, parent: null, requests: 2, bytes: 5_000 }]);
  });
});

describe('comparisons', () => {
  it('sets the page against the Web Almanac 2025 all-pages desktop median, KB of 1,024 bytes', () => {
    expect(WEB_ALMANAC_MEDIAN.bytes).toBe(almanac.page_weight_KB_all_pages.desktop.p50 * 1024);
    expect(WEB_ALMANAC_MEDIAN.requests).toBe(almanac.requests_all_pages.desktop.p50);
    const report = analyse(page, catalogs, options);
    const { webAlmanac } = report.footprint.comparison!;
    expect(webAlmanac.bytesRatio).toBeCloseTo(report.footprint.bytes / (2412 * 1024), 3);
    expect(webAlmanac.requestsRatio).toBeCloseTo(report.footprint.requests / 77, 3);
    expect(webAlmanac.source).toMatch(/Web Almanac 2025 — Page Weight, desktop, p50/);
  });

  it('gives the EcoIndex medians: a page there on all three inputs scores exactly 50', () => {
    expect(ECOINDEX_MEDIANS).toEqual({ dom: 603, requests: 78, sizeKb: 1448.32 });
    expect(computeEcoIndex(ECOINDEX_MEDIANS.dom, ECOINDEX_MEDIANS.requests, ECOINDEX_MEDIANS.sizeKb).score).toBe(50);
  });

  it('an empty page has zero ratios and zero purposes', () => {
    const report = analyse(capture('https://www.theatre.fr/', []), catalogs, options);
    expect(report.footprint.comparison?.webAlmanac.bytesRatio).toBe(0);
    expect(Object.values(purposeOf(report)).every((tally) => tally.requests === 0 && tally.bytes === 0)).toBe(true);
    expect(report.footprint.byOrganisation).toEqual([]);
  });
});
