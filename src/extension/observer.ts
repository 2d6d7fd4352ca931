/**
 * Wires the browser's events to the recorder and the tab store. Called once,
 * synchronously, when the service worker starts: MV3 only wakes a stopped
 * worker for events whose listeners were added in its first turn.
 */
import { browser } from '#imports';
import * as recorder from './recorder';
import { acceptContentMessage, type Sender } from './messages';
import { TabStore } from './tab-store';

const filter = { urls: ['<all_urls>'] };

/** Needed to read Content-Length; a non-blocking listener may ask for it in MV3. */
const responseHeaders = ['responseHeaders'] as const;

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
    [...responseHeaders],
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
    if (accepted) void store.update(accepted.tabId, (tab) => recorder.applyContentMessage(tab, accepted));
    // No answer: returning undefined tells the polyfill not to wait for one.
    return undefined;
  });

  return store;
}
