/**
 * Wires the browser's events to the recorder and the tab store. Called once,
 * synchronously, when the service worker starts: MV3 only wakes a stopped
 * worker for events whose listeners were added in its first turn.
 */
import { browser } from '#imports';
import * as recorder from './recorder';
import { acceptContentMessage, type Sender } from './messages';
import { TabStore, tabKey } from './tab-store';
import { BadgeUpdater } from './badge';
import { HistoryStore, summarise } from './history';
import { pageLanguage, watchLanguage } from './language';
import { probeTargets, type ProbeTargets } from '../core/dependencies/probe-targets';
import type { ConsentManager, Service } from '../data/index';
// Only the two catalogs the probe needs, not every catalog: the worker wakes often.
import consentManagers from '../data/consent-managers.json';
import services from '../data/services.json';

const filter = { urls: ['<all_urls>'] };

/** Needed to read Content-Length; a non-blocking listener may ask for it in MV3. */
const responseHeaders = ['responseHeaders'] as const;

/**
 * Chrome hides Set-Cookie from listeners without `extraHeaders`
 * (https://developer.chrome.com/docs/extensions/reference/api/webRequest#life-cycle-of-requests);
 * Firefox shows it always and rejects the unknown option, so ask only where it exists.
 */
function headerOptions(): string[] {
  const options = (browser.webRequest as unknown as { OnHeadersReceivedOptions?: Record<string, string> })
    .OnHeadersReceivedOptions;
  return options?.['EXTRA_HEADERS'] ? [...responseHeaders, options['EXTRA_HEADERS']] : [...responseHeaders];
}

let targets: ProbeTargets | null = null;
/** What the content script's probe looks for, from the catalogs (src/core/dependencies/probe-targets.ts). */
export function contentProbeTargets(): ProbeTargets {
  targets ??= probeTargets({
    services: services as readonly Service[],
    consentManagers: consentManagers as readonly ConsentManager[],
  });
  return targets;
}

/** The badge, fed from the store's state; completed page views go to the history. */
export function createBadge(store: TabStore, history: HistoryStore = new HistoryStore()): BadgeUpdater {
  /** the summary last recorded per tab (memory only: a restarted worker writes once more) */
  const recorded = new Map<number, string>();
  const badge = new BadgeUpdater({
    read: (tabId) => store.read(tabId),
    language: pageLanguage,
    isPaused: (site) => history.isPaused(site),
    loading: (tabId) => store.peek(tabId)?.complete === false,
    onReport: async (tabId, report) => {
      if (!report.page.complete) return;
      // The history is one storage item: written only when the summary changed.
      const summary = JSON.stringify(summarise(report));
      if (recorded.get(tabId) === summary) return;
      // Nothing is kept for private windows.
      const tab = await browser.tabs.get(tabId).catch(() => null);
      if (tab) await history.record(report, { incognito: tab.incognito });
      recorded.set(tabId, summary);
    },
  });
  // A site paused or resumed (options page, popup): every badge again.
  history.watchPaused(() => void restoreBadges(badge));
  // Another language chosen: the tooltips in it.
  watchLanguage(() => void restoreBadges(badge));
  return badge;
}

/** After a worker restart: every tab with a recorded state gets its badge back. */
export async function restoreBadges(badge: BadgeUpdater): Promise<void> {
  const stored = await browser.storage.session.get(null).catch(() => ({}));
  const prefix = tabKey(0).slice(0, -1);
  for (const key of Object.keys(stored)) {
    const tabId = Number(key.slice(prefix.length));
    if (key.startsWith(prefix) && Number.isInteger(tabId)) badge.schedule(tabId);
  }
}

export function startObserving(store: TabStore = new TabStore(), badge: BadgeUpdater = createBadge(store)): TabStore {
  // Requests outside any tab (tabId -1: service workers, the extension itself) are not a page's.
  const inTab = (details: { tabId: number }) => details.tabId >= 0;
  const changed = (tabId: number) => () => badge.schedule(tabId);

  browser.webRequest.onBeforeRequest.addListener((details) => {
    if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onBeforeRequest(tab, details)).then(changed(details.tabId));
    return undefined;
  }, filter);
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onHeadersReceived(tab, details)).then(changed(details.tabId));
      return undefined;
    },
    filter,
    headerOptions() as never,
  );
  browser.webRequest.onBeforeRedirect.addListener(
    (details) => {
      if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onBeforeRedirect(tab, details)).then(changed(details.tabId));
    },
    filter,
    [...responseHeaders],
  );
  browser.webRequest.onCompleted.addListener(
    (details) => {
      if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onCompleted(tab, details)).then(changed(details.tabId));
    },
    filter,
    [...responseHeaders],
  );
  browser.webRequest.onErrorOccurred.addListener((details) => {
    if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onErrorOccurred(tab, details)).then(changed(details.tabId));
  }, filter);

  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0) return;
    void store.update(details.tabId, (tab) => recorder.onCommitted(tab, details, new Date())).then(changed(details.tabId));
  });
  // A single-page app changing view (src/extension/recorder.ts onHistoryStateUpdated).
  browser.webNavigation.onHistoryStateUpdated.addListener((details) => {
    if (details.frameId !== 0) return;
    void store.update(details.tabId, (tab) => recorder.onHistoryStateUpdated(tab, details, new Date())).then(changed(details.tabId));
  });
  browser.webNavigation.onCompleted.addListener((details) => {
    if (details.frameId !== 0) return;
    void store.update(details.tabId, (tab) => recorder.onNavigationCompleted(tab, details)).then(() => badge.update(details.tabId));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    badge.forget(tabId);
    void store.remove(tabId);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void badge.update(tabId);
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const accepted = acceptContentMessage(raw, sender, browser.runtime.id);
    // The polyfill sends a returned promise's value as the answer.
    if (accepted?.message.type === 'empreinte:targets') return Promise.resolve(contentProbeTargets());
    if (accepted) {
      const applied = store.update(accepted.tabId, (tab) => recorder.applyContentMessage(tab, accepted)).then(changed(accepted.tabId));
      // Timing entries are observed once by the page: answer only once they are
      // saved (with the next scheduled write), so that a batch caught by a
      // stopping worker is sent again.
      if (accepted.message.type === 'empreinte:timing') return applied.then(() => store.saved()).then(() => ({ stored: true }));
      void applied;
    }
    // No other answer: returning undefined tells the polyfill not to wait for one.
    return undefined;
  });

  void restoreBadges(badge);
  return store;
}
