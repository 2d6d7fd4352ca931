// Launches real Chromium with the built extension (.output/chrome-mv3, made by
// `npx wxt build`) and gives tests what they need to drive it: the extension's
// id, a page of the extension to read its storage from, and a way to stop its
// service worker as the browser does when it is idle.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TAB_STATE_VERSION } from '../../../src/collect/webrequest';
import { chromiumArgs, chromiumPath, fakeInternetArgs } from './chromium';

// The chrome.* calls below run inside an extension page, not in Node.
declare const chrome: {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
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

export async function launchWithExtension(port: number, options: { locale?: string } = {}): Promise<ExtensionBrowser> {
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
      args: [
        ...chromiumArgs,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...fakeInternetArgs(port),
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
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

/** The browser's tab id of a page, asked from an extension page. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const pattern = `${new URL(url).origin}/*`;
  const ids = await extensionPage.evaluate(
    async (match) => (await chrome.tabs.query({ url: match })).map((tab) => tab.id ?? -1),
    pattern,
  );
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`expected one tab for ${pattern}, found ${ids.length}`);
  return ids[0];
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
  return (all[tabStateKey(tabId)] as RecordedTabLike | undefined) ?? null;
}

export interface RecordedTabLike {
  url: string | null;
  complete: boolean;
  requests: { id: string; url: string; bytes: number | null; done: boolean; type: string }[];
  frames: Record<string, { elements: number }>;
}

/**
 * Stops every service worker, as Chrome does to an idle extension, through
 * CDP on an ordinary page, and waits until ours reports `stopped`. (Never
 * `worker.evaluate` on a stopped worker: it hangs.)
 */
export async function stopServiceWorkers(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const status = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) status.set(version.versionId, version.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (![...status.values()].some((s) => s === 'stopped')) {
      if (Date.now() > deadline) throw new Error(`service worker did not stop (${JSON.stringify([...status.values()])})`);
      await new Promise((r) => setTimeout(r, 50));
    }
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
