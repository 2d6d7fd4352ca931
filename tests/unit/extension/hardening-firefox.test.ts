// Firefox's shapes of the same events: exact `responseSize`, Set-Cookie
// headers joined by newlines, no `documentId` anywhere, and no
// `extraHeaders` option (Firefox rejects it); with fakeBrowser.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startObserving } from '../../../src/extension/observer';
import * as recorder from '../../../src/extension/recorder';
import { buildPassiveCapture, emptyTab } from '../../../src/collect/webrequest';
import { readTab } from '../../../src/extension/tab-store';
import { T0, load, request, response } from './helpers';

type Listener = (...args: unknown[]) => unknown;

/** A webRequest event that remembers each listener with the options it was added with. */
function fakeEvent() {
  const added: { listener: Listener; options: unknown[] }[] = [];
  return {
    added,
    addListener: (listener: Listener, ...options: unknown[]) => void added.push({ listener, options }),
    fire: (...args: unknown[]) => added.forEach(({ listener }) => listener(...args)),
  };
}

function installWebRequest(extraHeaders: boolean) {
  const events = {
    onBeforeRequest: fakeEvent(),
    onHeadersReceived: fakeEvent(),
    onBeforeRedirect: fakeEvent(),
    onCompleted: fakeEvent(),
    onErrorOccurred: fakeEvent(),
  };
  const webRequest = fakeBrowser.webRequest as unknown as Record<string, unknown>;
  Object.assign(webRequest, events);
  // Chrome exposes the enum; Firefox has no such option
  if (extraHeaders) webRequest['OnHeadersReceivedOptions'] = { EXTRA_HEADERS: 'extraHeaders', RESPONSE_HEADERS: 'responseHeaders' };
  else delete webRequest['OnHeadersReceivedOptions'];
  return events;
}

describe('Firefox code paths', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('asks for extraHeaders only where the browser has it (Chrome), never in Firefox', () => {
    const firefox = installWebRequest(false);
    startObserving();
    expect(firefox.onHeadersReceived.added[0]?.options[1]).toEqual(['responseHeaders']);
    fakeBrowser.reset();
    const chrome = installWebRequest(true);
    startObserving();
    expect(chrome.onHeadersReceived.added[0]?.options[1]).toEqual(['responseHeaders', 'extraHeaders']);
  });

  it('records a whole Firefox page view: no documentId, exact responseSize, Set-Cookie lines joined by newlines', async () => {
    const events = installWebRequest(false);
    const store = startObserving();
    const base = { tabId: 5, frameId: 0, timeStamp: T0 };
    const main = { ...base, requestId: '1', url: 'https://www.example.fr/', type: 'main_frame' };
    events.onBeforeRequest.fire(main);
    events.onHeadersReceived.fire({
      ...main,
      statusCode: 200,
      responseHeaders: [{ name: 'Set-Cookie', value: 'a=1; Max-Age=60\nb=2; Domain=example.fr' }],
    });
    await fakeBrowser.webNavigation.onCommitted.trigger({ ...base, url: main.url, timeStamp: T0 + 30 } as never);
    events.onCompleted.fire({ ...main, statusCode: 200, responseSize: 1234, fromCache: false });
    const script = { ...base, requestId: '2', url: 'https://www.example.fr/app.js', type: 'script', timeStamp: T0 + 40 };
    events.onBeforeRequest.fire(script);
    events.onCompleted.fire({ ...script, statusCode: 200, responseSize: 5000, fromCache: false, responseHeaders: [{ name: 'Content-Length', value: '4000' }] });
    const cached = { ...base, requestId: '3', url: 'https://www.example.fr/logo.png', type: 'image', timeStamp: T0 + 50 };
    events.onBeforeRequest.fire(cached);
    events.onCompleted.fire({ ...cached, statusCode: 200, responseSize: 0, fromCache: true });
    await fakeBrowser.webNavigation.onCompleted.trigger({ ...base, url: main.url, timeStamp: T0 + 90 } as never);
    await store.flush();

    const tab = await readTab(5);
    expect(tab?.documentId).toBeNull();
    expect(tab?.cookies.map((c) => [c.name, c.domain])).toEqual([
      ['a', 'www.example.fr'],
      ['b', '.example.fr'],
    ]);
    const capture = tab && buildPassiveCapture(tab);
    expect(capture?.requests.map((r) => [r.url, r.bytes, r.bytesSource])).toEqual([
      ['https://www.example.fr/', 1234, 'response-size'],
      ['https://www.example.fr/app.js', 5000, 'response-size'],
      // from the cache: nothing crossed the network
      ['https://www.example.fr/logo.png', null, null],
    ]);
  });

  it('without documentIds, nothing is held back as another document’s, and history updates still start soft views', () => {
    const tab = emptyTab(7);
    const main = request('1', 'https://spa.example.fr/', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    recorder.onCommitted(tab, { tabId: 7, frameId: 0, url: main.url, timeStamp: T0 + 20 }, new Date(T0));
    recorder.onCompleted(tab, response(main, {}, { responseSize: 900 }));
    load(tab, request('2', 'https://spa.example.fr/app.js'), {}, { responseSize: 300 });
    expect(tab.earlyRequests).toEqual([]);
    expect(tab.requests).toHaveLength(2);
    recorder.onNavigationCompleted(tab, { tabId: 7, frameId: 0, url: main.url, timeStamp: T0 + 100 });
    recorder.onHistoryStateUpdated(tab, { tabId: 7, frameId: 0, url: 'https://spa.example.fr/agenda', timeStamp: T0 + 200 }, new Date(T0 + 200));
    load(tab, request('30', 'https://spa.example.fr/agenda.json', 'xmlhttprequest'), {}, { responseSize: 120 });
    const capture = buildPassiveCapture(tab);
    expect(capture?.page.softNavigation).toBe(true);
    expect(capture?.requests.map((r) => [r.url, r.bytes])).toEqual([['https://spa.example.fr/agenda.json', 120]]);
  });
});
