// Launches real Chromium with the built extension (.output/chrome-mv3, made by
// `npx wxt build`) and gives tests what they need to drive it: the extension's
// id, a page of the extension to read its storage from, a way to stop its
// service worker as the browser does when it is idle, and the reads every
// test repeats: a tab's settled state, its report page, an export.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { TAB_STATE_VERSION } from '../../../src/collect/webrequest';
import type { Report } from '../../../src/core/report';
import { chromiumArgs, chromiumPath, fakeInternetArgs } from './chromium';

// The chrome.* calls below run inside an extension page, not in Node.
declare const chrome: {
  webRequest: { onBeforeRequest: { hasListeners(): boolean } };
  tabs: { query(query: { url: string }): Promise<{ id?: number; url?: string }[]> };
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
  };
};

/** The toolbar badge's text and tooltip for a tab, read from an extension page. */
export async function readBadge(extensionPage: Page, tabId: number): Promise<{ text: string; title: string }> {
  return extensionPage.evaluate(
    async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    }),
    tabId,
  );
}

export const extensionDir = resolve(process.env.EMPREINTE_WXT_OUT ?? '.output', 'chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** an extension page (popup.html without a tab) to run chrome.* calls from */
  extensionPage: Page;
  close(): Promise<void>;
}

export interface LaunchOptions {
  locale?: string;
  /** keep the back/forward cache on, as in everyday Chrome (Playwright turns it off by default) */
  backForwardCache?: boolean;
}

/**
 * Resolves once the background has added its webRequest listeners. In a new
 * profile the worker exists before its script has run (100 to 450 ms under
 * load), and a page opened then loses its first requests to the extension: CI
 * and the accuracy benchmark lost document requests so. A browser that has run
 * the extension before wakes its worker for such events.
 */
export async function waitForListeners(worker: Worker, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await worker.evaluate(() => chrome.webRequest.onBeforeRequest.hasListeners()).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('the extension worker never registered its webRequest listeners');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function launchWithExtension(port: number, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} is missing: run \`npx wxt build\` first`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'empreinte-ext-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      locale: options.locale ?? 'fr-FR',
      ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
      args: [
        ...chromiumArgs,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...fakeInternetArgs(port),
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    await waitForListeners(worker);
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
    const opened = context;
    return {
      context: opened,
      extensionId,
      extensionPage,
      close: async () => {
        await opened.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The browser's tab id of a page, asked from an extension page: the one tab
 * of its site, or, when the site has several tabs open, the one showing
 * exactly `url`.
 */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const pattern = `${new URL(url).origin}/*`;
  const tabs = await extensionPage.evaluate(
    async (match) => (await chrome.tabs.query({ url: match })).map((tab) => ({ id: tab.id ?? -1, url: tab.url ?? '' })),
    pattern,
  );
  const exact = new URL(url).href;
  const found = tabs.length === 1 ? tabs : tabs.filter((tab) => tab.url === exact);
  if (found.length !== 1 || found[0] === undefined) throw new Error(`expected one tab for ${url}, found ${found.length} of ${tabs.length} on ${pattern}`);
  return found[0].id;
}

/** Everything the extension keeps in storage.session (read from an extension page: storage is the truth). */
export async function readSession(extensionPage: Page): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(() => chrome.storage.session.get(null));
}

/** The storage.session key of a tab's state (src/extension/tab-store.ts; that module needs WXT, so not imported). */
export const tabStateKey = (tabId: number): string => `tab:v${TAB_STATE_VERSION}:${tabId}`;

/** Reads one tab's recorded state. */
export async function readTabState(extensionPage: Page, tabId: number): Promise<RecordedTabLike | null> {
  const all = await readSession(extensionPage);
  // stored as JSON text (src/extension/tab-store.ts)
  const stored = all[tabStateKey(tabId)];
  return typeof stored === 'string' ? (JSON.parse(stored) as RecordedTabLike) : null;
}

export interface RecordedTabLike {
  url: string | null;
  complete: boolean;
  requests: { id: string; url: string; bytes: number | null; done: boolean; type: string }[];
  frames: Record<string, { elements: number }>;
  /** Resource Timing entries the content scripts sent */
  timings: unknown[];
}

/**
 * Stops every service worker, as Chrome does to an idle extension, through
 * CDP on an ordinary page, and waits until ours is reported `stopped`. On a
 * busy page it starts again at once, so the stop is told by the status
 * updates seen, not by the status at the end. (Never `worker.evaluate` on a
 * stopped worker: it hangs.)
 */
export async function stopServiceWorkers(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const seen: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) seen.push(version.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(async () => seen, (statuses) => statuses.includes('stopped'), 10_000, 'the service worker stopped');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Polls until `read` returns a value that `done` accepts. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000, label = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until a tab's recorded state is complete, satisfies `done` (by
 * default: the page was probed) and has not changed for `quietMs`: a busy
 * page keeps writing it for a while after its load.
 */
export async function settledTabState<T extends RecordedTabLike = RecordedTabLike>(
  extensionPage: Page,
  tabId: number,
  options: { done?: (state: T) => boolean; quietMs?: number; timeoutMs?: number; label?: string } = {},
): Promise<T> {
  const { done = (state: T) => state.frames['0'] !== undefined, quietMs = 1500, timeoutMs = 30_000, label = 'a settled page view' } = options;
  let last = '';
  let since = Date.now();
  const { state } = await waitFor(
    async () => {
      const state = (await readTabState(extensionPage, tabId)) as T | null;
      const text = JSON.stringify(state);
      if (text !== last) [last, since] = [text, Date.now()];
      return { state, quiet: Date.now() - since };
    },
    ({ state, quiet }) => state !== null && state.complete && done(state) && quiet > quietMs,
    timeoutMs,
    label,
  );
  return state as T;
}

/** Opens an extension page (`popup.html?tab=1`, …) in a new tab and waits until it says it is ready. */
export async function openExtensionPage(ext: ExtensionBrowser, path: string, timeoutMs = 15_000): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  await page.locator('body[data-state="ready"]').waitFor({ timeout: timeoutMs });
  return page;
}

/** The full report page of a tab, and the report it drew (to compare what it says with what it holds). */
export async function openTabReport(ext: ExtensionBrowser, tabId: number): Promise<{ page: Page; report: Report }> {
  const page = await openExtensionPage(ext, `report.html?tab=${tabId}`, 20_000);
  const report = await page.evaluate(() => {
    const view = (document.querySelector('empreinte-report-page') as unknown as { view: { report: unknown } }).view;
    return JSON.parse(JSON.stringify(view.report)) as unknown;
  });
  return { page, report: report as Report };
}

/** Clicks a report page's export button of `kind` and returns the file it downloads. */
export async function exportedFile(page: Page, kind: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${kind}"]`).first().click()]);
  return readFile(await download.path(), 'utf8');
}

/** Opens `url` in a new tab and waits until its page view is measured: the toolbar badge shows a grade. */
export async function openGradedTab(ext: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await tabIdOf(ext.extensionPage, url);
  await waitFor(() => readBadge(ext.extensionPage, tabId), ({ text }) => /^[A-E]$/.test(text), 15_000, 'the badge');
  return { page, tabId };
}
