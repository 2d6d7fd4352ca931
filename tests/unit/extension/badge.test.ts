import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BadgeUpdater, badgeFor, gradeColours, reportOfTab } from '../../../src/extension/badge';
import { createBadge, restoreBadges } from '../../../src/extension/observer';
import { TabStore, tabKey } from '../../../src/extension/tab-store';
import { HistoryStore } from '../../../src/extension/history';
import { committedTab, load, request } from './helpers';
import * as recorder from '../../../src/extension/recorder';
import type { RecordedTab } from '../../../src/collect/webrequest';

const trackers = ['https://www.googletagmanager.com/gtm.js', 'https://connect.facebook.net/en_US/fbevents.js', 'https://static.hotjar.com/c/hotjar.js'];

function trackedTab(complete: boolean): RecordedTab {
  const tab = committedTab('https://www.theatre.fr/');
  trackers.forEach((url, i) => load(tab, request(String(i + 2), url), { 'Content-Length': '30000' }));
  if (complete) recorder.onNavigationCompleted(tab, { tabId: 7, frameId: 0, url: 'https://www.theatre.fr/', timeStamp: 0 });
  return tab;
}

describe('badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('shows the dependency grade as text, its colour, and a title naming the scale', async () => {
    const tab = trackedTab(true);
    const action = fakeBrowser.action;
    const text = vi.spyOn(action, 'setBadgeText');
    const colour = vi.spyOn(action, 'setBadgeBackgroundColor');
    const title = vi.spyOn(action, 'setTitle');
    const badge = new BadgeUpdater({ read: async () => tab, language: async () => 'fr', isPaused: async () => false });
    await badge.update(7);
    const grade = text.mock.calls[0]?.[0].text ?? '';
    expect(grade).toMatch(/^[A-E]$/);
    expect(colour).toHaveBeenCalledWith({ tabId: 7, color: gradeColours[grade as 'A'] });
    expect(title.mock.calls[0]?.[0].title).toContain(`dépendances : ${grade}`);
    expect(title.mock.calls[0]?.[0].title).toContain('de A, autonome, à E, très dépendant');
    expect(await action.getBadgeText({ tabId: 7 })).toBe(grade);
  });

  it('computes the grades without the action plan (it runs every second while a page loads)', async () => {
    const report = await reportOfTab(trackedTab(true));
    expect(report?.scores.dependencies?.grade).toMatch(/^[A-E]$/);
    expect(report?.plan).toBeNull();
  });

  it('says nothing for a tab with no page view, and for a paused site', async () => {
    expect(badgeFor(null, 'en').text).toBe('');
    const title = vi.spyOn(fakeBrowser.action, 'setTitle');
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const badge = new BadgeUpdater({ read: async () => trackedTab(true), language: async () => 'en', isPaused: async () => true });
    await badge.update(7);
    expect(text).toHaveBeenCalledWith({ tabId: 7, text: '' });
    expect(title).toHaveBeenCalledWith({ tabId: 7, title: 'Empreinte — paused for this site' });
  });

  it('computes at most once per interval for a burst of changes, then once more with the latest state', async () => {
    vi.useFakeTimers();
    try {
      const read = vi.fn(async () => trackedTab(false));
      const badge = new BadgeUpdater({ read, language: async () => 'fr', isPaused: async () => false }, 1000);
      await badge.update(7);
      for (let i = 0; i < 20; i++) badge.schedule(7);
      expect(read).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1000);
      await badge.settle();
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('computes nothing while a page that loads within the interval loads, the tab’s next page neither; completion computes at once', async () => {
    vi.useFakeTimers();
    try {
      const read = vi.fn(async () => trackedTab(false));
      const badge = new BadgeUpdater({ read, language: async () => 'fr', isPaused: async () => false }, 1000);
      for (let page = 1; page <= 2; page++) {
        // the page's requests over 800 ms: the first one does not compute either
        for (let i = 0; i < 20; i++) {
          badge.schedule(7);
          await vi.advanceTimersByTimeAsync(40);
        }
        expect(read).toHaveBeenCalledTimes(page - 1);
        // webNavigation.onCompleted
        await badge.update(7);
        expect(read).toHaveBeenCalledTimes(page);
        // the visitor reads the page for a while before the next one
        await vi.advanceTimersByTimeAsync(10_000);
        expect(read).toHaveBeenCalledTimes(page);
      }
    } finally {
      vi.useRealTimers();
    }
  });


  it('waits longer while the tab is loading, even when its first request came before the commit', async () => {
    vi.useFakeTimers();
    try {
      const read = vi.fn(async () => trackedTab(false));
      let loading = false;
      const badge = new BadgeUpdater({ read, language: async () => 'fr', isPaused: async () => false, loading: () => loading }, 1000, 5000);
      // the new page's document request: the tab still holds the previous, complete view
      badge.schedule(7);
      await vi.advanceTimersByTimeAsync(300);
      // committed: the page loads, its requests keep coming
      loading = true;
      for (let i = 0; i < 40; i++) {
        badge.schedule(7);
        await vi.advanceTimersByTimeAsync(100);
      }
      // 4.3 s in: nothing computed yet
      expect(read).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(800);
      await badge.settle();
      // at 5 s, what it has so far
      expect(read).toHaveBeenCalledTimes(1);
      // loaded: back to the short interval
      loading = false;
      badge.schedule(7);
      await vi.advanceTimersByTimeAsync(1000);
      await badge.settle();
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is restored after a worker restart from the tab states in storage.session', async () => {
    await fakeBrowser.storage.session.set({ [tabKey(7)]: trackedTab(true), unrelated: 1 });
    const store = new TabStore();
    const badge = createBadge(store, new HistoryStore());
    await restoreBadges(badge);
    await badge.settle();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toMatch(/^[A-E]$/);
  });

  it('records a completed page view in the history, except in a private window', async () => {
    const history = new HistoryStore();
    for (const [id, incognito] of [[11, true], [12, false]] as const) {
      // fakeBrowser's tabs know no private windows: the tab as the browser would describe it
      vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id, incognito } as never);
      await fakeBrowser.storage.session.set({ [tabKey(id)]: { ...trackedTab(true), tabId: id } });
      const badge = createBadge(new TabStore(), history);
      await badge.update(id);
      expect(await fakeBrowser.action.getBadgeText({ tabId: id })).toMatch(/^[A-E]$/);
      expect(await history.entries('theatre.fr')).toHaveLength(incognito ? 0 : 1);
    }
  });
});
