// The extension's own cost, bundled and run by scripts/bench/extension-cost.mjs:
// the background's memory with many tabs open, and what the extension adds to a
// page's load time (paired runs with and without it on the demo site).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { findChromium, standardChromiumArgs } from '../../src/cli/chromium';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';

declare const chrome: { storage: { session: { getBytesInUse(keys: null): Promise<number> } } };

const DEMO_URL = 'https://www.theatre-de-la-lune.fr/';

async function launch(server: SiteServer, extensionDir: string | null): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'empreinte-bench-'));
  const extension = extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    args: [
      ...standardChromiumArgs(),
      ...extension,
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One CDP call to another target through a page's session (non-flattened, as src/cli/capture-page.ts explains). */
async function callTarget(session: CDPSession, targetId: string, method: string): Promise<Record<string, number>> {
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  const id = Math.floor(Math.random() * 1e9);
  const answer = new Promise<Record<string, number>>((resolve) => {
    const onMessage = (event: { sessionId: string; message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
      if (event.sessionId === sessionId && message.id === id) {
        session.off('Target.receivedMessageFromTarget', onMessage);
        resolve(message.result ?? {});
      }
    };
    session.on('Target.receivedMessageFromTarget', onMessage);
  });
  await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  const result = await answer;
  await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  return result;
}

async function workerHeap(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  if (worker === undefined) throw new Error('the extension service worker is not running');
  await callTarget(session, worker.targetId, 'HeapProfiler.collectGarbage');
  const { usedSize } = await callTarget(session, worker.targetId, 'Runtime.getHeapUsage');
  await session.detach();
  return usedSize ?? 0;
}

export interface MemoryResult {
  tabs: number;
  heapBefore: number;
  heapAfter: number;
  sessionStorageBytes: number;
}

/** Opens `tabs` tabs on the demo site one after another, keeps them open, and reads the worker's heap. */
export async function measureMemory(siteRoot: string, extensionDir: string, tabs: number): Promise<MemoryResult> {
  const server = await startSiteServer({ root: siteRoot });
  const browser = await launch(server, extensionDir);
  try {
    const { context } = browser;
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
    const heapBefore = await workerHeap(extensionPage);
    for (let i = 0; i < tabs; i++) {
      const page = await context.newPage();
      await page.goto(`${DEMO_URL}?tab=${i}`, { waitUntil: 'load' });
    }
    // let the last observations and timing batches arrive
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const heapAfter = await workerHeap(extensionPage);
    const sessionStorageBytes = await extensionPage.evaluate(() => chrome.storage.session.getBytesInUse(null));
    return { tabs, heapBefore, heapAfter, sessionStorageBytes };
  } finally {
    await browser.close();
    await server.close();
  }
}

export interface LoadResult {
  runs: number;
  withoutMs: number[];
  withMs: number[];
}

async function loadTime(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(DEMO_URL, { waitUntil: 'load' });
  const ms = await page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry ? entry.loadEventEnd - entry.startTime : Number.NaN;
  });
  await page.close();
  return ms;
}

/** Paired runs: each round loads the demo page once in each browser, in alternating order, cache disabled. */
export async function measureLoadOverhead(siteRoot: string, extensionDir: string, runs: number): Promise<LoadResult> {
  const server = await startSiteServer({ root: siteRoot });
  const without = await launch(server, null);
  const withExtension = await launch(server, extensionDir);
  try {
    // warm-up: first loads pay for process start and certificate checks
    await loadTime(without.context);
    await loadTime(withExtension.context);
    const withoutMs: number[] = [];
    const withMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        withoutMs.push(await loadTime(without.context));
        withMs.push(await loadTime(withExtension.context));
      } else {
        withMs.push(await loadTime(withExtension.context));
        withoutMs.push(await loadTime(without.context));
      }
    }
    return { runs, withoutMs, withMs };
  } finally {
    await without.close();
    await withExtension.close();
    await server.close();
  }
}
