/**
 * Decides what the popup shows for a tab: reads the tab's recorded state from
 * storage (the truth, whether or not the service worker is running), builds
 * the passive capture and analyses it right here, in the page.
 */
import { browser } from '#imports';
import { analyse } from '../core/analyse';
import { buildPassiveCapture, type RecordedTab } from '../collect/webrequest';
import { loadCatalogs } from '../data/index';
import type { PopupView } from '../ui/popup-view';
import { toolVersion } from '../version';
import { readTab, tabKey } from './tab-store';
import { PROBE_REQUEST } from './messages';
import { gridIntensityOf, readSettings } from './settings';
import { cachedGreenHosting, greenHosting } from './green-hosting';
import type { AnalyseOptions } from '../core/analyse';

export const ALL_SITES = { origins: ['<all_urls>'] };

/** Hosts where browsers forbid extensions to run (their own stores). */
const forbiddenHosts = new Set(['chrome.google.com', 'chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);

/** Whether the extension can observe a page at this URL at all. */
export function isObservableUrl(url: string | null | undefined, fileAccess: boolean): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') return fileAccess;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (forbiddenHosts.has(parsed.hostname)) return false;
  return true;
}

/** The tab the popup is about: `?tab=ID`, or the active tab of the current window. */
export async function resolveTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    const id = Number(param);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

/** The tab's URL; undefined when there is no such tab. */
async function tabUrl(tabId: number, recorded: RecordedTab | null): Promise<string | null | undefined> {
  // tab.url is only given for pages we hold host access to; webNavigation
  // knows the top frame's URL for the others (chrome://, the store).
  const tab = await safely(() => browser.tabs.get(tabId), null);
  if (!tab) return undefined;
  if (tab.url) return tab.url;
  const frame = await safely(() => browser.webNavigation.getFrame({ tabId, frameId: 0 }), null);
  return frame?.url ?? recorded?.url ?? null;
}

/** A browser call that may be missing (older browsers, Firefox) or fail: its fallback then. */
async function safely<T, F>(call: () => Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await call();
  } catch {
    return fallback;
  }
}

/** Reads the tab's state and turns it into what the popup shows. Never throws. */
export async function computeView(tabId: number): Promise<{ view: PopupView; url: string | null }> {
  try {
    const hasAccess = await browser.permissions.contains(ALL_SITES);
    const recorded = await readTab(tabId);
    const url = await tabUrl(tabId, recorded);
    if (url === undefined) return { view: { kind: 'no-tab' }, url: null };
    const fileAccess = await safely(() => browser.extension.isAllowedFileSchemeAccess(), false);
    if (url !== null && !isObservableUrl(url, fileAccess)) return { view: { kind: 'restricted' }, url };
    if (!hasAccess) return { view: { kind: 'no-permission' }, url };
    if (url === null && recorded === null) return { view: { kind: 'restricted' }, url };
    const capture = recorded ? buildPassiveCapture(recorded, { agent: agentName() }) : null;
    if (capture === null) return { view: { kind: 'no-data' }, url };
    const report = analyse(capture, loadCatalogs(), await analysisOptions(capture.page.finalUrl));
    return { view: { kind: 'report', report, loading: !capture.page.complete }, url };
  } catch (error) {
    return { view: { kind: 'error', message: error instanceof Error ? error.message : String(error) }, url: null };
  }
}

/**
 * The options analyse() takes from the settings: the chosen grid intensity,
 * and the green-hosting answer already cached for the page's host (the
 * cache only: asking the network is `checkGreenHosting`'s, and only when the
 * user allowed it).
 */
export async function analysisOptions(pageUrl: string | null): Promise<AnalyseOptions> {
  const settings = await readSettings();
  const host = hostnameOf(pageUrl);
  const green = host ? await cachedGreenHosting(host).catch(() => null) : null;
  return { toolVersion, gridIntensity: gridIntensityOf(settings), greenHosting: green };
}

/**
 * Asks The Green Web Foundation about the page's host when online checks are
 * on and no fresh answer is cached. Resolves true when a new answer arrived
 * (the view should be computed again).
 */
export async function checkGreenHosting(pageUrl: string | null): Promise<boolean> {
  const host = hostnameOf(pageUrl);
  if (!host) return false;
  const settings = await readSettings();
  if (!settings.onlineChecks || (await cachedGreenHosting(host)) !== null) return false;
  return (await greenHosting(host, settings)) !== null;
}

function hostnameOf(url: string | null): string | null {
  try {
    const parsed = url ? new URL(url) : null;
    return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.hostname : null;
  } catch {
    return null;
  }
}

function agentName(): string | null {
  if (typeof navigator === 'undefined') return null;
  const brands = (navigator as Navigator & { userAgentData?: { brands?: { brand: string; version: string }[] } })
    .userAgentData?.brands;
  const brand = brands?.find((b) => /chrom|edge|opera|brave/i.test(b.brand) && !/not/i.test(b.brand));
  if (brand) return `${brand.brand} ${brand.version}`;
  const firefox = /Firefox\/(\d+)/.exec(navigator.userAgent);
  return firefox ? `Firefox ${firefox[1]}` : null;
}

/** Calls `onChange` whenever the tab's stored state changes (the page keeps loading). */
export function watchTab(tabId: number, onChange: () => void): () => void {
  const key = tabKey(tabId);
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && key in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Asks the tab's content script to probe the page again, so the popup shows today's DOM. */
export function requestProbe(tabId: number): void {
  browser.tabs.sendMessage(tabId, PROBE_REQUEST).catch(() => undefined);
}
