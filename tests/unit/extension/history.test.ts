import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  HistoryStore,
  MAX_ENTRIES_PER_SITE,
  MAX_SITES,
  addEntry,
  defineHistoryItem,
  emptyHistory,
  summarise,
  type HistoryEntry,
} from '../../../src/extension/history';
import { reportOfTab } from '../../../src/extension/badge';
import * as recorder from '../../../src/extension/recorder';
import { committedTab } from './helpers';

const entry = (at: string, url = 'https://www.theatre.fr/'): HistoryEntry => ({
  at,
  url,
  method: 'passive',
  dependencies: { score: 80, grade: 'B' },
  environment: { score: 60, grade: 'C' },
  bytes: 1000,
  requests: 10,
  thirdParties: 2,
  trackersBeforeInteraction: 1,
  catalog: '1',
  scoring: '1',
});
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

async function completedReport(url = 'https://www.theatre.fr/') {
  const tab = committedTab(url);
  recorder.onNavigationCompleted(tab, { tabId: 7, frameId: 0, url, timeStamp: 0 });
  const report = await reportOfTab(tab);
  if (!report) throw new Error('no report');
  return report;
}

describe('history', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('keeps the last 50 reports of a site, and replaces a page view computed again', () => {
    let history = emptyHistory();
    for (let i = 0; i < MAX_ENTRIES_PER_SITE + 5; i++) history = addEntry(history, 'theatre.fr', entry(day(i)));
    const entries = history.sites['theatre.fr']?.entries ?? [];
    expect(entries).toHaveLength(MAX_ENTRIES_PER_SITE);
    expect(entries[0]?.at).toBe(day(5));
    expect(addEntry(history, 'theatre.fr', entry(day(54)))).toBe(history);
    history = addEntry(history, 'theatre.fr', { ...entry(day(54)), requests: 99 });
    expect(history.sites['theatre.fr']?.entries).toHaveLength(MAX_ENTRIES_PER_SITE);
    expect(history.sites['theatre.fr']?.entries.at(-1)?.requests).toBe(99);
  });

  it('evicts the least recently visited site beyond the cap', () => {
    let history = emptyHistory();
    for (let i = 0; i < MAX_SITES; i++) history = addEntry(history, `site${i}.fr`, entry(day(i)));
    history = addEntry(history, 'site0.fr', entry(day(MAX_SITES)));
    history = addEntry(history, 'new.fr', entry(day(MAX_SITES + 1)));
    expect(Object.keys(history.sites)).toHaveLength(MAX_SITES);
    expect(history.sites['site1.fr']).toBeUndefined();
    expect(history.sites['site0.fr']).toBeDefined();
    expect(history.sites['new.fr']).toBeDefined();
  });

  it('summarises a report compactly, with its catalog and scoring versions', async () => {
    const report = await completedReport();
    const summary = summarise(report);
    expect(summary.url).toBe('https://www.theatre.fr/');
    expect(summary.catalog).toBe(report.versions.catalog);
    expect(summary.scoring).toBe(report.versions.scoring);
    expect(summary.requests).toBe(report.footprint.requests);
    expect(JSON.stringify(summary).length).toBeLessThan(600);
  });

  it('records completed page views, never those of private windows nor of paused sites', async () => {
    const store = new HistoryStore();
    const report = await completedReport();
    await store.record(report, { incognito: true });
    expect(await store.entries('theatre.fr')).toEqual([]);
    await store.record({ ...report, page: { ...report.page, complete: false } }, { incognito: false });
    expect(await store.entries('theatre.fr')).toEqual([]);
    await store.record(report, { incognito: false });
    expect(await store.entries('theatre.fr')).toHaveLength(1);
    await store.setPaused('theatre.fr', true);
    expect(await store.isPaused('theatre.fr')).toBe(true);
    await store.record({ ...report, page: { ...report.page, capturedAt: day(400) } }, { incognito: false });
    expect(await store.entries('theatre.fr')).toHaveLength(1);
    await store.setPaused('theatre.fr', false);
    await store.clear();
    expect(await store.entries('theatre.fr')).toEqual([]);
    expect((await store.read()).paused).toEqual([]);
  });

  it('keeps each site’s reports in an item of its own: a page view writes its site and the index, nothing else', async () => {
    const store = new HistoryStore();
    const report = await completedReport();
    const at = (site: string, n: number) => ({ ...report, page: { ...report.page, site, capturedAt: day(n) } });
    await store.record(at('opera.fr', 1), { incognito: false });
    await store.record(at('cirque.fr', 2), { incognito: false });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await store.record(at('theatre.fr', 3), { incognito: false });
    const written = set.mock.calls.flatMap(([items]) => Object.keys(items));
    expect(new Set(written)).toEqual(new Set(['history-site:theatre.fr', 'history']));
    expect(JSON.stringify(set.mock.calls)).not.toContain('opera.fr/');
    expect(await fakeBrowser.storage.local.get('history')).toEqual({
      history: { paused: [], sites: { 'opera.fr': { lastAt: day(1) }, 'cirque.fr': { lastAt: day(2) }, 'theatre.fr': { lastAt: day(3) } } },
    });
    // the same page view computed again: its site's item only
    set.mockClear();
    await store.record({ ...at('theatre.fr', 3), footprint: { ...report.footprint, requests: 99 } }, { incognito: false });
    expect(set.mock.calls.flatMap(([items]) => Object.keys(items))).toEqual(['history-site:theatre.fr']);
    expect((await store.entries('theatre.fr')).map((e) => e.requests)).toEqual([99]);

    const read = await store.read();
    expect(Object.keys(read.sites).sort()).toEqual(['cirque.fr', 'opera.fr', 'theatre.fr']);
    expect(read.sites['opera.fr']?.entries).toHaveLength(1);
    await store.clear('opera.fr');
    expect(await fakeBrowser.storage.local.get('history-site:opera.fr')).toEqual({});
    await store.clear();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('history-site:'))).toEqual([]);
  });

  it('evicts the least recently visited site’s item beyond the cap', async () => {
    const store = new HistoryStore();
    const report = await completedReport();
    for (let i = 0; i <= MAX_SITES; i++) {
      await store.record({ ...report, page: { ...report.page, site: `site${i}.fr`, capturedAt: day(i) } }, { incognito: false });
    }
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('history-site:'));
    expect(keys).toHaveLength(MAX_SITES);
    expect(keys).not.toContain('history-site:site0.fr');
    expect(Object.keys((await store.index()).sites)).toHaveLength(MAX_SITES);
    expect(await store.entries('site0.fr')).toEqual([]);
  });

  it('tells a watcher of another site’s new report, and a paused-sites watcher only of pauses', async () => {
    const store = new HistoryStore();
    const changes = vi.fn();
    const pauses = vi.fn();
    store.watch(changes);
    store.watchPaused(pauses);
    const report = await completedReport();
    await new HistoryStore().record(report, { incognito: false });
    await vi.waitFor(() => expect(changes).toHaveBeenCalled());
    expect(pauses).not.toHaveBeenCalled();
    await new HistoryStore().setPaused('theatre.fr', true);
    await vi.waitFor(() => expect(pauses).toHaveBeenCalledTimes(1));
  });

  it('moves a version 2 history (every site in one item) into one item per site', async () => {
    await fakeBrowser.storage.local.set({
      history: { sites: { 'theatre.fr': { lastAt: day(2), entries: [entry(day(1)), entry(day(2))] } }, paused: ['opera.fr'] },
      history$: { v: 2 },
    });
    const store = new HistoryStore(defineHistoryItem());
    expect(await store.entries('theatre.fr')).toEqual([entry(day(1)), entry(day(2))]);
    expect(await store.isPaused('opera.fr')).toBe(true);
    expect(await fakeBrowser.storage.local.get(['history', 'history-site:theatre.fr'])).toEqual({
      history: { sites: { 'theatre.fr': { lastAt: day(2) } }, paused: ['opera.fr'] },
      'history-site:theatre.fr': { entries: [entry(day(1)), entry(day(2))] },
    });
  });

  it('migrates the unversioned first shape, whose points carry no scale version', async () => {
    await fakeBrowser.storage.local.set({
      history: {
        'theatre.fr': [
          { date: day(1), url: 'https://www.theatre.fr/', dependencyScore: 70, dependencyGrade: 'C', ecoIndex: 55, ecoGrade: 'D', bytes: 5, requests: 3 },
          { date: 'broken' },
        ],
      },
    });
    const store = new HistoryStore(defineHistoryItem());
    const entries = await store.entries('theatre.fr');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ dependencies: { score: 70, grade: 'C' }, environment: { score: 55, grade: 'D' }, scoring: null, catalog: null });
    expect(await fakeBrowser.storage.local.get('history$')).toEqual({ history$: { v: 3 } });
  });
});
