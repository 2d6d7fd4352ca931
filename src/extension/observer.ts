/**
 * Wires the browser's events to the recorder and the tab store. Called once,
 * synchronously, when the service worker starts: MV3 only wakes a stopped
 * worker for events whose listeners were added in its first turn.
 */
import { browser } from '#imports';
import * as recorder from './recorder';
import { acceptContentMessage, type Sender } from './messages';
import { TabStore } from './tab-store';
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

export function startObserving(store: TabStore = new TabStore()): TabStore {
  // Requests outside any tab (tabId -1: service workers, the extension itself) are not a page's.
  const inTab = (details: { tabId: number }) => details.tabId >= 0;

  browser.webRequest.onBeforeRequest.addListener((details) => {
    if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onBeforeRequest(tab, details));
    return undefined;
  }, filter);
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onHeadersReceived(tab, details));
      return undefined;
    },
    filter,
    headerOptions() as never,
  );
  browser.webRequest.onBeforeRedirect.addListener(
    (details) => {
      if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onBeforeRedirect(tab, details));
    },
    filter,
    [...responseHeaders],
  );
  browser.webRequest.onCompleted.addListener(
    (details) => {
      if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onCompleted(tab, details));
    },
    filter,
    [...responseHeaders],
  );
  browser.webRequest.onErrorOccurred.addListener((details) => {
    if (inTab(details)) void store.update(details.tabId, (tab) => recorder.onErrorOccurred(tab, details));
  }, filter);

  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId !== 0) return;
    void store.update(details.tabId, (tab) => recorder.onCommitted(tab, details, new Date()));
  });
  browser.webNavigation.onCompleted.addListener((details) => {
    if (details.frameId !== 0) return;
    void store.update(details.tabId, (tab) => recorder.onNavigationCompleted(tab, details));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void store.remove(tabId);
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const accepted = acceptContentMessage(raw, sender, browser.runtime.id);
    // The polyfill sends a returned promise's value as the answer.
    if (accepted?.message.type === 'empreinte:targets') return Promise.resolve(contentProbeTargets());
    if (accepted) void store.update(accepted.tabId, (tab) => recorder.applyContentMessage(tab, accepted));
    // No other answer: returning undefined tells the polyfill not to wait for one.
    return undefined;
  });

  return store;
}
