import { describe, expect, it } from 'vitest';
import { buildPassiveCapture, emptyTab } from '../../../src/collect/webrequest';
import { MAX_TIMINGS_PER_TAB, type ResourceTimingEntry } from '../../../src/collect/resource-timing';
import { acceptContentMessage } from '../../../src/extension/messages';
import * as recorder from '../../../src/extension/recorder';
import { parseStoredTab } from '../../../src/extension/tab-store';
import { T0, committedTab, load, request } from './helpers';

const timing = (name: string, transferSize: number, startTime: number, extra: Partial<ResourceTimingEntry> = {}): ResourceTimingEntry => ({
  name,
  transferSize,
  encodedBodySize: Math.max(0, transferSize - 300),
  startTime,
  initiatorType: 'script',
  ...extra,
});

const sender = { id: 'ext', tab: { id: 7 }, frameId: 0, url: 'https://www.example.fr/', documentId: 'DOC1' };

function addTimings(tab: ReturnType<typeof committedTab>, entries: ResourceTimingEntry[], frameId = 0): boolean {
  const accepted = acceptContentMessage({ type: 'empreinte:timing', entries }, { ...sender, frameId }, 'ext');
  if (!accepted) throw new Error('rejected');
  return recorder.applyContentMessage(tab, accepted);
}

describe('Resource Timing sizes in the passive capture', () => {
  it('replaces Content-Length and fills unknown sizes, and says where the figure came from', () => {
    const tab = committedTab('https://www.example.fr/', '1000');
    load(tab, request('2', 'https://www.example.fr/app.js'), { 'Content-Length': '5000' });
    load(tab, request('3', 'https://www.example.fr/chunked.css', 'stylesheet'), {});
    load(tab, request('4', 'https://cdn.other.com/lib.js'), {});
    addTimings(tab, [
      timing('https://www.example.fr/', 1420, T0, { initiatorType: 'navigation' }),
      timing('https://www.example.fr/app.js', 5310, T0 + 15),
      timing('https://www.example.fr/chunked.css', 2222, T0 + 25),
    ]);
    const capture = buildPassiveCapture(tab);
    const byUrl = Object.fromEntries(capture!.requests.map((r) => [r.url, [r.bytes, r.bytesSource]]));
    expect(byUrl['https://www.example.fr/']).toEqual([1420, 'resource-timing']);
    expect(byUrl['https://www.example.fr/app.js']).toEqual([5310, 'resource-timing']);
    expect(byUrl['https://www.example.fr/chunked.css']).toEqual([2222, 'resource-timing']);
    // cross-origin without Timing-Allow-Origin: nothing to merge, left to the core's estimate
    expect(byUrl['https://cdn.other.com/lib.js']).toEqual([null, null]);
  });

  it('pairs a URL loaded twice in time order, and an entry of size 0 (a cache hit) gives no size', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://www.example.fr/api'), { 'Content-Length': '10' });
    load(tab, request('5', 'https://www.example.fr/api'), { 'Content-Length': '20' });
    load(tab, request('8', 'https://www.example.fr/again.png', 'image'), { 'Content-Length': '99' });
    addTimings(tab, [
      timing('https://www.example.fr/api', 420, T0 + 48),
      timing('https://www.example.fr/api', 310, T0 + 19),
      timing('https://www.example.fr/again.png', 0, T0 + 79, { encodedBodySize: 99 }),
    ]);
    const requests = buildPassiveCapture(tab)!.requests;
    expect(requests.filter((r) => r.url.endsWith('/api')).map((r) => r.bytes)).toEqual([310, 420]);
    const image = requests.find((r) => r.url.endsWith('again.png'));
    expect([image?.bytes, image?.bytesSource]).toEqual([99, 'content-length']);
  });

  it('never replaces Firefox’s exact responseSize, nor gives bytes to a cached response', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://www.example.fr/ff.js'), { 'Content-Length': '100' }, { responseSize: 480 });
    load(tab, request('3', 'https://www.example.fr/cached.js'), { 'Content-Length': '100' }, { fromCache: true });
    addTimings(tab, [timing('https://www.example.fr/ff.js', 999, T0 + 20), timing('https://www.example.fr/cached.js', 999, T0 + 30)]);
    const requests = buildPassiveCapture(tab)!.requests;
    expect(requests.find((r) => r.url.endsWith('ff.js'))).toMatchObject({ bytes: 480, bytesSource: 'response-size' });
    expect(requests.find((r) => r.url.endsWith('cached.js'))).toMatchObject({ bytes: null, bytesSource: null });
  });

  it('ignores an entry far from the request in time (another page view’s)', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://www.example.fr/app.js'), { 'Content-Length': '100' });
    addTimings(tab, [timing('https://www.example.fr/app.js', 999, T0 - 120_000)]);
    expect(buildPassiveCapture(tab)!.requests[1]).toMatchObject({ bytes: 100, bytesSource: 'content-length' });
  });

  it('keeps entries from subframes, drops useless ones, bounds them per page view and forgets them at the next commit', () => {
    const tab = committedTab();
    expect(addTimings(tab, [timing('https://frame.other.com/x.js', 50, T0)], 3)).toBe(true);
    expect(addTimings(tab, [timing('https://cdn.other.com/y.js', 0, T0, { encodedBodySize: 0 })])).toBe(false);
    expect(tab.timings).toHaveLength(1);
    for (let i = 0; tab.timings.length < MAX_TIMINGS_PER_TAB + 10 && i < 10; i++) {
      addTimings(tab, Array.from({ length: 500 }, (_, j) => timing(`https://www.example.fr/${i}-${j}`, 1, T0)));
    }
    expect(tab.timings).toHaveLength(MAX_TIMINGS_PER_TAB);
    recorder.onCommitted(tab, { tabId: 7, frameId: 0, url: 'https://www.example.fr/next', timeStamp: T0 + 9999 }, new Date(T0));
    expect(tab.timings).toEqual([]);
  });

  it('rejects malformed or oversized batches', () => {
    const ok = timing('https://www.example.fr/a.js', 1, T0);
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: [] }, sender, 'ext')).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: [{ ...ok, transferSize: -1 }] }, sender, 'ext')).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: [{ ...ok, extra: 1 }] }, sender, 'ext')).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: Array(501).fill(ok) }, sender, 'ext')).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: [ok] }, { ...sender, id: 'other' }, 'ext')).toBeNull();
  });

  it('keeps each entry once when a batch is sent again after a worker restart', () => {
    const tab = committedTab();
    const batch = [timing('https://www.example.fr/a.js', 900, T0 + 5), timing('https://www.example.fr/b.css', 400, T0 + 9)];
    expect(addTimings(tab, batch)).toBe(true);
    expect(addTimings(tab, batch)).toBe(false);
    // the same URL loaded again later is another entry
    expect(addTimings(tab, [timing('https://www.example.fr/a.js', 900, T0 + 500)])).toBe(true);
    expect(tab.timings.map((entry) => entry.startTime)).toEqual([T0 + 5, T0 + 9, T0 + 500]);
  });

  it('a stored tab state without timings (an older shape) is not trusted', () => {
    const stale = { ...emptyTab(1) } as Record<string, unknown>;
    delete stale['timings'];
    expect(parseStoredTab(stale)).toBeNull();
    expect(parseStoredTab(emptyTab(1))).not.toBeNull();
  });
});

describe('response headers for the RGESN checks', () => {
  it('records compression and caching headers into the capture, cached responses included', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://www.example.fr/app.js'), {
      'Content-Encoding': 'br',
      'Cache-Control': 'public, max-age=31536000',
      'Content-Length': '10',
    });
    load(tab, request('3', 'https://www.example.fr/old.js'), { Expires: 'Wed, 21 Oct 2015 07:28:00 GMT' }, { fromCache: true });
    const requests = buildPassiveCapture(tab)!.requests;
    expect(requests[1]?.headers).toEqual({ contentEncoding: 'br', cacheControl: 'public, max-age=31536000', expires: null });
    expect(requests[2]?.headers).toEqual({ contentEncoding: null, cacheControl: null, expires: 'Wed, 21 Oct 2015 07:28:00 GMT' });
    expect(requests[2]?.protocol).toBeUndefined();
  });

  it('a request without a response has no headers', () => {
    const tab = committedTab();
    recorder.onBeforeRequest(tab, request('2', 'https://www.example.fr/pending.js'));
    expect(buildPassiveCapture(tab)!.requests[1]?.headers).toBeNull();
  });
});
