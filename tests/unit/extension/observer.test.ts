import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startObserving } from '../../../src/extension/observer';
import { readTab, tabKey } from '../../../src/extension/tab-store';
import { T0 } from './helpers';
import { probeTargets } from '../../../src/core/dependencies/probe-targets';
import { loadCatalogs } from '../../../src/data/index';

type Listener = (...args: unknown[]) => unknown;

/** fakeBrowser does not implement webRequest: a minimal event that records its listeners. */
function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    listeners,
    addListener: (listener: Listener) => void listeners.push(listener),
    fire: (...args: unknown[]) => listeners.forEach((listener) => listener(...args)),
  };
}

const events = {
  onBeforeRequest: fakeEvent(),
  onHeadersReceived: fakeEvent(),
  onBeforeRedirect: fakeEvent(),
  onCompleted: fakeEvent(),
  onErrorOccurred: fakeEvent(),
};

const base = { tabId: 4, frameId: 0 };

/** webNavigation details with only the fields the observer reads. */
const navigation = (details: { tabId: number; frameId: number; url: string; timeStamp: number }) => details as never;

describe('startObserving', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const [name, event] of Object.entries(events)) {
      event.listeners.length = 0;
      (fakeBrowser.webRequest as unknown as Record<string, unknown>)[name] = event;
    }
  });

  it('records a page view from browser events into storage.session', async () => {
    const store = startObserving();
    const main = { ...base, requestId: '1', url: 'https://www.example.fr/', type: 'main_frame', timeStamp: T0 };
    events.onBeforeRequest.fire(main);
    events.onHeadersReceived.fire({ ...main, statusCode: 200, responseHeaders: [{ name: 'content-length', value: '1200' }] });
    await fakeBrowser.webNavigation.onCommitted.trigger(navigation({ ...base, url: main.url, timeStamp: T0 + 40 }));
    events.onCompleted.fire({ ...main, statusCode: 200, fromCache: false });
    const script = { ...base, requestId: '2', url: 'https://www.googletagmanager.com/gtm.js', type: 'script', timeStamp: T0 + 60 };
    events.onBeforeRequest.fire(script);
    events.onCompleted.fire({ ...script, statusCode: 200, responseHeaders: [{ name: 'Content-Length', value: '80000' }] });
    // not a tab's request: ignored
    events.onBeforeRequest.fire({ ...script, requestId: '3', tabId: -1 });
    await fakeBrowser.webNavigation.onCompleted.trigger(navigation({ ...base, url: main.url, timeStamp: T0 + 500 }));
    await store.flush();

    const tab = await readTab(4);
    expect(tab?.complete).toBe(true);
    expect(tab?.requests.map((r) => [r.url, r.bytes])).toEqual([
      ['https://www.example.fr/', 1200],
      ['https://www.googletagmanager.com/gtm.js', 80000],
    ]);
  });

  it('accepts the content script’s messages and drops forged ones', async () => {
    const store = startObserving();
    const main = { ...base, requestId: '1', url: 'https://www.example.fr/', type: 'main_frame', timeStamp: T0 };
    events.onBeforeRequest.fire(main);
    await fakeBrowser.webNavigation.onCommitted.trigger(navigation({ ...base, url: main.url, timeStamp: T0 }));
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 4 }, frameId: 0, url: main.url };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'empreinte:interaction', at: 1234 }, sender as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'empreinte:interaction', at: 1 }, { ...sender, id: 'evil' } as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'empreinte:unknown' }, sender as never, () => undefined);
    await store.flush();
    expect((await readTab(4))?.firstInteractionAt).toBe(1234);
  });

  it('answers the content script with what the probe should look for, from the catalogs', async () => {
    startObserving();
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 4 }, frameId: 0, url: 'https://www.example.fr/' };
    const answers = await fakeBrowser.runtime.onMessage.trigger({ type: 'empreinte:targets' }, sender as never, () => undefined);
    const targets = (await answers[0]) as { globals: string[]; markers: { id: string; selector: string }[] };
    expect(targets).toEqual(probeTargets(loadCatalogs()));
    expect(targets.globals).toContain('__tcfapi');
    // a foreign sender gets nothing
    const foreign = await fakeBrowser.runtime.onMessage.trigger({ type: 'empreinte:targets' }, { ...sender, id: 'evil' } as never, () => undefined);
    expect(foreign[0]).toBeUndefined();
  });

  it('frees a closed tab’s state', async () => {
    const store = startObserving();
    const main = { ...base, requestId: '1', url: 'https://www.example.fr/', type: 'main_frame', timeStamp: T0 };
    events.onBeforeRequest.fire(main);
    await fakeBrowser.webNavigation.onCommitted.trigger(navigation({ ...base, url: main.url, timeStamp: T0 }));
    await store.flush();
    expect(await readTab(4)).not.toBeNull();
    await fakeBrowser.tabs.onRemoved.trigger(4, { windowId: 1, isWindowClosing: false });
    await store.flush();
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get(tabKey(4)))[tabKey(4)]).toBeUndefined());
  });
});
