// The tab store writes a heavy page's state less often (src/extension/tab-store.ts):
// each write copies the whole state into the browser's storage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TabStore, tabKey } from '../../../src/extension/tab-store';
import * as recorder from '../../../src/extension/recorder';
import { committedTab, load, request } from './helpers';

const stored = async (tabId: number) => {
  const value = (await fakeBrowser.storage.session.get(tabKey(tabId)))[tabKey(tabId)] as string | undefined;
  return value === undefined ? undefined : (JSON.parse(value) as { requests: unknown[] });
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('tab store write delay', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('a light page is written after the base delay, a page of 1,000 requests after six times it, never more than ten', async () => {
    const store = new TabStore(20);
    await store.update(1, (tab) => void Object.assign(tab, committedTab()));
    await sleep(300);
    expect((await stored(1))?.requests).toHaveLength(1);

    const heavy = committedTab();
    for (let i = 0; i < 999; i++) load(heavy, request(String(10 + i), `https://www.example.fr/p?i=${i}`), { 'Content-Length': '10' });
    await store.update(2, (tab) => void Object.assign(tab, heavy));
    // 6 × 20 ms: not yet at a third of it; there well after
    await sleep(40);
    expect(await stored(2)).toBeUndefined();
    await sleep(400);
    expect((await stored(2))?.requests).toHaveLength(1000);

    const capped = committedTab();
    for (let i = 0; i < recorder.MAX_REQUESTS_PER_TAB + 500; i++) load(capped, request(String(10 + i), `https://www.example.fr/q?i=${i}`), {});
    await store.update(3, (tab) => void Object.assign(tab, capped));
    // 10 × 20 ms at most
    await sleep(100);
    expect(await stored(3)).toBeUndefined();
    await sleep(500);
    expect((await stored(3))?.requests).toHaveLength(recorder.MAX_REQUESTS_PER_TAB);
  });

  it('while changes keep coming, writes at most once per longest wait; once they pause, after the delay', async () => {
    const store = new TabStore(20, 200);
    const write = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await store.update(1, (tab) => void Object.assign(tab, committedTab()));
    // a page that loads: an event every 5 ms for about a second, never 20 ms of quiet
    const started = Date.now();
    const writesAt: number[] = [];
    set.mockImplementation((items) => {
      writesAt.push(Date.now() - started);
      return write(items);
    });
    for (let i = 0; Date.now() - started < 1000; i++) {
      void store.update(1, (tab) => recorder.onBeforeRequest(tab, request(String(10 + i), `https://www.example.fr/${i}.js`)));
      await sleep(5);
    }
    // every 200 ms: five writes or so, not one every 20 ms
    expect(writesAt.length).toBeGreaterThanOrEqual(3);
    expect(writesAt.length).toBeLessThanOrEqual(7);
    const last = (await store.read(1))?.requests.length;
    await sleep(80);
    expect((await stored(1))?.requests).toHaveLength(last ?? -1);
  });

  it('saved() waits for the next scheduled write instead of making one', async () => {
    const store = new TabStore(20, 200);
    await store.update(1, (tab) => void Object.assign(tab, committedTab()));
    await store.saved();
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    // nothing unsaved: at once
    await store.saved();
    expect(set).not.toHaveBeenCalled();
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      void store.update(1, (tab) => recorder.onBeforeRequest(tab, request(String(10 + i), `https://www.example.fr/${i}.js`)));
      void store.saved().then(() => answers.push(i));
    }
    expect(set).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(answers).toHaveLength(5));
    expect(set).toHaveBeenCalledTimes(1);
    expect((await stored(1))?.requests).toHaveLength(6);
  });
});
