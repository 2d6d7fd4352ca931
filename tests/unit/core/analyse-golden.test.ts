import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse';
import { computeCo2 } from '../../../src/core/co2';
import { Report, type Tally } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';
import { capture, deepFreeze, dom, req } from './support/captures';

const catalogs = loadCatalogs();
const options = { toolVersion: '9.9.9-test' };
const zero: Tally = { requests: 0, bytes: 0 };
const allTypes = (tallies: Record<string, Tally>) => ({
  document: zero, stylesheet: zero, script: zero, image: zero, font: zero, media: zero,
  xhr: zero, fetch: zero, websocket: zero, beacon: zero, manifest: zero, other: zero,
  ...tallies,
});
const thirdParty = (
  domain: string, hosts: string[], entity: string | null, category: string | null, requests: number, bytes: number,
  who: { organisation: string; parent: string; country: string; jurisdiction: 'eu' | 'non-eu' } | null,
  trackerKinds: string[], beforeInteraction: boolean | null,
) => ({
  domain, hosts, entity, organisation: who?.organisation ?? null, parent: who?.parent ?? null, country: who?.country ?? null,
  jurisdiction: who?.jurisdiction ?? null, category, requests, bytes, tracker: trackerKinds.length > 0, trackerKinds, beforeInteraction,
});
// organisations of src/data/organisations.json (tests/unit/deps/organisations.test.ts covers the attribution rules)
const google = { organisation: 'Google', parent: 'Alphabet', country: 'US', jurisdiction: 'non-eu' } as const;
const youtube = { ...google, organisation: 'YouTube' };
const JSDELIVR = { organisation: 'jsDelivr', parent: 'jsDelivr (Prospect One)', country: 'PL', jurisdiction: 'eu' } as const;
const WEEZEVENT = { organisation: 'Weezevent', parent: 'Weezevent', country: 'FR', jurisdiction: 'eu' } as const;
const meta = { organisation: 'Meta Platforms (Facebook, Instagram, WhatsApp)', parent: 'Meta', country: 'US', jurisdiction: 'non-eu' } as const;

// A French theatre home page measured by the CLI (CDP: every size exact): Google
// Fonts, a YouTube embed, GTM + GA4, a Meta pixel, and an inline SVG (data: URL).
const theatre = deepFreeze(
  capture(
    'https://www.theatre-des-lilas.fr/',
    [
      req('https://www.theatre-des-lilas.fr/', 'document', 32_000),
      req('https://www.theatre-des-lilas.fr/css/main.css', 'stylesheet', 12_000),
      req('https://www.theatre-des-lilas.fr/js/app.js', 'script', 45_000),
      req('https://www.theatre-des-lilas.fr/img/affiche.webp', 'image', 180_000),
      req('https://medias.theatre-des-lilas.fr/saison-2025.jpg', 'image', 220_000),
      req('https://fonts.googleapis.com/css2?family=Lato:wght@400;700&display=swap', 'stylesheet', 1_500),
      req('https://fonts.gstatic.com/s/lato/v24/S6uyw4BMUTPHjx4wXg.woff2', 'font', 23_000),
      req('https://fonts.gstatic.com/s/lato/v24/S6u9w4BMUTPHh6UVSwiPGQ.woff2', 'font', 24_000),
      req('https://www.googletagmanager.com/gtm.js?id=GTM-ABC123', 'script', 95_000),
      req('https://www.googletagmanager.com/gtag/js?id=G-XYZ789&l=dataLayer', 'script', 140_000),
      req('https://region1.google-analytics.com/g/collect?v=2&tid=G-XYZ789&en=page_view', 'beacon', 400, { status: 204 }),
      req('https://www.youtube.com/embed/dQw4w9WgXcQ', 'document', 58_000, { frameId: 'F1' }),
      req('https://www.youtube.com/s/player/3c3a5cb4/player_ias.vflset/fr_FR/embed.js', 'script', 120_000, { frameId: 'F1' }),
      req('https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg', 'image', 30_000, { frameId: 'F1' }),
      req('https://connect.facebook.net/fr_FR/fbevents.js', 'script', 100_000),
      req('https://www.facebook.com/tr/?id=123456789&ev=PageView&noscript=1', 'image', 300),
      req('data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E', 'image', 0),
    ],
    { dom: dom(850), page: { title: 'Théâtre des Lilas — saison 2025-2026' } },
  ),
);

describe('golden: French theatre page with Google Fonts, YouTube, GTM + GA4 and a Meta pixel', () => {
  const report = analyse(theatre, catalogs, options);

  it('passes the Report schema', () => {
    expect(Report.parse(report)).toEqual(report);
  });

  it('identifies the page', () => {
    expect(report.versions).toEqual({ tool: '9.9.9-test', catalog: catalogs.version, scoring: '1' });
    expect(report.page.site).toBe('theatre-des-lilas.fr');
    expect(report.page.title).toBe('Théâtre des Lilas — saison 2025-2026');
    expect(report.page.method).toBe('cdp');
  });

  it('totals every network request once, leaving the data: URL out', () => {
    const f = report.footprint;
    expect(f.requests).toBe(16);
    expect(f.bytes).toBe(1_081_200);
    expect(f.bytesMeasuredShare).toBe(1);
    expect(f.requestsFromCache).toBe(0);
    expect(f.domElements).toBe(850);
    expect(f.bySource).toEqual({ cdp: 1_081_200 });
    expect(f.byParty).toEqual({ first: { requests: 5, bytes: 489_000 }, third: { requests: 11, bytes: 592_200 } });
    expect(f.byType).toEqual(
      allTypes({
        document: { requests: 2, bytes: 90_000 },
        stylesheet: { requests: 2, bytes: 13_500 },
        script: { requests: 5, bytes: 500_000 },
        image: { requests: 4, bytes: 430_300 },
        font: { requests: 2, bytes: 47_000 },
        beacon: { requests: 1, bytes: 400 },
      }),
    );
  });

  it('computes EcoIndex from 850 elements, 16 requests and 1,081.2 kB', () => {
    // q_dom = 13 + 7/106, q_req = 2.1, q_size = 7 + 143.29/160.71 → 57.26 → 57
    expect(report.footprint.ecoIndex).toEqual({ score: 57, grade: 'C', ghg: 1.86, water: 2.79 });
    expect(report.scores.environment).toEqual({ score: 57, grade: 'C' });
  });

  it('computes CO2 for the same bytes at the world average', () => {
    expect(report.footprint.co2).toEqual(computeCo2(1_081_200));
    expect(report.footprint.co2.grams).toBe(0.1602);
    expect(report.footprint.co2.gridIntensity).toEqual({ gramsPerKwh: 494, region: 'world' });
  });

  it('lists the third parties by registrable domain, most requests first', () => {
    expect(report.thirdParties).toEqual([
      // (no interaction observed on a probed page: everything fired before it)
      thirdParty('googletagmanager.com', ['www.googletagmanager.com'], 'Google Tag Manager', 'tag-manager', 2, 235_000, google, ['tag-manager'], true),
      thirdParty('youtube.com', ['www.youtube.com'], 'YouTube', 'video', 2, 178_000, youtube, [], true),
      thirdParty('gstatic.com', ['fonts.gstatic.com'], 'Google Fonts', 'cdn', 2, 47_000, google, [], true),
      thirdParty('facebook.net', ['connect.facebook.net'], 'Facebook', 'social', 1, 100_000, meta, ['pixel', 'social'], true),
      thirdParty('ytimg.com', ['i.ytimg.com'], 'YouTube', 'video', 1, 30_000, youtube, [], true),
      thirdParty('fonts.googleapis.com', ['fonts.googleapis.com'], 'Google Fonts', 'cdn', 1, 1_500, google, [], true),
      thirdParty('google-analytics.com', ['region1.google-analytics.com'], 'Google Analytics', 'analytics', 1, 400, google, ['analytics'], true),
      thirdParty('facebook.com', ['www.facebook.com'], 'Facebook', 'social', 1, 300, meta, ['pixel', 'social'], true),
    ]);
  });

  it('groups them by parent company and names the Meta pixel', () => {
    expect(report.organisations?.map((g) => [g.parent, g.requests, g.bytes])).toEqual([
      ['Alphabet', 9, 491_900],
      ['Meta', 2, 100_300],
    ]);
    expect(report.trackers?.map((t) => [t.id, t.kind, t.party, t.requests, t.beforeInteraction])).toEqual([
      ['meta-pixel', 'pixel', 'third', 2, true],
    ]);
  });

  it('plans: the Meta pixel first (its golden plans are in tests/unit/plan)', () => {
    expect(report.plan?.[0]?.id).toBe('remove-tracker:meta-pixel');
    expect(report.planSummary?.steps).toBe(Math.min(3, report.plan?.length ?? 0));
  });

  it('notes only the data: URL left out', () => {
    expect(report.notes).toEqual([{ key: 'note.requests.notNetwork', params: { count: 1 } }]);
  });

  it('is deterministic and does not touch its input (frozen)', () => {
    expect(analyse(theatre, catalogs, options)).toEqual(report);
  });

  it('applies the grid intensity and green hosting options', () => {
    const france = { gramsPerKwh: 44.18, region: 'FRA' };
    const green = analyse(theatre, catalogs, { ...options, gridIntensity: france, greenHosting: true });
    expect(green.footprint.co2).toEqual(computeCo2(1_081_200, france, true));
    expect(green.footprint.co2.grams).toBeLessThan(report.footprint.co2.grams);
  });
});

// A ministry page with no third party, imported from a HAR (no DOM count).
const firstPartyOnly = capture(
  'https://www.culture.gouv.fr/',
  [
    req('https://www.culture.gouv.fr/', 'document', 20_000, { bytesSource: 'har' }),
    req('https://www.culture.gouv.fr/static/site.css', 'stylesheet', 5_000, { bytesSource: 'har' }),
    req('https://static.culture.gouv.fr/images/bandeau.jpg', 'image', 50_000, { bytesSource: 'har' }),
  ],
  { dom: null, page: { method: 'har', title: null, agent: 'WebInspector', viewport: null } },
);

describe('golden: first-party-only page from a HAR file', () => {
  const report = analyse(firstPartyOnly, catalogs, options);

  it('passes the Report schema', () => {
    expect(Report.parse(report)).toEqual(report);
  });

  it('has no third party, culture.gouv.fr being a site of its own', () => {
    expect(report.page.site).toBe('culture.gouv.fr');
    expect(report.thirdParties).toEqual([]);
    expect(report.footprint.byParty).toEqual({ first: { requests: 3, bytes: 75_000 }, third: zero });
  });

  it('totals the HAR sizes, with no EcoIndex without a DOM count', () => {
    expect(report.footprint).toMatchObject({ bytes: 75_000, requests: 3, bytesMeasuredShare: 1, domElements: null, ecoIndex: null, bySource: { har: 75_000 } });
    expect(report.footprint.byType).toEqual(
      allTypes({ document: { requests: 1, bytes: 20_000 }, stylesheet: { requests: 1, bytes: 5_000 }, image: { requests: 1, bytes: 50_000 } }),
    );
    expect(report.scores.environment).toBeNull();
    expect(report.page.title).toBeNull();
    expect(report.notes).toEqual([{ key: 'note.dom.missing', params: {} }]);
  });
});

// The extension's passive capture of a festival page: sizes missing, cache hits,
// a blocked script, a failed call, requests dropped by the memory cap, still loading.
const passive = capture(
  'https://www.festival-exemple.fr/programme',
  [
    req('https://www.festival-exemple.fr/programme', 'document', 28_000, { bytesSource: 'content-length' }),
    req('https://www.festival-exemple.fr/js/app.js', 'script', null),
    req('https://www.festival-exemple.fr/img/hero.jpg', 'image', null, { fromCache: true }),
    req('https://www.festival-exemple.fr/css/site.css', 'stylesheet', 8_000, { bytesSource: 'resource-timing' }),
    req('https://www.festival-exemple.fr/fonts/inter.woff2', 'font', null, { fromCache: true }),
    req('https://cdn.jsdelivr.net/gh/festival-exemple/visuels@1/affiche-2025.jpg', 'image', null),
    req('https://www.weezevent.com/js/widget/min/widget.min.js', 'script', null, { status: null, error: 'net::ERR_BLOCKED_BY_CLIENT' }),
    req('https://api.festival-exemple.fr/v1/events', 'xhr', null, { status: 0 }),
  ],
  { dom: dom(400), page: { method: 'passive', complete: false, agent: 'Chrome 140' }, dropped: { count: 2, bytes: 5_000 } },
);

describe('golden: passive capture with missing sizes, cache hits and failures', () => {
  const report = analyse(passive, catalogs, options);
  const estimated = Math.round((708 * 1024) / 23) + Math.round((1058 * 1024) / 14); // 31,521 + 77,385

  it('passes the Report schema', () => {
    expect(Report.parse(report)).toEqual(report);
  });

  it('estimates only the sizes nobody measured, and says how much', () => {
    const f = report.footprint;
    expect(estimated).toBe(108_906);
    expect(f.bytes).toBe(28_000 + 8_000 + estimated + 5_000);
    expect(f.bytesMeasuredShare).toBeCloseTo(41_000 / 149_906, 12);
    expect(f.bySource).toEqual({ 'content-length': 28_000, 'resource-timing': 8_000, estimated: 108_906, dropped: 5_000 });
    expect(f.requests).toBe(10);
    expect(f.requestsFromCache).toBe(2);
  });

  it('puts each counted request in one type and one party', () => {
    const f = report.footprint;
    expect(f.byParty).toEqual({ first: { requests: 6, bytes: 67_521 }, third: { requests: 2, bytes: 77_385 } });
    expect(f.byType).toEqual(
      allTypes({
        document: { requests: 1, bytes: 28_000 },
        script: { requests: 2, bytes: 31_521 },
        image: { requests: 2, bytes: 77_385 },
        stylesheet: { requests: 1, bytes: 8_000 },
        font: { requests: 1, bytes: 0 },
        xhr: { requests: 1, bytes: 0 },
      }),
    );
    expect(report.thirdParties).toEqual([
      thirdParty('jsdelivr.net', ['cdn.jsdelivr.net'], 'JSDelivr CDN', 'cdn', 1, 77_385, JSDELIVR, [], true),
      thirdParty('weezevent.com', ['www.weezevent.com'], null, null, 1, 0, WEEZEVENT, [], true),
    ]);
  });

  it('computes EcoIndex with the dropped requests and the estimated bytes', () => {
    // 400 elements, 10 requests, 149.906 kB: q = 6 + 42/59, 1 + 8/13, 2 + 5.206/174.83 → 78.84 → 79
    expect(report.footprint.ecoIndex).toEqual({ score: 79, grade: 'B', ghg: 1.42, water: 2.13 });
  });

  it('notes everything that limits trust, in a fixed order', () => {
    expect(report.notes).toEqual([
      { key: 'note.capture.incomplete', params: {} },
      { key: 'note.bytes.estimated', params: { share: 73, requests: 2 } },
      { key: 'note.requests.fromCache', params: { count: 2 } },
      { key: 'note.requests.failed', params: { count: 2 } },
      { key: 'note.requests.dropped', params: { count: 2 } },
    ]);
  });
});
