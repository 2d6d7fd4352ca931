import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse';
import type { CapturedRequest, PageCapture } from '../../../src/core/capture';
import { Report } from '../../../src/core/report';
import { simulate } from '../../../src/core/simulate';
import { FACADE_THUMBNAIL_BYTES } from '../../../src/core/plan/actions';
import { catalogs, demoCapture, options } from './support';

const PAGE = 'https://www.salle-test.fr/';

function request(url: string, extra: Partial<CapturedRequest> = {}): CapturedRequest {
  return {
    url,
    type: 'script',
    status: 200,
    mimeType: null,
    fromCache: false,
    bytes: 1000,
    bytesSource: 'cdp',
    startTime: 10,
    frameId: null,
    initiator: { type: 'parser', url: PAGE },
    error: null,
    ...extra,
  };
}

function capture(requests: CapturedRequest[]): PageCapture {
  return {
    schemaVersion: 1,
    page: {
      url: PAGE,
      finalUrl: PAGE,
      title: 'Salle test',
      capturedAt: '2026-01-01T00:00:00.000Z',
      method: 'cdp',
      consentState: 'untouched',
      softNavigation: false,
      documentFromCache: false,
      complete: true,
      agent: null,
      viewport: null,
    },
    requests: [request(PAGE, { type: 'document', bytes: 5000, initiator: { type: 'other', url: null } }), ...requests],
    droppedRequests: { count: 0, bytes: 0 },
    cookies: null,
    dom: null,
  };
}

const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-TEST';

describe('simulate', () => {
  it('removes a tracker script, the pixel it fired and the pixel’s redirect hop, and nothing else', () => {
    const pixel = 'https://px.ads.linkedin.com/collect?pid=1';
    const input = capture([
      request(GTM, { bytes: 3000 }),
      request(pixel, { type: 'image', status: 302, bytes: 400, initiator: { type: 'script', url: GTM } }),
      request('https://www.salle-test.fr/images/affiche.jpg', { type: 'image', bytes: 20_000, initiator: { type: 'script', url: 'https://www.salle-test.fr/main.js' } }),
      // the hop of the 302: same initiator, frame and type (how CDP records a redirect chain)
      request('https://sync.example-dmp.com/match?u=1', { type: 'image', bytes: 300, initiator: { type: 'script', url: GTM } }),
      request('https://sync.example-dmp.com/second', { type: 'image', bytes: 200, initiator: { type: 'redirect', url: 'https://sync.example-dmp.com/match?u=1' } }),
    ]);
    const before = analyse(input, catalogs, options);
    const after = simulate(input, [{ action: 'remove-tracker', target: 'googletagmanager.com' }], catalogs, options);
    expect(after.footprint.requests).toBe(before.footprint.requests - 4);
    expect(after.footprint.bytes).toBe(before.footprint.bytes - (3000 + 400 + 300 + 200));
    expect(after.thirdParties.map((party) => party.domain)).toEqual([]);
    expect(after.footprint.byParty.first).toEqual({ requests: 2, bytes: 25_000 });
  });

  it('follows a redirect chain from a removed pixel to hops on other domains', () => {
    const input = capture([
      request('https://px.ads.linkedin.com/collect?pid=1', { type: 'image', status: 302, bytes: 400 }),
      // the hop inherits the pixel's initiator (the page), as in CDP and Chrome's HAR export
      request('https://sync.example-dmp.com/match?u=1', { type: 'image', status: 302, bytes: 300 }),
      request('https://cm.other-dmp.com/final', { type: 'image', bytes: 200, initiator: { type: 'redirect', url: 'https://sync.example-dmp.com/match?u=1' } }),
      request('https://www.salle-test.fr/images/affiche.jpg', { type: 'image', bytes: 20_000 }),
    ]);
    const before = analyse(input, catalogs, options);
    const after = simulate(input, [{ action: 'remove-tracker', target: 'linkedin.com' }], catalogs, options);
    expect(after.footprint.requests).toBe(before.footprint.requests - 3);
    expect(after.footprint.bytes).toBe(before.footprint.bytes - 900);
  });

  it('removes a frame document with every request of its frame', () => {
    const embed = 'https://www.youtube.com/embed/abc';
    const input = capture([
      request(embed, { type: 'document', frameId: 'F1', bytes: 1200 }),
      request('https://static.doubleclick.net/instream/ad_status.js', { frameId: 'F1', bytes: 400, initiator: { type: 'parser', url: null } }),
      request('https://i.ytimg.com/vi/abc/hqdefault.jpg', { type: 'image', frameId: 'F1', bytes: 9000, initiator: null }),
    ]);
    const before = analyse(input, catalogs, options);
    const after = simulate(input, [{ action: 'facade-embed', target: 'youtube' }], catalogs, options);
    expect(after.footprint.requests).toBe(before.footprint.requests - 3 + 1);
    expect(after.footprint.bytes).toBe(before.footprint.bytes - 10_600 + FACADE_THUMBNAIL_BYTES);
    expect(after.thirdParties).toEqual([]);
    expect(after.widgets?.map((widget) => widget.id)).not.toContain('youtube');
  });

  it('self-hosts fonts: the same font bytes become first-party, the external stylesheet goes', () => {
    const css = 'https://fonts.googleapis.com/css2?family=Open+Sans';
    const input = capture([
      request(css, { type: 'stylesheet', bytes: 600 }),
      request('https://fonts.gstatic.com/s/opensans/v40/a.woff2', { type: 'font', bytes: 40_000, initiator: { type: 'parser', url: css } }),
    ]);
    const before = analyse(input, catalogs, options);
    const after = simulate(input, [{ action: 'self-host-fonts', target: 'google-fonts' }], catalogs, options);
    expect(after.footprint.bytes).toBe(before.footprint.bytes - 600);
    expect(after.footprint.requests).toBe(before.footprint.requests - 1);
    expect(after.footprint.byParty.third).toEqual({ requests: 0, bytes: 0 });
    expect(after.footprint.byType.font).toEqual({ requests: 1, bytes: 40_000 });
  });

  it('never plans, never changes its input, and says which target it does not know', () => {
    const input = demoCapture();
    const copy = structuredClone(input);
    const result = simulate(input, [{ action: 'remove-tracker', target: 'meta-pixel' }], catalogs, options);
    expect(result.plan).toBeNull();
    expect(result.planSummary).toBeNull();
    expect(() => Report.parse(result)).not.toThrow();
    expect(input).toEqual(copy);
    expect(analyse(input, catalogs, { ...options, plan: false }).plan).toBeNull();
    expect(() => simulate(input, [{ action: 'static-map', target: 'no-such-service' }], catalogs, options)).toThrow(RangeError);
  });

  it('removes from the demo exactly the requests a person would strike out by hand for the Meta Pixel', () => {
    const input = demoCapture();
    const byHand = input.requests.filter((r) => /connect\.facebook\.net|www\.facebook\.com\/tr/.test(r.url));
    expect(byHand.length).toBe(3);
    const before = analyse(input, catalogs, options);
    const after = simulate(input, [{ action: 'remove-tracker', target: 'meta-pixel' }], catalogs, options);
    expect(after.footprint.bytes).toBe(before.footprint.bytes - byHand.reduce((total, r) => total + (r.bytes ?? 0), 0));
    expect(after.footprint.requests).toBe(before.footprint.requests - 3);
    expect(after.trackers?.map((tracker) => tracker.id)).not.toContain('meta-pixel');
  });
});
