import { describe, expect, it } from 'vitest';
import { MAX_COOKIES_PER_TAB, emptyTab } from '../../../src/collect/webrequest';
import * as recorder from '../../../src/extension/recorder';
import { MAX_REQUESTS_PER_TAB, mapResourceType, parseContentLength } from '../../../src/extension/recorder';
import { T0, committedTab, load, request, response } from './helpers';

describe('mapResourceType', () => {
  it.each([
    ['main_frame', 'document'],
    ['sub_frame', 'document'],
    ['stylesheet', 'stylesheet'],
    ['script', 'script'],
    ['image', 'image'],
    ['imageset', 'image'],
    ['font', 'font'],
    ['media', 'media'],
    ['xmlhttprequest', 'xhr'],
    ['ping', 'beacon'],
    ['beacon', 'beacon'],
    ['websocket', 'websocket'],
    ['web_manifest', 'manifest'],
    ['csp_report', 'other'],
    ['object', 'other'],
    ['other', 'other'],
    ['something-new', 'other'],
  ])('%s → %s', (type, expected) => {
    expect(mapResourceType(type)).toBe(expected);
  });
});

describe('parseContentLength', () => {
  it.each([
    ['1234', 1234],
    [' 0 ', 0],
    ['', null],
    ['-5', null],
    ['12.5', null],
    ['abc', null],
    ['1e3', null],
    ['99999999999999999999', null],
  ])('%j → %j', (value, expected) => {
    expect(parseContentLength(value)).toBe(expected);
  });
  it('absent header', () => {
    expect(parseContentLength(null)).toBeNull();
    expect(parseContentLength(undefined)).toBeNull();
  });
});

describe('recording requests', () => {
  it('records type, status, mime, host and Content-Length', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://fonts.googleapis.com/css2?family=Inter', 'stylesheet'), {
      'content-length': '5120',
      'content-type': 'text/css; charset=utf-8',
    });
    const css = tab.requests[1];
    expect(css).toMatchObject({
      url: 'https://fonts.googleapis.com/css2?family=Inter',
      type: 'stylesheet',
      status: 200,
      mimeType: 'text/css',
      bytes: 5120,
      bytesSource: 'content-length',
      fromCache: false,
      done: true,
    });
  });

  it('keeps bytes null when Content-Length is absent or invalid', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://www.example.fr/chunked.js'), {});
    load(tab, request('3', 'https://www.example.fr/bad.js'), { 'Content-Length': 'lots' });
    expect(tab.requests[1]).toMatchObject({ bytes: null, bytesSource: null });
    expect(tab.requests[2]).toMatchObject({ bytes: null, bytesSource: null });
  });

  it('prefers Firefox responseSize over Content-Length', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://www.example.fr/app.js'), { 'Content-Length': '100' }, { responseSize: 420 });
    expect(tab.requests[1]).toMatchObject({ bytes: 420, bytesSource: 'response-size' });
  });

  it('Firefox: a responseSize of 0 (from cache) stays exact', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://www.example.fr/app.js'), {}, { responseSize: 0, fromCache: true });
    expect(tab.requests[1]).toMatchObject({ bytes: 0, bytesSource: 'response-size', fromCache: true });
  });

  it('records fromCache', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://www.example.fr/logo.png', 'image'), { 'Content-Length': '900' }, { fromCache: true });
    expect(tab.requests[1]?.fromCache).toBe(true);
  });

  it('records network errors', () => {
    const tab = committedTab();
    const event = request('2', 'https://gone.example.com/x.js');
    recorder.onBeforeRequest(tab, event);
    recorder.onErrorOccurred(tab, { ...event, error: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(tab.requests[1]).toMatchObject({ error: 'net::ERR_NAME_NOT_RESOLVED', status: null, done: true });
  });

  it('forgets Chrome’s cache-only lookups (net::ERR_CACHE_MISS): no network request was made', () => {
    const tab = committedTab();
    const lookup = request('2', 'https://fonts.gstatic.com/s/font.woff2', 'font');
    recorder.onBeforeRequest(tab, lookup);
    recorder.onErrorOccurred(tab, { ...lookup, error: 'net::ERR_CACHE_MISS' });
    load(tab, request('3', 'https://fonts.gstatic.com/s/font.woff2', 'font'), { 'Content-Length': '20000' });
    expect(tab.requests.slice(1).map((r) => [r.id, r.bytes])).toEqual([['3', 20000]]);
  });

  it('records each hop of a redirect as its own request', () => {
    const tab = committedTab();
    const first = request('2', 'http://cdn.example.com/a.js');
    recorder.onBeforeRequest(tab, first);
    recorder.onBeforeRedirect(tab, response(first, { 'Content-Length': '0' }, { statusCode: 301 }));
    const second = { ...first, url: 'https://cdn.example.com/a.js', timeStamp: first.timeStamp + 5 };
    recorder.onBeforeRequest(tab, second);
    recorder.onCompleted(tab, response(second, { 'Content-Length': '300' }));
    expect(tab.requests.slice(1).map((r) => [r.url, r.status, r.bytes])).toEqual([
      ['http://cdn.example.com/a.js', 301, 0],
      ['https://cdn.example.com/a.js', 200, 300],
    ]);
  });

  it('ignores requests of a tab whose navigation was never seen', () => {
    const tab = emptyTab(7);
    load(tab, request('2', 'https://www.example.fr/late.js'), { 'Content-Length': '10' });
    expect(tab.requests).toEqual([]);
  });
});

describe('page views', () => {
  it('a commit resets the requests but keeps the main document that preceded it', () => {
    const tab = committedTab('https://www.example.fr/');
    load(tab, request('2', 'https://www.example.fr/a.js'), { 'Content-Length': '10' });
    const next = request('3', 'https://www.example.fr/programme', 'main_frame', { timeStamp: T0 + 10_000 });
    recorder.onBeforeRequest(tab, next);
    // the old page still sends a beacon while the new one is requested
    load(tab, request('4', 'https://stats.example.com/beacon', 'ping'), {});
    expect(tab.url).toBe('https://www.example.fr/');
    recorder.onCommitted(tab, { tabId: 7, frameId: 0, url: 'https://www.example.fr/programme', timeStamp: T0 + 10_200 }, new Date(T0 + 10_200));
    recorder.onCompleted(tab, response(next, { 'Content-Length': '2000' }));
    expect(tab.url).toBe('https://www.example.fr/programme');
    expect(tab.navigationStart).toBe(T0 + 10_000);
    expect(tab.requests.map((r) => [r.url, r.bytes])).toEqual([['https://www.example.fr/programme', 2000]]);
    expect(tab.complete).toBe(false);
    recorder.onNavigationCompleted(tab, { tabId: 7, frameId: 0, url: tab.url ?? '', timeStamp: T0 + 11_000 });
    expect(tab.complete).toBe(true);
  });

  it('a commit without its request (back/forward cache) starts an empty view', () => {
    const tab = committedTab('https://www.example.fr/');
    recorder.onCommitted(tab, { tabId: 7, frameId: 0, url: 'https://www.example.fr/old', timeStamp: T0 + 500 }, new Date(T0));
    expect(tab.requests).toEqual([]);
    expect(tab.navigationStart).toBe(T0 + 500);
  });

  it('subframe commits do not start a page view', () => {
    const tab = committedTab('https://www.example.fr/');
    load(tab, request('2', 'https://www.youtube.com/embed/x', 'sub_frame', { frameId: 3 }), {});
    recorder.onCommitted(tab, { tabId: 7, frameId: 3, url: 'https://www.youtube.com/embed/x', timeStamp: T0 + 60 }, new Date(T0));
    expect(tab.requests).toHaveLength(2);
    expect(tab.requests[1]?.type).toBe('document');
  });
});

describe('cap on stored requests', () => {
  it('counts requests beyond the cap, with their bytes, exactly', () => {
    const tab = committedTab();
    for (let i = 0; i < MAX_REQUESTS_PER_TAB + 25; i++) {
      const event = request(String(10 + i), `https://www.example.fr/i/${i}.png`, 'image');
      recorder.onBeforeRequest(tab, event);
      // 5 of the dropped ones have no Content-Length, 2 fail, 1 comes from cache
      const extra = i === MAX_REQUESTS_PER_TAB + 3 ? { fromCache: true } : {};
      if (i >= MAX_REQUESTS_PER_TAB + 20 && i < MAX_REQUESTS_PER_TAB + 22) {
        recorder.onErrorOccurred(tab, { ...event, error: 'net::ERR_FAILED' });
      } else {
        const headers: Record<string, string> = i >= MAX_REQUESTS_PER_TAB + 15 && i < MAX_REQUESTS_PER_TAB + 20 ? {} : { 'Content-Length': '100' };
        recorder.onCompleted(tab, response(event, headers, extra));
      }
    }
    expect(tab.requests).toHaveLength(MAX_REQUESTS_PER_TAB);
    // 1 (main document) + MAX-1 images stored; 26 dropped
    expect(tab.droppedRequests.count).toBe(26);
    // dropped with bytes: 26 - 5 (no length) - 2 (failed) - 1 (cache) = 18 × 100
    expect(tab.droppedRequests.bytes).toBe(1800);
    expect(tab.droppedInFlight).toEqual([]);
  });
});

describe('cookies set by response headers', () => {
  it('records Set-Cookie of the document (kept through the commit) and of sub-resources', () => {
    const tab = emptyTab(7);
    const main = request('1', 'https://www.example.fr/', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    recorder.onHeadersReceived(tab, {
      ...response(main),
      responseHeaders: [
        { name: 'Content-Type', value: 'text/html' },
        { name: 'Set-Cookie', value: 'PHPSESSID=abc; Path=/; HttpOnly' },
        { name: 'set-cookie', value: 'lang=fr; Domain=example.fr; Max-Age=31536000' },
      ],
    });
    expect(tab.cookies).toEqual([]); // not this view's until the commit
    recorder.onCommitted(tab, { tabId: 7, frameId: 0, url: 'https://www.example.fr/', timeStamp: T0 + 50 }, new Date(T0));
    const pixel = request('2', 'https://www.facebook.com/tr?id=1', 'image');
    recorder.onBeforeRequest(tab, pixel);
    // Firefox joins several Set-Cookie headers with a newline
    recorder.onHeadersReceived(tab, response(pixel, { 'Set-Cookie': 'fr=xyz; Domain=.facebook.com; Expires=Wed, 01 Jan 2031 00:00:00 GMT\nsb=1' }));
    expect(tab.cookies).toEqual([
      { name: 'PHPSESSID', domain: 'www.example.fr', expires: null, at: T0 + 10 },
      { name: 'lang', domain: '.example.fr', expires: new Date(T0 + 10 + 31_536_000_000).toISOString(), at: T0 + 10 },
      { name: 'fr', domain: '.facebook.com', expires: '2031-01-01T00:00:00.000Z', at: T0 + 20 },
      { name: 'sb', domain: 'www.facebook.com', expires: null, at: T0 + 20 },
    ]);
  });

  it('keeps one entry per name and domain, the first time and the latest expiry', () => {
    const tab = committedTab();
    const a = request('2', 'https://www.example.fr/a');
    const b = request('3', 'https://www.example.fr/b');
    recorder.onBeforeRequest(tab, a);
    recorder.onHeadersReceived(tab, response(a, { 'Set-Cookie': 'k=1; Max-Age=60' }));
    recorder.onBeforeRequest(tab, b);
    recorder.onHeadersReceived(tab, response(b, { 'Set-Cookie': 'k=2; Max-Age=0' }));
    expect(tab.cookies).toEqual([{ name: 'k', domain: 'www.example.fr', expires: new Date(T0 + 30).toISOString(), at: T0 + 20 }]);
  });

  it('forgets the previous view’s cookies at the next commit, and bounds them', () => {
    const tab = committedTab();
    for (let i = 0; i < MAX_COOKIES_PER_TAB + 20; i++) {
      const event = request(String(i + 2), `https://www.example.fr/${i}`);
      recorder.onBeforeRequest(tab, event);
      recorder.onHeadersReceived(tab, response(event, { 'Set-Cookie': `c${i}=1` }));
    }
    expect(tab.cookies).toHaveLength(MAX_COOKIES_PER_TAB);
    recorder.onCommitted(tab, { tabId: 7, frameId: 0, url: 'https://www.example.fr/old', timeStamp: T0 + 9000 }, new Date(T0));
    expect(tab.cookies).toEqual([]);
  });
});
