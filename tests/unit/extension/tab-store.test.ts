import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyTab } from '../../../src/collect/webrequest';
import { TabStore, parseStoredTab, readTab, tabKey } from '../../../src/extension/tab-store';
import * as recorder from '../../../src/extension/recorder';
import { committedTab, load, request } from './helpers';

describe('TabStore', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('uses a versioned key', () => {
    expect(tabKey(12)).toBe('tab:v3:12');
  });

  it('round-trips a tab through storage.session', async () => {
    const store = new TabStore(10);
    const recorded = committedTab();
    load(recorded, request('2', 'https://www.example.fr/a.js'), { 'Content-Length': '42' });
    await store.update(7, (tab) => void Object.assign(tab, structuredClone(recorded)));
    await store.flush();
    expect(await readTab(7)).toEqual(recorded);
  });

  it('stores each tab as one JSON text, and ignores a stored text that is cut or not JSON', async () => {
    const store = new TabStore(10);
    await store.update(7, (tab) => void Object.assign(tab, committedTab()));
    await store.flush();
    const value = (await fakeBrowser.storage.session.get(tabKey(7)))[tabKey(7)];
    expect(typeof value).toBe('string');
    expect(parseStoredTab(value)).toEqual(committedTab());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(parseStoredTab((value as string).slice(0, 40))).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not JSON'));
    warn.mockRestore();
  });

  it('applies an event to a tab held in memory at once, before any write', async () => {
    const store = new TabStore(10);
    await store.update(7, (tab) => void Object.assign(tab, committedTab()));
    let applied = false;
    void store.update(7, (tab) => {
      applied = true;
      recorder.onBeforeRequest(tab, request('2', 'https://www.example.fr/now.js'));
    });
    // synchronously: no promise chain per request event
    expect(applied).toBe(true);
    // but never ahead of a change still queued behind a read of storage
    const fresh = new TabStore(10);
    const order: string[] = [];
    void fresh.update(8, () => void order.push('first'));
    void fresh.update(8, () => void order.push('second'));
    expect(order).toEqual([]);
    await fresh.flush();
    expect(order).toEqual(['first', 'second']);
    await store.flush();
  });

  it('batches writes: many updates, one set()', async () => {
    const store = new TabStore(20);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await store.update(7, (tab) => void Object.assign(tab, committedTab()));
    for (let i = 0; i < 50; i++) {
      void store.update(7, (tab) => recorder.onBeforeRequest(tab, request(String(10 + i), `https://www.example.fr/${i}.js`)));
    }
    expect(set).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(set).toHaveBeenCalledTimes(1));
    expect((await readTab(7))?.requests).toHaveLength(51);
  });

  it('a new store (a restarted worker) continues from what storage holds', async () => {
    const first = new TabStore(10);
    await first.update(7, (tab) => void Object.assign(tab, committedTab()));
    await first.flush();
    const second = new TabStore(10);
    await second.update(7, (tab) => recorder.onBeforeRequest(tab, request('2', 'https://www.example.fr/after.js')));
    await second.flush();
    expect((await readTab(7))?.requests.map((r) => r.url)).toEqual([
      'https://www.example.fr/',
      'https://www.example.fr/after.js',
    ]);
  });

  it('updates to one tab apply in order even while its state is being read', async () => {
    const store = new TabStore(10);
    const seen: number[] = [];
    await Promise.all([1, 2, 3].map((n) => store.update(7, () => void seen.push(n))));
    expect(seen).toEqual([1, 2, 3]);
    await store.flush();
  });

  it('a closed tab frees its state, even with a write pending', async () => {
    const store = new TabStore(10);
    await store.update(7, (tab) => void Object.assign(tab, committedTab()));
    await store.flush();
    await store.update(7, (tab) => recorder.onBeforeRequest(tab, request('2', 'https://www.example.fr/x.js')));
    await store.remove(7);
    await store.flush();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await fakeBrowser.storage.session.get(tabKey(7))).toEqual({});
  });

  it('a change that does nothing writes nothing', async () => {
    const store = new TabStore(10);
    await store.update(9, () => false);
    await store.flush();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('ignores a stored value of another shape', async () => {
    await fakeBrowser.storage.session.set({ [tabKey(7)]: { version: 0, requests: 'nope' } });
    expect(await readTab(7)).toBeNull();
    expect(parseStoredTab(undefined)).toBeNull();
    expect(parseStoredTab(emptyTab(3))).toEqual(emptyTab(3));
  });
});
