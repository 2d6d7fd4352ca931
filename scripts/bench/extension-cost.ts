// The extension's own cost, bundled and run by scripts/bench/extension-cost.mjs:
// the background's memory with many tabs open, and what the extension adds to a
// page's load time (paired runs with and without it on the demo site).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { findChromium, standardChromiumArgs } from '../../src/cli/chromium';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import { roundOrder } from './round-order';

export { medianInterval } from './median-interval';

declare const chrome: {
  storage: { session: { getBytesInUse(keys: null): Promise<number> }; local: { set(items: Record<string, unknown>): Promise<void> } };
};

const DEMO_URL = 'https://www.theatre-de-la-lune.fr/';

/**
 * What a browser carries besides the demo page: an extension's build folder,
 * none (`null`: a browser as its users have it, extension support on and no
 * extension installed), or `'extensions-off'`: Chromium started with its
 * extension system switched off, as Playwright starts it by default.
 */
export type Extension = string | null | 'extensions-off';

export async function launch(server: SiteServer, extension: Extension): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'empreinte-bench-'));
  const load = extension === null || extension === 'extensions-off' ? [] : [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`];
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    // Playwright adds --disable-extensions, which switches the whole extension
    // system off: measured against that, even an extension that does nothing
    // would cost what any browser with extensions on pays. Every browser of a
    // comparison has it on, unless it is the 'extensions-off' one.
    ignoreDefaultArgs: extension === 'extensions-off' ? [] : ['--disable-extensions'],
    args: [
      ...standardChromiumArgs(),
      ...load,
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

interface TargetSession {
  call(method: string, params?: object): Promise<Record<string, unknown>>;
  detach(): Promise<void>;
}

/**
 * A session on another target (the service worker) through a page's session,
 * non-flattened as src/cli/capture-page.ts explains. Kept for several calls:
 * the profiler, for one, stops with the session that started it.
 */
async function attachTarget(session: CDPSession, targetId: string): Promise<TargetSession> {
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  return {
    async call(method, params = {}) {
      const id = nextId++;
      const answer = new Promise<Record<string, unknown>>((resolve) => {
        const onMessage = (event: { sessionId: string; message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
          if (event.sessionId === sessionId && message.id === id) {
            session.off('Target.receivedMessageFromTarget', onMessage);
            resolve(message.result ?? {});
          }
        };
        session.on('Target.receivedMessageFromTarget', onMessage);
      });
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return answer;
    },
    async detach() {
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

async function workerTarget(session: CDPSession): Promise<string> {
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  if (worker === undefined) throw new Error('the extension service worker is not running');
  return worker.targetId;
}

async function workerHeap(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  const worker = await attachTarget(session, await workerTarget(session));
  await worker.call('HeapProfiler.collectGarbage');
  const { usedSize } = (await worker.call('Runtime.getHeapUsage')) as { usedSize?: number };
  await worker.detach();
  await session.detach();
  return usedSize ?? 0;
}

/** An extension page (the popup of no tab), once the worker runs: CDP calls to the worker go through its session. */
async function openExtensionPage(context: BrowserContext): Promise<Page> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html?tab=999999`);
  return page;
}

export interface MemoryResult {
  tabs: number;
  heapBefore: number;
  heapAfter: number;
  sessionStorageBytes: number;
}

/** Opens `tabs` tabs on the demo site one after another, keeps them open, and reads the worker's heap. */
export async function measureMemory(siteRoot: string, extensionDir: string, tabs: number): Promise<MemoryResult> {
  return withExtension(siteRoot, extensionDir, async (context) => {
    const extensionPage = await openExtensionPage(context);
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
  });
}

/** Runs `measure` in a browser with the extension, on the demo site served locally; closes both afterwards. */
async function withExtension<T>(siteRoot: string, extensionDir: string, measure: (context: BrowserContext) => Promise<T>): Promise<T> {
  const server = await startSiteServer({ root: siteRoot });
  const browser = await launch(server, extensionDir);
  try {
    return await measure(browser.context);
  } finally {
    await browser.close();
    await server.close();
  }
}

export interface LoadResult {
  /** paired rounds in all, over `blocks` fresh launches */
  runs: number;
  blocks: number;
  withoutMs: number[];
  withMs: number[];
  /** a second browser without the extension, loaded in the same rounds: the noise floor */
  controlMs: number[];
}

export async function loadTime(context: BrowserContext, settleMs = 0): Promise<number> {
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
  // a visitor reads the page before the next one: what the extension does after a load is not the next load's
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
  return ms;
}

/**
 * Paired runs: each round loads the demo page once in each of three browsers
 * (without the extension, with it, and a second one without it as a control),
 * cache disabled, each browser in each place of the order as often as the
 * others (roundOrder). Two browsers alike differ by a few per cent on this
 * machine: the browsers are launched afresh for each block, so that no one
 * launch weighs on the result.
 */
export async function measureLoadOverhead(siteRoot: string, extensionDir: string, blocks: number, roundsPerBlock: number): Promise<LoadResult> {
  const server = await startSiteServer({ root: siteRoot });
  const result: LoadResult = { runs: 0, blocks, withoutMs: [], withMs: [], controlMs: [] };
  try {
    for (let block = 0; block < blocks; block++) {
      const browsers = [await launch(server, null), await launch(server, extensionDir), await launch(server, null)];
      const lists = [result.withoutMs, result.withMs, result.controlMs];
      try {
        // warm-up: first loads pay for process start and certificate checks
        for (const browser of browsers) for (let i = 0; i < 2; i++) await loadTime(browser.context);
        for (let round = 0; round < roundsPerBlock; round++) {
          for (const index of roundOrder(browsers.length, round)) lists[index]?.push(await loadTime((browsers[index] as (typeof browsers)[number]).context));
          result.runs += 1;
        }
      } finally {
        for (const browser of browsers) await browser.close();
      }
    }
    return result;
  } finally {
    await server.close();
  }
}

export interface WorkerCpuResult {
  loads: number;
  /** the worker's JavaScript time per page view (sampling profiler), idle and native time aside */
  msPerLoad: number;
}

/**
 * The background's own CPU for each page view: the worker's sampling profile
 * over `loads` loads of the demo page, each followed by the settle time in
 * which the probe and the timing batches arrive.
 */
export async function measureWorkerCpu(siteRoot: string, extensionDir: string, loads: number, seed: Record<string, unknown> = {}): Promise<WorkerCpuResult> {
  const profile = await profileWorker(siteRoot, extensionDir, loads, 3000, seed);
  return { loads, msPerLoad: busyMicroseconds(profile) / 1000 / loads };
}

/**
 * A history as full as it gets (src/extension/history.ts: 200 sites × 50
 * reports), to seed `storage.local` with: what a user finds after months.
 */
export function fullHistory(): Record<string, unknown> {
  const sites: Record<string, unknown> = {};
  for (let s = 0; s < 200; s++) {
    const entries = Array.from({ length: 50 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1) + (s * 50 + i) * 60_000).toISOString(),
      url: `https://www.salle-${s}.fr/page-${i}`,
      method: 'passive',
      dependencies: { score: 55, grade: 'C' },
      environment: { score: 61, grade: 'C' },
      bytes: 1_234_567,
      requests: 87,
      thirdParties: 12,
      trackersBeforeInteraction: 3,
      catalog: '1',
      scoring: '1',
    }));
    sites[`salle-${s}.fr`] = { lastAt: entries[49]?.at, entries };
  }
  return { history: { sites, paused: [] }, history$: { v: 2 } };
}

/**
 * The worker's sampling profile over `loads` loads of the demo page, each
 * followed by `settleMs` of reading; `storage.local` seeded with `seed` first.
 */
export async function profileWorker(
  siteRoot: string,
  extensionDir: string,
  loads: number,
  settleMs: number,
  seed: Record<string, unknown> = {},
): Promise<CpuProfile> {
  return withExtension(siteRoot, extensionDir, async (context) => {
    const control = await openExtensionPage(context);
    await control.evaluate((items) => chrome.storage.local.set(items), seed);
    await loadTime(context);
    const session = await context.newCDPSession(control);
    const target = await attachTarget(session, await workerTarget(session));
    await target.call('Profiler.enable');
    await target.call('Profiler.setSamplingInterval', { interval: 200 });
    await target.call('Profiler.start');
    for (let i = 0; i < loads; i++) await loadTime(context, settleMs);
    const { profile } = (await target.call('Profiler.stop')) as { profile: CpuProfile };
    await target.detach();
    return profile;
  });
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Sampled time outside `(idle)` and `(program)` (the latter is native work the worker does not choose). */
export function busyMicroseconds(profile: CpuProfile): number {
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
  let busy = 0;
  profile.samples.forEach((sample, i) => {
    const name = names.get(sample);
    if (name !== '(idle)' && name !== '(program)') busy += profile.timeDeltas[i + 1] ?? 0;
  });
  return busy;
}

export interface VariantTimes {
  name: string;
  ms: number[];
}

/**
 * Paired rounds over several builds at once (scripts/bench/overhead-parts.mjs):
 * the first variant is the reference; each round loads the demo page once in
 * every browser, in an order that alternates, waiting `settleMs` after each load.
 */
export async function measureVariants(
  siteRoot: string,
  variants: { name: string; dir: Extension }[],
  blocks: number,
  roundsPerBlock: number,
  settleMs: number,
): Promise<VariantTimes[]> {
  const server = await startSiteServer({ root: siteRoot });
  const times: VariantTimes[] = variants.map((variant) => ({ name: variant.name, ms: [] }));
  try {
    for (let block = 0; block < blocks; block++) {
      const browsers = [];
      for (const variant of variants) browsers.push(await launch(server, variant.dir));
      try {
        for (const browser of browsers) for (let i = 0; i < 2; i++) await loadTime(browser.context);
        for (let round = 0; round < roundsPerBlock; round++) {
          for (const i of roundOrder(browsers.length, round)) times[i]?.ms.push(await loadTime((browsers[i] as (typeof browsers)[number]).context, settleMs));
        }
      } finally {
        for (const browser of browsers) await browser.close();
      }
    }
    return times;
  } finally {
    await server.close();
  }
}
