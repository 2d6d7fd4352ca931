import { describe, expect, it } from 'vitest';
import { CdpNetworkRecorder, mergeFrameObservations, normaliseCdpType } from '../../../src/collect/cdp';
import { CapturedRequest } from '../../../src/core/capture';
import type { FrameObservation } from '../../../src/collect/probe';

const sent = (requestId: string, url: string, type: string, timestamp: number, frameId = 'MAIN', extra = {}) => [
  'Network.requestWillBeSent',
  { requestId, loaderId: 'L', request: { url }, type, timestamp, frameId, initiator: { type: 'parser', url: 'https://a.fr/' }, ...extra },
] as const;

function record(events: readonly (readonly [string, Record<string, unknown>])[]): CdpNetworkRecorder {
  const recorder = new CdpNetworkRecorder();
  for (const [method, params] of events) recorder.handle(method, params);
  return recorder;
}

describe('CdpNetworkRecorder', () => {
  it('records bytes from loadingFinished, times from the navigation start, and the frame', () => {
    const recorder = record([
      sent('1', 'https://a.fr/', 'Document', 100),
      ['Network.responseReceived', { requestId: '1', type: 'Document', response: { status: 200, mimeType: 'text/html' } }],
      ['Network.loadingFinished', { requestId: '1', encodedDataLength: 3785 }],
      // An out-of-process iframe: the request starts on the parent's session and
      // finishes on the child's; the recorder sees one stream.
      sent('F1', 'https://player.example/embed', 'Document', 100.5, 'CHILD'),
      ['Network.loadingFinished', { requestId: 'F1', encodedDataLength: 820 }],
      sent('2', 'https://a.fr/logo.png', 'Image', 100.25),
      ['Network.responseReceived', { requestId: '2', type: 'Image', response: { status: 200, mimeType: 'image/png', fromDiskCache: true } }],
      ['Network.loadingFinished', { requestId: '2', encodedDataLength: 0 }],
    ]);
    const requests = recorder.requests();
    for (const request of requests) CapturedRequest.parse(request);
    expect(requests.map((r) => [r.url, r.type, r.bytes, r.bytesSource, r.startTime, r.frameId, r.fromCache])).toEqual([
      ['https://a.fr/', 'document', 3785, 'cdp', 0, null, false],
      ['https://player.example/embed', 'document', 820, 'cdp', 500, 'CHILD', false],
      ['https://a.fr/logo.png', 'image', 0, 'cdp', 250, null, true],
    ]);
    expect(recorder.inFlight).toBe(0);
  });

  it('splits redirects into hops, records failures and memory-cache hits, skips data: URLs', () => {
    const recorder = record([
      sent('1', 'http://a.fr/', 'Document', 10),
      sent('1', 'https://a.fr/', 'Document', 10.1, 'MAIN', { redirectResponse: { status: 301, mimeType: '', encodedDataLength: 180 } }),
      ['Network.loadingFinished', { requestId: '1', encodedDataLength: 2000 }],
      sent('2', 'https://gone.example/x.js', 'Script', 10.2),
      ['Network.loadingFailed', { requestId: '2', errorText: 'net::ERR_NAME_NOT_RESOLVED', type: 'Script' }],
      sent('3', 'data:image/png;base64,AAAA', 'Image', 10.3),
      sent('4', 'https://a.fr/style.css', 'Stylesheet', 10.4),
      ['Network.requestServedFromCache', { requestId: '4' }],
      ['Network.loadingFinished', { requestId: '4', encodedDataLength: 0 }],
      sent('5', 'https://a.fr/poll', 'Fetch', 10.5),
      ['Network.dataReceived', { requestId: '5', encodedDataLength: 300 }],
    ]);
    const requests = recorder.requests();
    expect(requests.map((r) => [r.url, r.status, r.bytes, r.error, r.fromCache])).toEqual([
      ['http://a.fr/', 301, 180, null, false],
      ['https://a.fr/', null, 2000, null, false],
      ['https://gone.example/x.js', null, null, 'net::ERR_NAME_NOT_RESOLVED', false],
      ['https://a.fr/style.css', null, 0, null, true],
      ['https://a.fr/poll', null, 300, null, false], // still open: the bytes received so far
    ]);
    expect(requests[2]!.bytesSource).toBeNull();
    expect(recorder.inFlight).toBe(1);
  });

  it('keeps at most maxRequests in full and counts the rest', () => {
    const recorder = new CdpNetworkRecorder({ maxRequests: 1 });
    for (const id of ['1', '2', '3']) {
      recorder.handle(...sent(id, `https://a.fr/${id}`, id === '1' ? 'Document' : 'Image', 1));
      recorder.handle('Network.loadingFinished', { requestId: id, encodedDataLength: 100 });
    }
    expect(recorder.requests()).toHaveLength(1);
    expect(recorder.droppedRequests()).toEqual({ count: 2, bytes: 200 });
  });

  it('says a cookie was set by a header only when a Set-Cookie for it crossed the wire', () => {
    const recorder = record([
      sent('1', 'https://www.a.fr/', 'Document', 1),
      ['Network.responseReceivedExtraInfo', { requestId: '1', headers: { 'set-cookie': 'session=1; Path=/\nlang=fr' } }],
    ]);
    const cookies = recorder.classifyCookies([
      { name: 'session', domain: 'www.a.fr', expires: -1 },
      { name: 'lang', domain: '.a.fr', expires: 1893456000 },
      { name: '_ga', domain: '.a.fr', expires: 1893456000 },
      { name: 'session', domain: '.other.example', expires: -1 },
    ]);
    expect(cookies.map((c) => [c.name, c.domain, c.setBy, c.expires])).toEqual([
      ['session', 'www.a.fr', 'header', null],
      ['lang', '.a.fr', 'header', '2030-01-01T00:00:00.000Z'],
      ['_ga', '.a.fr', 'script', '2030-01-01T00:00:00.000Z'],
      ['session', '.other.example', 'script', null],
    ]);
    // the CLI never interacts with the page: every cookie came before any interaction
    expect(cookies.map((c) => c.beforeInteraction)).toEqual([true, true, true, true]);
  });

  it('records the protocol and the caching and compression headers of each response, redirect hops included', () => {
    const recorder = record([
      sent('1', 'http://a.fr/', 'Document', 10),
      sent('1', 'https://a.fr/', 'Document', 10.1, 'MAIN', {
        redirectResponse: { status: 301, protocol: 'http/1.1', headers: { Location: 'https://a.fr/' }, encodedDataLength: 180 },
      }),
      ['Network.responseReceived', {
        requestId: '1',
        type: 'Document',
        response: { status: 200, mimeType: 'text/html', protocol: 'h2', headers: { 'content-encoding': 'br', 'Cache-Control': 'no-cache' } },
      }],
      ['Network.loadingFinished', { requestId: '1', encodedDataLength: 2000 }],
      sent('2', 'https://a.fr/a.js', 'Script', 10.2),
      ['Network.loadingFailed', { requestId: '2', errorText: 'net::ERR_FAILED' }],
    ]);
    const requests = recorder.requests();
    for (const request of requests) CapturedRequest.parse(request);
    expect(requests.map((r) => [r.protocol, r.headers])).toEqual([
      ['http/1.1', { contentEncoding: null, cacheControl: null, expires: null }],
      ['h2', { contentEncoding: 'br', cacheControl: 'no-cache', expires: null }],
      // no response: nothing observed
      [null, null],
    ]);
  });

  it('normalises CDP resource types', () => {
    expect(['Ping', 'XHR', 'Fetch', 'Preflight', 'SignedExchange', undefined].map(normaliseCdpType)).toEqual([
      'beacon',
      'xhr',
      'fetch',
      'other',
      'other',
      'other',
    ]);
  });
});

describe('mergeFrameObservations', () => {
  const frame = (elements: number, scripts: string[], title: string | null): FrameObservation => ({
    elements,
    title,
    iframes: [],
    scripts,
    globals: [],
    markers: [],
    fonts: [],
    images: 1,
    autoplayMedia: 0,
    structuredData: [],
    telLinks: [],
    contactData: { telephones: [], addresses: [], openingHours: [] },
    text: '',
    cookieNames: [],
    storageKeys: [],
    firstInteractionAt: null,
    imageDetails: [],
    devicePixelRatio: 1,
    fontFaces: [],
  });

  it('sums elements over frames, merges scripts, keeps the rest from the top document', () => {
    const merged = mergeFrameObservations(frame(17, ['https://a.fr/a.js'], 'Top'), [
      frame(9, ['https://a.fr/a.js', 'https://b.example/b.js'], 'Child'),
    ]);
    expect(merged).toMatchObject({ elements: 26, framesCounted: 2, title: 'Top', images: 1 });
    expect(merged.scripts).toEqual(['https://a.fr/a.js', 'https://b.example/b.js']);
  });

  it('keeps the top document\'s image sizes, pixel ratio and font faces', () => {
    const image = { src: 'https://a.fr/a.jpg', naturalWidth: 800, naturalHeight: 600, renderedWidth: 400, renderedHeight: 300, srcset: false };
    const top = { ...frame(10, [], 'Top'), imageDetails: [image], devicePixelRatio: 2, fontFaces: ['Inter 400 normal'] };
    const child = { ...frame(5, [], null), imageDetails: [{ ...image, src: 'https://b.example/b.jpg' }], fontFaces: ['Roboto 400 normal'] };
    expect(mergeFrameObservations(top, [child])).toMatchObject({ imageDetails: [image], devicePixelRatio: 2, fontFaces: ['Inter 400 normal'] });
  });

  it('merges the globals and markers of every frame: a widget in a frame is on the page', () => {
    const top = { ...frame(10, [], 'Top'), globals: ['__tcfapi'], markers: ['#didomi-host'] };
    const child = { ...frame(5, [], null), globals: ['Intercom', '__tcfapi'], markers: ['iframe#intercom-frame'] };
    const merged = mergeFrameObservations(top, [child]);
    expect(merged.globals).toEqual(['__tcfapi', 'Intercom']);
    expect(merged.markers).toEqual(['#didomi-host', 'iframe#intercom-frame']);
  });
});
