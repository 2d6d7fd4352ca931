// Single-page apps, back/forward cache restores and redirect chains, from the
// recorder's point of view (src/extension/recorder.ts), and the observer's
// wiring of webNavigation.onHistoryStateUpdated.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildPassiveCapture, parseStoredTabShape } from './hardening-support';
import * as recorder from '../../../src/extension/recorder';
import { startObserving } from '../../../src/extension/observer';
import { readTab } from '../../../src/extension/tab-store';
import { T0, committedTab, load, request, response } from './helpers';
import { emptyTab, type RecordedTab } from '../../../src/collect/webrequest';
import type { RequestEvent } from '../../../src/extension/recorder';

const at = (ms: number) => new Date(T0 + ms);
const history = (url: string, ms: number, frameId = 0) => ({ tabId: 7, frameId, url, timeStamp: T0 + ms });

describe('soft navigation (history.pushState)', () => {
  it('starts a new page view once the document has loaded, said to be soft, with only what loads after', () => {
    const tab = committedTab('https://spa.example.fr/');
    load(tab, request('2', 'https://spa.example.fr/app.js'), { 'Content-Length': '5000' });
    recorder.onNavigationCompleted(tab, history('https://spa.example.fr/', 200));
    // the view's data fetch reached the background before the history event did
    const data = request('30', 'https://spa.example.fr/api/agenda.json', 'xmlhttprequest');
    recorder.onBeforeRequest(tab, data);
    expect(recorder.onHistoryStateUpdated(tab, history('https://spa.example.fr/agenda', 290), at(290))).toBe(true);
    recorder.onCompleted(tab, response(data, { 'Content-Length': '700' }));
    load(tab, request('40', 'https://spa.example.fr/poster.jpg', 'image'), { 'Content-Length': '9000' });

    const capture = buildPassiveCapture(tab);
    expect(capture?.page.softNavigation).toBe(true);
    expect(capture?.page.complete).toBe(true);
    expect(capture?.page.finalUrl).toBe('https://spa.example.fr/agenda');
    expect(capture?.page.url).toBe('https://spa.example.fr/agenda');
    expect(capture?.requests.map((r) => [r.url, r.bytes])).toEqual([
      ['https://spa.example.fr/api/agenda.json', 700],
      ['https://spa.example.fr/poster.jpg', 9000],
    ]);
    // times count from the view change
    expect(capture?.requests[0]?.startTime).toBe(10);
  });

  it('a URL rewritten while the page loads, or a fragment change, is no new view', () => {
    const tab = committedTab('https://spa.example.fr/?utm_source=x');
    expect(recorder.onHistoryStateUpdated(tab, history('https://spa.example.fr/', 60), at(60))).toBe(true);
    load(tab, request('9', 'https://spa.example.fr/app.js'), { 'Content-Length': '5000' });
    expect(tab.softNavigation).toBe(false);
    expect(tab.requests).toHaveLength(2);
    expect(tab.url).toBe('https://spa.example.fr/');
    recorder.onNavigationCompleted(tab, history('https://spa.example.fr/', 200));
    expect(recorder.onHistoryStateUpdated(tab, history('https://spa.example.fr/#programme', 300), at(300))).toBe(false);
    expect(recorder.onHistoryStateUpdated(tab, history('https://spa.example.fr/agenda', 300, 3), at(300))).toBe(false);
    expect(tab.requests).toHaveLength(2);
    expect(buildPassiveCapture(tab)?.page.softNavigation).toBe(false);
  });

  it('a real load after a soft navigation is an ordinary page view again', () => {
    const tab = committedTab('https://spa.example.fr/');
    recorder.onNavigationCompleted(tab, history('https://spa.example.fr/', 200));
    recorder.onHistoryStateUpdated(tab, history('https://spa.example.fr/agenda', 300), at(300));
    const main = request('50', 'https://spa.example.fr/contact', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    recorder.onCommitted(tab, { ...history('https://spa.example.fr/contact', 520), documentId: 'DOC2' }, at(520));
    expect(buildPassiveCapture(tab)?.page.softNavigation).toBe(false);
    expect(buildPassiveCapture(tab)?.page.documentFromCache).toBe(false);
  });
});

describe('requests racing their document’s commit (Chrome documentId)', () => {
  it('the next document’s first requests join its page view; the previous document’s late ones go', () => {
    const tab = committedTab('https://www.example.fr/a');
    const b = request('3', 'https://www.example.fr/b', 'main_frame');
    recorder.onBeforeRequest(tab, b);
    // the stylesheet of /b reaches us before /b's commit; a beacon of /a after it started
    const css = request('4', 'https://www.example.fr/b.css', 'stylesheet', { documentId: 'DOC2' });
    const beacon = request('5', 'https://www.example.fr/bye', 'ping', { documentId: 'DOC-UNLOADED' });
    recorder.onBeforeRequest(tab, css);
    recorder.onBeforeRequest(tab, beacon);
    recorder.onCompleted(tab, response(css, { 'Content-Length': '300' }));
    recorder.onCommitted(tab, { ...history('https://www.example.fr/b', 100), documentId: 'DOC2' }, at(100));
    load(tab, request('6', 'https://www.example.fr/b.js', 'script', { documentId: 'DOC2' }), { 'Content-Length': '200' });
    expect(tab.requests.map((r) => [r.url, r.bytes])).toEqual([
      ['https://www.example.fr/b', null],
      ['https://www.example.fr/b.css', 300],
      ['https://www.example.fr/b.js', 200],
    ]);
    expect(tab.earlyRequests).toEqual([]);
  });

  /** A tab loads lente.html; its deferred script reaches us before the commit, credited as `credited` says. */
  function scriptBeforeCommit(tab: RecordedTab, credited: Partial<RequestEvent>) {
    const main = request('1', 'https://www.example.fr/lente.html', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    recorder.onHeadersReceived(tab, response(main, { 'Content-Type': 'text/html' }));
    const script = request('2', 'https://www.example.fr/lente.js', 'script', credited);
    recorder.onBeforeRequest(tab, script);
    recorder.onCompleted(tab, response(script, { 'Content-Length': '400' }));
    recorder.onCommitted(tab, { ...history('https://www.example.fr/lente.html', 60), documentId: 'DOC1' }, at(60));
    recorder.onCompleted(tab, response(main, { 'Content-Length': '900' }));
    expect(tab.earlyRequests).toEqual([]);
    return tab.requests.map((r) => [r.url, r.bytes, r.done]);
  }
  const lente = [
    ['https://www.example.fr/lente.html', 900, true],
    ['https://www.example.fr/lente.js', 400, true],
  ];

  it('in a new tab, the first document’s requests that arrive before its commit join it too', () => {
    // a tab just opened: no page view yet
    expect(scriptBeforeCommit(emptyTab(7), { documentId: 'DOC1' })).toEqual(lente);
  });

  it('a new document’s first requests credited to the document it replaces still join its page view', () => {
    // CI: a new tab's about:blank and the page that replaces it share one frame host; under load Chrome
    // gave the page's deferred script the about:blank's documentId, and its commit wiped it.
    const tab = emptyTab(7);
    recorder.onCommitted(tab, { ...history('about:blank', 0), documentId: 'BLANK' }, at(0));
    expect(scriptBeforeCommit(tab, { documentId: 'BLANK', initiator: 'https://www.example.fr' })).toEqual(lente);
  });

  it('a new document’s first request credited to another frame, one without a parent, joins its page view as the top frame’s', () => {
    // Seen under load (accuracy benchmark): the page's first stylesheet came before the commit with
    // frameId 3 and parentFrameId -1 (a top-level document Chrome did not yet count as the main frame);
    // taken for a frame's request of the about:blank shown, the commit wiped it.
    const tab = emptyTab(7);
    recorder.onCommitted(tab, { ...history('about:blank', 0), documentId: 'BLANK' }, at(0));
    expect(scriptBeforeCommit(tab, { documentId: 'DOC1', frameId: 3, parentFrameId: -1, initiator: 'https://www.example.fr' })).toEqual(lente);
    expect(tab.requests.map((r) => r.frameId)).toEqual([0, 0]);
  });

  it('…while a frame’s requests, its document’s included, stay the frame’s, a fenced frame’s too', () => {
    const tab = committedTab('https://www.example.fr/a');
    const framed = request('40', 'https://widget.example.net/w.js', 'script', { frameId: 4, parentFrameId: 0, documentId: 'FRAME-DOC' });
    const frameDocument = request('41', 'https://widget.example.net/', 'sub_frame', { frameId: 4, parentFrameId: 0 });
    const fenced = request('42', 'https://ads.example.net/ad.js', 'script', { frameId: 6, parentFrameId: -1, frameType: 'fenced_frame', documentId: 'AD-DOC' });
    recorder.onBeforeRequest(tab, frameDocument);
    recorder.onBeforeRequest(tab, framed);
    recorder.onBeforeRequest(tab, fenced);
    expect(tab.requests.map((r) => [r.url, r.frameId])).toEqual([
      ['https://www.example.fr/a', 0],
      ['https://widget.example.net/', 4],
      ['https://widget.example.net/w.js', 4],
      ['https://ads.example.net/ad.js', 6],
    ]);
    expect(tab.earlyRequests).toEqual([]);
  });

  it('a new tab’s about:blank commit that reaches us late, after the page’s first requests, loses none of them', () => {
    // Seen under load (accuracy benchmark, CPU busy): Chrome delivered the webNavigation events of the tab's
    // initial about:blank after the webRequest events of the page that replaces it; that commit emptied the
    // pending document and the held requests, and the page's own commit then found nothing (report: no
    // document, "restored from the back/forward cache").
    const tab = emptyTab(7);
    const main = request('8', 'https://www.example.fr/lente.html', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    recorder.onCompleted(tab, response(main, { 'Content-Length': '900' }));
    const script = request('9', 'https://www.example.fr/lente.js', 'script', { documentId: 'DOC1', initiator: 'https://www.example.fr' });
    recorder.onBeforeRequest(tab, script);
    recorder.onCommitted(tab, { ...history('about:blank', 10), documentId: 'BLANK' }, at(10));
    recorder.onNavigationCompleted(tab, { ...history('about:blank', 11), documentId: 'BLANK' });
    recorder.onCommitted(tab, { ...history('https://www.example.fr/lente.html', 12), documentId: 'DOC1' }, at(12));
    recorder.onCompleted(tab, response(script, { 'Content-Length': '400' }));
    expect(tab.requests.map((r) => [r.url, r.bytes, r.done])).toEqual(lente);
    expect(tab.restored).toBe(false);
    expect([tab.pendingDocument, tab.earlyRequests]).toEqual([[], []]);
  });

  it('…while a real page view that no pending document leads to still starts empty', () => {
    // a back/forward cache restore of an http(s) page: no request of its own, nothing held for it
    const tab = committedTab('https://www.example.fr/a');
    recorder.onBeforeRequest(tab, request('20', 'https://www.example.fr/telechargement.pdf', 'main_frame')); // a download: no commit
    recorder.onCommitted(tab, { ...history('https://www.example.fr/b', 30), documentId: 'DOC9' }, at(30));
    expect([tab.requests, tab.restored, tab.pendingDocument]).toEqual([[], true, []]);
  });

  it('…and when they reach us after the commit, they still join it; the replaced page’s own late requests do not', () => {
    const tab = emptyTab(7);
    recorder.onCommitted(tab, { ...history('about:blank', 0), documentId: 'BLANK' }, at(0));
    const main = request('1', 'https://www.example.fr/lente.html', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    recorder.onCommitted(tab, { ...history('https://www.example.fr/lente.html', 60), documentId: 'DOC1' }, at(60));
    load(tab, request('2', 'https://www.example.fr/lente.js', 'script', { documentId: 'BLANK', initiator: 'https://www.example.fr' }), { 'Content-Length': '400' });
    expect(tab.requests.map((r) => r.url)).toEqual(['https://www.example.fr/lente.html', 'https://www.example.fr/lente.js']);

    // then to another site: the page left behind sends a last request from its own origin
    recorder.onBeforeRequest(tab, request('3', 'https://www.ailleurs.fr/', 'main_frame'));
    recorder.onCommitted(tab, { ...history('https://www.ailleurs.fr/', 200), documentId: 'DOC2' }, at(200));
    recorder.onBeforeRequest(tab, request('4', 'https://stats.example.net/bye', 'xmlhttprequest', { documentId: 'DOC1', initiator: 'https://www.example.fr' }));
    expect(tab.requests.map((r) => r.url)).toEqual(['https://www.ailleurs.fr/']);
    // and within one origin the two cannot be told apart: not attributed
    recorder.onBeforeRequest(tab, request('5', 'https://www.ailleurs.fr/page', 'main_frame'));
    recorder.onCommitted(tab, { ...history('https://www.ailleurs.fr/page', 300), documentId: 'DOC3' }, at(300));
    recorder.onBeforeRequest(tab, request('6', 'https://www.ailleurs.fr/late.js', 'script', { documentId: 'DOC2', initiator: 'https://www.ailleurs.fr' }));
    expect(tab.requests.map((r) => r.url)).toEqual(['https://www.ailleurs.fr/page']);
  });

  it('only what its origin says is the coming document’s: not the page shown’s last requests', () => {
    const tab = committedTab('https://www.ancienne.fr/');
    tab.documentId = 'OLD';
    const main = request('3', 'https://www.example.fr/', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    // the navigation's early hints, before its response: only the coming document's origin asks so
    const hint = request('4', 'https://www.example.fr/early.css', 'stylesheet', { documentId: 'OLD', initiator: 'https://www.example.fr' });
    recorder.onBeforeRequest(tab, hint);
    recorder.onHeadersReceived(tab, response(main, {}));
    // the page shown, leaving, from its own origin; then the coming document's first script
    const leaving = request('5', 'https://stats.example.net/bye', 'ping', { documentId: 'OLD', initiator: 'https://www.ancienne.fr' });
    const first = request('6', 'https://www.example.fr/app.js', 'script', { documentId: 'OLD', initiator: 'https://www.example.fr' });
    recorder.onBeforeRequest(tab, leaving);
    recorder.onBeforeRequest(tab, first);
    expect(tab.requests.map((r) => r.url)).toEqual(['https://www.ancienne.fr/', 'https://stats.example.net/bye']);
    recorder.onCommitted(tab, { ...history('https://www.example.fr/', 90), documentId: 'DOC2' }, at(90));
    expect(tab.requests.map((r) => r.url)).toEqual(['https://www.example.fr/', 'https://www.example.fr/early.css', 'https://www.example.fr/app.js']);
  });

  it('within one origin the page shown keeps what it is credited with', () => {
    const tab = committedTab('https://www.example.fr/a');
    const main = request('3', 'https://www.example.fr/b', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    recorder.onHeadersReceived(tab, response(main, {}));
    recorder.onBeforeRequest(tab, request('4', 'https://www.example.fr/a-late.js', 'script', { documentId: 'DOC1', initiator: 'https://www.example.fr' }));
    expect(tab.requests.map((r) => r.url)).toEqual(['https://www.example.fr/a', 'https://www.example.fr/a-late.js']);
    expect(tab.earlyRequests).toEqual([]);
  });

  it('Firefox (no documentId): a request into the document about to commit, by its URL, joins it', () => {
    const tab = committedTab('https://www.example.fr/a');
    tab.documentId = null;
    const main = request('3', 'https://www.example.fr/b', 'main_frame');
    recorder.onBeforeRequest(tab, main);
    recorder.onHeadersReceived(tab, response(main, {}));
    recorder.onBeforeRequest(tab, request('4', 'https://www.example.fr/a-late.js', 'script', { documentUrl: 'https://www.example.fr/a' }));
    recorder.onBeforeRequest(tab, request('5', 'https://www.example.fr/b.css', 'stylesheet', { documentUrl: 'https://www.example.fr/b#top' }));
    recorder.onCommitted(tab, history('https://www.example.fr/b', 90), at(90));
    expect(tab.requests.map((r) => r.url)).toEqual(['https://www.example.fr/b', 'https://www.example.fr/b.css']);
    // a reload: the same URL, the page shown keeps what comes from it
    const again = request('6', 'https://www.example.fr/b', 'main_frame');
    recorder.onBeforeRequest(tab, again);
    recorder.onBeforeRequest(tab, request('7', 'https://www.example.fr/b-late.js', 'script', { documentUrl: 'https://www.example.fr/b' }));
    expect(tab.earlyRequests).toEqual([]);
  });

  it('a tab open before the extension started attributes nothing to a page view it never saw begin', () => {
    const tab = emptyTab(7);
    // the page already shown makes a request; then the user leaves it
    recorder.onBeforeRequest(tab, request('2', 'https://www.ancienne.fr/poll', 'xmlhttprequest', { documentId: 'OLD' }));
    recorder.onBeforeRequest(tab, request('3', 'https://www.example.fr/', 'main_frame'));
    recorder.onCommitted(tab, { ...history('https://www.example.fr/', 60), documentId: 'DOC1' }, at(60));
    expect(tab.requests.map((r) => r.url)).toEqual(['https://www.example.fr/']);
    expect(tab.earlyRequests).toEqual([]);
  });
});

describe('back/forward cache', () => {
  it('a commit without a request of its own is said to come from the cache, with nothing of the previous page', () => {
    const tab = committedTab('https://www.example.fr/a');
    load(tab, request('2', 'https://www.example.fr/a.css', 'stylesheet'), { 'Content-Length': '100' });
    const b = request('3', 'https://www.example.fr/b', 'main_frame');
    recorder.onBeforeRequest(tab, b);
    recorder.onCommitted(tab, { ...history('https://www.example.fr/b', 100), documentId: 'DOC2' }, at(100));
    load(tab, request('4', 'https://www.example.fr/b.js'), { 'Content-Length': '200' });
    // back to /a, restored from the back/forward cache: no request at all
    recorder.onCommitted(tab, { ...history('https://www.example.fr/a', 900), documentId: 'DOC1' }, at(900));
    const capture = buildPassiveCapture(tab);
    expect(capture?.page.finalUrl).toBe('https://www.example.fr/a');
    expect(capture?.page.documentFromCache).toBe(true);
    expect(capture?.requests).toEqual([]);
    // a message from the restored document is accepted again (same documentId)
    expect(tab.documentId).toBe('DOC1');
  });

  it('a state stored before the fields existed reads as an ordinary load', () => {
    const tab = committedTab() as Record<string, unknown>;
    delete tab['softNavigation'];
    delete tab['restored'];
    expect(parseStoredTabShape(tab)).toMatchObject({ softNavigation: false, restored: false });
  });
});

describe('redirect chain', () => {
  it('each hop is a request of the page view, with its bytes; the final URL is the committed one', () => {
    const tab = committedTab('https://www.example.fr/');
    const hops = ['https://old.example.fr/', 'https://www.example.fr/tmp', 'https://www.example.fr/salle'];
    const id = '60';
    hops.forEach((url, index) => {
      const hop = request(id, url, 'main_frame', { timeStamp: T0 + 1000 + index });
      recorder.onBeforeRequest(tab, hop);
      if (index < hops.length - 1) {
        recorder.onHeadersReceived(tab, response(hop, { 'Content-Length': '12', Location: hops[index + 1] ?? '' }, { statusCode: index === 0 ? 301 : 302 }));
        recorder.onBeforeRedirect(tab, response(hop, { 'Content-Length': '12' }, { statusCode: index === 0 ? 301 : 302 }));
      }
    });
    recorder.onCommitted(tab, { ...history(hops[2] ?? '', 1100), documentId: 'DOC9' }, at(1100));
    const last = request(id, hops[2] ?? '', 'main_frame', { timeStamp: T0 + 1002 });
    recorder.onCompleted(tab, response(last, { 'Content-Length': '3000' }));
    const capture = buildPassiveCapture(tab);
    expect(capture?.page.url).toBe('https://old.example.fr/');
    expect(capture?.page.finalUrl).toBe('https://www.example.fr/salle');
    expect(capture?.page.documentFromCache).toBe(false);
    expect(capture?.requests.map((r) => [r.status, r.bytes])).toEqual([
      [301, 12],
      [302, 12],
      [200, 3000],
    ]);
  });
});

describe('observer: history state updates', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const event = () => ({ addListener: () => undefined });
    for (const name of ['onBeforeRequest', 'onHeadersReceived', 'onBeforeRedirect', 'onCompleted', 'onErrorOccurred']) {
      (fakeBrowser.webRequest as unknown as Record<string, unknown>)[name] = event();
    }
  });

  it('a top-frame history update of a loaded page starts a soft page view in storage; a frame’s is ignored', async () => {
    const store = startObserving();
    const nav = (url: string, ms: number, frameId = 0) => ({ tabId: 4, frameId, url, timeStamp: T0 + ms }) as never;
    await fakeBrowser.webNavigation.onCommitted.trigger(nav('https://spa.example.fr/', 0));
    await fakeBrowser.webNavigation.onCompleted.trigger(nav('https://spa.example.fr/', 100));
    await fakeBrowser.webNavigation.onHistoryStateUpdated.trigger(nav('https://spa.example.fr/frame-view', 150, 2));
    await store.flush();
    expect((await readTab(4))?.softNavigation).toBe(false);
    await fakeBrowser.webNavigation.onHistoryStateUpdated.trigger(nav('https://spa.example.fr/agenda', 200));
    await store.flush();
    const tab = await readTab(4);
    expect(tab?.softNavigation).toBe(true);
    expect(tab?.url).toBe('https://spa.example.fr/agenda');
  });
});
