import { describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/data/index';
import { measurePrecisely, PreciseError, type PreciseStep } from '../../../src/extension/precise';
import type { FrameDom } from '../../../src/collect/webrequest';
import { entry, FakeDevtools, type FakePage } from './fake-devtools';

const catalogs = loadCatalogs();
const timing = { pollMs: 500, quietMs: 3000, maxWaitMs: 20_000, reloadTimeoutMs: 5000 };
const TOP = 'https://www.theatre-de-la-lune.fr/';
const FRAME = 'https://www.youtube-nocookie.com/embed/abc';

function venuePage(overrides: Partial<FakePage> = {}): FakePage {
  return {
    url: TOP,
    loadedAt: 1500,
    entries: [
      { at: 100, entry: entry(TOP, 'document', 20_000) },
      { at: 400, entry: entry(`${TOP}style.css`, 'stylesheet', 5_000) },
      { at: 900, entry: entry(FRAME, 'document', 40_000) },
      // The cross-site frame's own requests: in the DevTools log, so in the capture.
      { at: 2500, entry: entry('https://www.youtube-nocookie.com/s/player.js', 'script', 300_000) },
      { at: 300, afterScroll: true, entry: entry(`${TOP}lazy.jpg`, 'image', 80_000) },
    ],
    elements: new Map<string | null, number>([
      [null, 400],
      [FRAME, 250],
    ]),
    ...overrides,
  };
}

function observation(): FrameDom {
  return {
    elements: 390,
    title: 'Théâtre de la Lune',
    iframes: [FRAME],
    scripts: [],
    globals: [],
    markers: [],
    fonts: [],
    images: 3,
    autoplayMedia: 0,
    structuredData: [],
    telLinks: ['tel:+33100000000'],
    contactData: { telephones: [], addresses: [], openingHours: [] },
    text: 'Billetterie : 01 00 00 00 00',
    cookieNames: [],
    storageKeys: [],
    firstInteractionAt: null,
  };
}

describe('precise mode protocol', () => {
  it('reloads without cache, waits for quiet, scrolls, waits again, then reads the log and counts frames', async () => {
    const devtools = new FakeDevtools(venuePage({ observation: observation() }));
    const steps: PreciseStep[] = [];
    const result = await measurePrecisely(devtools, { catalogs, toolVersion: '0.0.0-test', timing, onStep: (s) => steps.push(s) });

    expect(devtools.calls[0]).toBe('reload {"ignoreCache":true}');
    expect(steps).toEqual(['reloading', 'loading', 'scrolling', 'settling', 'collecting', 'counting', 'analysing']);
    const scrollAt = devtools.calls.indexOf('scroll');
    // Before scrolling: the log stopped growing for quietMs (6 polls of 500 ms after the last request at 2.5 s).
    const pollsBefore = devtools.calls.slice(0, scrollAt).filter((call) => call === 'getHAR').length;
    expect(pollsBefore).toBeGreaterThanOrEqual(1 + timing.quietMs / timing.pollMs);
    // After scrolling, it waited again (the lazy image arrives 300 ms after the scroll) before the final read.
    const after = devtools.calls.slice(scrollAt + 1);
    expect(after.filter((call) => call === 'getHAR').length).toBeGreaterThan(timing.quietMs / timing.pollMs + 1);
    expect(after.slice(-5)).toEqual(['getHAR', 'frameRequests', `count top`, `count ${FRAME}`, 'observation']);

    const { capture, report } = result;
    expect(capture.page.method).toBe('precise');
    expect(capture.page.complete).toBe(true);
    expect(capture.requests.map((r) => r.url)).toContain(`${TOP}lazy.jpg`);
    expect(capture.requests.map((r) => r.url)).toContain('https://www.youtube-nocookie.com/s/player.js');
    expect(capture.requests.every((r) => r.bytesSource === 'devtools')).toBe(true);
    expect(report.page.method).toBe('precise');
    expect(report.footprint.bytes).toBe(20_000 + 5_000 + 40_000 + 300_000 + 80_000);
    expect(report.footprint.requests).toBe(5);
    expect(report.footprint.bytesMeasuredShare).toBe(1);
    // Elements summed over the top page and its frame; the rest of the DOM from the content script's probe.
    expect(report.footprint.domElements).toBe(650);
    expect(capture.dom?.framesCounted).toBe(2);
    expect(capture.dom?.telLinks).toEqual(['tel:+33100000000']);
    expect(result).toMatchObject({ framesCounted: 2, framesSeen: 2, domPartial: false });
    expect(report.footprint.ecoIndex?.grade).toMatch(/^[A-G]$/);
  });

  it('says how many frames were counted when one cannot be reached', async () => {
    const page = venuePage({ elements: new Map([[null, 400]]) });
    const result = await measurePrecisely(new FakeDevtools(page), { catalogs, toolVersion: 't', timing });
    expect(result.capture.dom?.elements).toBe(400);
    expect(result).toMatchObject({ framesCounted: 1, framesSeen: 2, domPartial: true });
    // Without the content script's probe the capture keeps the count and says nothing it did not see.
    expect(result.capture.dom?.text).toBe('');
    expect(result.capture.dom?.title).toBe('Théâtre');
  });

  it('keeps only the reloaded page when the log was preserved across navigations', async () => {
    const page = venuePage({ earlierEntries: [entry('https://old.example/', 'document', 999_999)] });
    const result = await measurePrecisely(new FakeDevtools(page), { catalogs, toolVersion: 't', timing });
    expect(result.capture.requests.some((r) => r.url.startsWith('https://old.example'))).toBe(false);
    expect(result.capture.page.finalUrl).toBe(TOP);
  });

  it('goes on but marks the capture incomplete when the network never settles', async () => {
    const chatter = Array.from({ length: 200 }, (_, i) => ({ at: i * 400, entry: entry(`${TOP}poll?${i}`, 'xhr', 100) }));
    const page = venuePage({ entries: [{ at: 0, entry: entry(TOP, 'document', 20_000) }, ...chatter] });
    const devtools = new FakeDevtools(page);
    const result = await measurePrecisely(devtools, { catalogs, toolVersion: 't', timing });
    expect(result.capture.page.complete).toBe(false);
    expect(devtools.calls).toContain('scroll');
  });

  it('fails with one clear message when the page does not reload', async () => {
    const devtools = new FakeDevtools(venuePage({ ignoresReload: true }));
    const failure = measurePrecisely(devtools, { catalogs, toolVersion: 't', timing });
    await expect(failure).rejects.toBeInstanceOf(PreciseError);
    await expect(failure).rejects.toMatchObject({ key: 'precise.error.noReload' });
    expect(devtools.calls).not.toContain('scroll');
  });

  it('fails with one clear message when the network log is empty', async () => {
    const failure = measurePrecisely(new FakeDevtools(venuePage({ entries: [] })), { catalogs, toolVersion: 't', timing });
    await expect(failure).rejects.toMatchObject({ key: 'precise.error.log' });
  });
});

describe('requests made inside cross-site frames', () => {
  const passive = (url: string, bytes: number | null, frameId: string | null) => ({
    url,
    type: 'script' as const,
    status: 200,
    mimeType: null,
    fromCache: false,
    bytes,
    bytesSource: bytes === null ? null : ('content-length' as const),
    startTime: 1000,
    frameId,
    initiator: null,
    error: null,
  });

  it('adds what the DevTools log misses from the passive observer, with its own byte source, never twice', async () => {
    const poster = 'https://i.ytimg.com/vi/abc/hqdefault.jpg';
    const devtools = new FakeDevtools(
      venuePage({
        frameRequests: [
          // in the log already (same URL): not added again
          passive('https://www.youtube-nocookie.com/s/player.js', 299_000, '7'),
          // missing from the log: added, said to come from Content-Length
          passive(poster, 12_000, '7'),
          // the top frame's requests are the log's business, never added
          passive(`${TOP}extra.js`, 1_000, null),
        ],
      }),
    );
    const result = await measurePrecisely(devtools, { catalogs, toolVersion: '0.0.0-test', timing });

    expect(result.frameRequestsAdded).toBe(1);
    const urls = result.capture.requests.map((request) => request.url);
    expect(urls.filter((url) => url.endsWith('/player.js'))).toHaveLength(1);
    expect(urls).not.toContain(`${TOP}extra.js`);
    const added = result.capture.requests.find((request) => request.url === poster);
    expect(added).toMatchObject({ bytes: 12_000, bytesSource: 'content-length', frameId: '7' });
    expect(result.report.footprint.requests).toBe(6);
    expect(result.report.footprint.bySource['content-length']).toBe(12_000);
  });
});
