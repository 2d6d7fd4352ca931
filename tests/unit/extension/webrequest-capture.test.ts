import { describe, expect, it } from 'vitest';
import { PageCapture } from '../../../src/core/capture';
import { buildPassiveCapture, emptyTab, mergeFrames, type FrameDom } from '../../../src/collect/webrequest';
import * as recorder from '../../../src/extension/recorder';
import { parseSetCookie } from '../../../src/collect/set-cookie';
import { firedBeforeInteraction } from '../../../src/core/interaction';
import { T0, committedTab, load, request } from './helpers';

const frame = (elements: number, extra: Partial<FrameDom> = {}): FrameDom => ({
  elements,
  title: null,
  iframes: [],
  scripts: [],
  globals: [],
  markers: [],
  fonts: [],
  images: 0,
  autoplayMedia: 0,
  structuredData: [],
  telLinks: [],
  contactData: { telephones: [], addresses: [], openingHours: [] },
  text: '',
  cookieNames: [],
  storageKeys: [],
  firstInteractionAt: null,
  ...extra,
});

describe('buildPassiveCapture', () => {
  it('returns null before any navigation was observed', () => {
    expect(buildPassiveCapture(emptyTab(3))).toBeNull();
  });

  it('builds a valid passive capture from the recorded tab', () => {
    const tab = committedTab('https://www.example.fr/');
    load(tab, request('2', 'https://www.example.fr/app.js'), { 'Content-Length': '3000', 'Content-Type': 'text/javascript' });
    load(tab, request('3', 'https://www.example.fr/chunked.json', 'xmlhttprequest'), {});
    load(tab, request('4', 'https://www.example.fr/logo.png', 'image'), { 'Content-Length': '800' }, { fromCache: true });
    load(tab, request('5', 'https://www.youtube.com/embed/abc', 'sub_frame', { frameId: 12 }), { 'Content-Length': '9000' });
    tab.frames['0'] = frame(150, { title: 'Théâtre de la Lune' });
    // epoch ms, like webRequest's timeStamp; the document started at T0 + 10
    tab.firstInteractionAt = T0 + 2510;
    tab.droppedRequests = { count: 3, bytes: 700 };

    const capture = buildPassiveCapture(tab, { agent: 'Chromium 156' });
    expect(PageCapture.safeParse(capture).success).toBe(true);
    expect(capture?.page).toMatchObject({
      url: 'https://www.example.fr/',
      finalUrl: 'https://www.example.fr/',
      title: 'Théâtre de la Lune',
      method: 'passive',
      consentState: 'unknown',
      documentFromCache: false,
      complete: false,
      agent: 'Chromium 156',
      capturedAt: new Date(T0).toISOString(),
    });
    expect(capture?.requests.map((r) => [r.type, r.bytes, r.bytesSource, r.startTime, r.frameId])).toEqual([
      ['document', 1000, 'content-length', 0, null],
      ['script', 3000, 'content-length', 10, null],
      ['xhr', null, null, 20, null],
      // from cache: the replayed Content-Length crossed no network
      ['image', null, null, 30, null],
      ['document', 9000, 'content-length', 40, '12'],
    ]);
    expect(capture?.requests[3]?.fromCache).toBe(true);
    expect(capture?.droppedRequests).toEqual({ count: 3, bytes: 700 });
    expect(capture?.dom).toMatchObject({ elements: 150, framesCounted: 1, firstInteractionAt: 2500 });
    expect(capture?.cookies).toEqual([]);
  });

  it('reports the document from cache and completion', () => {
    const tab = emptyTab(7);
    const main = request('1', 'https://www.example.fr/', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    recorder.onCommitted(tab, { tabId: 7, frameId: 0, url: 'https://www.example.fr/', timeStamp: T0 + 20 }, new Date(T0));
    recorder.onCompleted(tab, { ...main, statusCode: 200, fromCache: true, responseHeaders: [] });
    recorder.onNavigationCompleted(tab, { tabId: 7, frameId: 0, url: 'https://www.example.fr/', timeStamp: T0 + 90 });
    const capture = buildPassiveCapture(tab);
    expect(capture?.page.documentFromCache).toBe(true);
    expect(capture?.page.complete).toBe(true);
    expect(capture?.dom).toBeNull();
  });

  it('keeps the redirect chain: url is the first hop, finalUrl the committed one', () => {
    const tab = emptyTab(7);
    const first = request('1', 'http://example.fr/', 'main_frame');
    recorder.onBeforeRequest(tab, first);
    recorder.onBeforeRedirect(tab, { ...first, statusCode: 301, responseHeaders: [] });
    recorder.onBeforeRequest(tab, { ...first, url: 'https://www.example.fr/', timeStamp: first.timeStamp + 30 });
    recorder.onCommitted(tab, { tabId: 7, frameId: 0, url: 'https://www.example.fr/', timeStamp: T0 + 100 }, new Date(T0));
    const capture = buildPassiveCapture(tab);
    expect(capture?.page.url).toBe('http://example.fr/');
    expect(capture?.page.finalUrl).toBe('https://www.example.fr/');
    expect(capture?.requests.map((r) => [r.status, r.startTime])).toEqual([
      [301, 0],
      [null, 30],
    ]);
  });
});

describe('mergeFrames', () => {
  it('adds elements across frames and keeps the top frame title and interaction', () => {
    const merged = mergeFrames(
      {
        '0': frame(100, { title: 'Top', scripts: ['a.js'], firstInteractionAt: 900 }),
        '5': frame(40, { title: 'Embed', scripts: ['a.js', 'b.js'], images: 2, firstInteractionAt: 10 }),
      },
      null,
    );
    expect(merged).toMatchObject({ elements: 140, framesCounted: 2, title: 'Top', scripts: ['a.js', 'b.js'], images: 2, firstInteractionAt: 900 });
  });

  it('no frame: no DOM observation', () => {
    expect(mergeFrames({}, 5)).toBeNull();
  });
});

describe('parseSetCookie', () => {
  const at = Date.parse('2025-10-01T18:30:00.000Z');
  it('reads the name, the domain (attribute or request host) and the declared expiry', () => {
    expect(parseSetCookie('_ga=GA1.2.3; Domain=.example.fr; Path=/; Max-Age=63072000', 'www.example.fr', at)).toEqual({
      name: '_ga',
      domain: '.example.fr',
      expires: '2027-10-01T18:30:00.000Z',
    });
    expect(parseSetCookie('sid=1; Expires=Thu, 01 Jan 2026 00:00:00 GMT; Secure', 'WWW.Example.fr', at)).toEqual({
      name: 'sid',
      domain: 'www.example.fr',
      expires: '2026-01-01T00:00:00.000Z',
    });
  });

  it('Max-Age wins over Expires; zero or negative expires at once; a bad date is a session cookie', () => {
    const both = parseSetCookie('a=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Max-Age=60', 'a.fr', at);
    expect(both?.expires).toBe('2025-10-01T18:31:00.000Z');
    expect(parseSetCookie('a=; Max-Age=-1', 'a.fr', at)?.expires).toBe('2025-10-01T18:30:00.000Z');
    expect(parseSetCookie('a=1; Expires=soon', 'a.fr', at)?.expires).toBeNull();
    expect(parseSetCookie('a=1; Max-Age=1e9', 'a.fr', at)?.expires).toBeNull();
  });

  it('rejects a header without a cookie name', () => {
    expect(parseSetCookie('=value', 'a.fr', at)).toBeNull();
    expect(parseSetCookie('novalue', 'a.fr', at)).toBeNull();
    expect(parseSetCookie('', 'a.fr', at)).toBeNull();
  });
});

describe('buildPassiveCapture: cookies and the interaction, on one clock', () => {
  it('puts request times and the first interaction in ms since navigation start', () => {
    const tab = committedTab('https://www.example.fr/'); // document at T0 + 10
    load(tab, request('30', 'https://www.example.fr/late.js'), {}); // T0 + 300
    tab.frames['0'] = frame(10, { firstInteractionAt: T0 + 160.5 });
    const capture = buildPassiveCapture(tab);
    expect(capture?.dom?.firstInteractionAt).toBe(150.5);
    expect(capture?.requests.map((r) => r.startTime)).toEqual([0, 290]);
    // a request after the interaction is not before it
    const late = capture?.requests[1];
    expect(late && capture && firedBeforeInteraction(late, capture)).toBe(false);
  });

  it('marks header cookies before or after the interaction, and adds the names only scripts show', () => {
    const tab = committedTab('https://www.example.fr/');
    const early = request('2', 'https://www.example.fr/a.js'); // T0 + 20
    const late = request('40', 'https://ads.example.net/p', 'image'); // T0 + 400
    load(tab, early, { 'Set-Cookie': 'sid=1' });
    load(tab, late, { 'Set-Cookie': 'uid=2; Domain=example.net; Max-Age=86400' });
    tab.firstInteractionAt = T0 + 100;
    tab.frames['0'] = frame(10, { cookieNames: ['sid', '_ga'] });
    const capture = buildPassiveCapture(tab);
    expect(PageCapture.safeParse(capture).success).toBe(true);
    expect(capture?.cookies).toEqual([
      { name: 'sid', domain: 'www.example.fr', expires: null, setBy: 'header', beforeInteraction: true },
      { name: 'uid', domain: '.example.net', expires: new Date(T0 + 400 + 86_400_000).toISOString(), setBy: 'header', beforeInteraction: false },
      // document.cookie tells neither the expiry nor when it was set
      { name: '_ga', domain: 'www.example.fr', expires: null, setBy: 'script', beforeInteraction: null },
    ]);
    tab.firstInteractionAt = null;
    expect(buildPassiveCapture(tab)?.cookies?.map((c) => c.beforeInteraction)).toEqual([true, true, true]);
  });
});
