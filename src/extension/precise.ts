import { analyse, type AnalyseOptions } from '../core/analyse';
import { PageCapture } from '../core/capture';
import type { Report } from '../core/report';
import { describeIssues } from '../core/zod';
import type { Catalogs } from '../data/index';
import {
  ELEMENT_COUNT_EXPRESSION,
  SCROLL_EXPRESSION,
  devtoolsLogToCapture,
  frameUrlsOf,
  preciseDom,
  readFrameCount,
  withDom,
  withFrameRequests,
  type FrameCount,
} from '../collect/devtools';
import { HarError } from '../collect/har';
import type { FrameDom } from '../collect/webrequest';
import type { CapturedRequest } from '../core/capture';

/**
 * Precise mode (the "Empreinte" DevTools panel): the EcoIndex measurement
 * protocol driven through the DevTools extension API, which needs no
 * permission beyond `devtools_page` (no `debugger`). Everything browser-side
 * goes through `DevtoolsFacade`, so the protocol is tested without a browser.
 *
 * Protocol: reload with the cache bypassed; wait until the new document has
 * loaded and the network log has stopped growing; scroll to the bottom; wait
 * again; then read the network log (exact `_transferSize`), add the requests
 * made inside cross-site frames that the log misses, from the passive observer
 * and with their own less exact byte source, and count DOM elements in every
 * frame eval can reach.
 */

export interface EvalResult {
  value: unknown;
  /** the DevTools-side error or the page's exception, as one line; null on success */
  error: string | null;
}

export interface DevtoolsFacade {
  /** `devtools.inspectedWindow.reload` */
  reload(options: { ignoreCache: boolean }): void;
  /** `devtools.inspectedWindow.eval`, never rejecting */
  eval(expression: string, options?: { frameURL?: string }): Promise<EvalResult>;
  /** `devtools.network.getHAR()`: the HAR log object */
  getHAR(): Promise<unknown>;
  /**
   * The content script's latest probe of the inspected tab's top frame since
   * the reload (asking it for a fresh one where the browser allows), or null.
   */
  pageObservation(): Promise<FrameDom | null>;
  /**
   * The requests the extension's passive observer saw in the inspected tab's
   * sub-frames since the reload (the DevTools log misses those made inside
   * cross-site frames: see `withFrameRequests`); [] when none or unknown.
   */
  frameRequests(): Promise<CapturedRequest[]>;
  sleep(ms: number): Promise<void>;
  now(): Date;
}

export type PreciseStep = 'reloading' | 'loading' | 'scrolling' | 'settling' | 'collecting' | 'counting' | 'analysing';

export interface PreciseTiming {
  /** how often the log is polled */
  pollMs: number;
  /** the log must not grow for this long (EcoIndex waits 3 s after load and after scrolling) */
  quietMs: number;
  /** a wait gives up after this long; the capture then says it was incomplete */
  maxWaitMs: number;
  /** the new document must appear within this long */
  reloadTimeoutMs: number;
}

export const DEFAULT_TIMING: PreciseTiming = { pollMs: 500, quietMs: 3000, maxWaitMs: 60_000, reloadTimeoutMs: 20_000 };

export interface PreciseOptions {
  catalogs: Catalogs;
  toolVersion: string;
  timing?: Partial<PreciseTiming>;
  onStep?: (step: PreciseStep) => void;
  /** the user's settings for the page measured (grid intensity, a cached green-hosting answer) */
  settings?: (pageUrl: string) => Promise<Pick<AnalyseOptions, 'gridIntensity' | 'greenHosting'>>;
}

export interface PreciseResult {
  capture: PageCapture;
  report: Report;
  /** frames whose elements were counted, and frames the log showed (top included) */
  framesCounted: number;
  framesSeen: number;
  /** the content script's probe was not available: only the element count is known */
  domPartial: boolean;
  /** requests of cross-site frames taken from the passive observer because the DevTools log lacked them */
  frameRequestsAdded: number;
}

/** A measurement that failed; `key` is a message of src/i18n/messages/precise.ts. */
export class PreciseError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'PreciseError';
  }
}

export async function measurePrecisely(devtools: DevtoolsFacade, options: PreciseOptions): Promise<PreciseResult> {
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const step = (name: PreciseStep): void => options.onStep?.(name);

  step('reloading');
  const before = (await devtools.eval('performance.timeOrigin')).value;
  devtools.reload({ ignoreCache: true });
  await waitForNewDocument(devtools, before, timing);

  step('loading');
  const loaded = await waitForQuiet(devtools, timing);
  step('scrolling');
  await devtools.eval(SCROLL_EXPRESSION);
  step('settling');
  const settled = await waitForQuiet(devtools, timing);

  step('collecting');
  const startedAt = devtools.now();
  let capture: PageCapture;
  try {
    capture = devtoolsLogToCapture(await devtools.getHAR(), startedAt.toISOString());
  } catch (error) {
    if (error instanceof HarError) throw new PreciseError('precise.error.log', { reason: error.message });
    throw error;
  }

  const merged = withFrameRequests(capture, await devtools.frameRequests());
  capture = merged.capture;

  step('counting');
  const frames = frameUrlsOf(capture);
  const counts: FrameCount[] = [];
  const top = readFrameCount((await devtools.eval(ELEMENT_COUNT_EXPRESSION)).value);
  if (top) counts.push(top);
  for (const frameURL of frames) {
    // A frame that navigated away or was removed is simply not counted; framesCounted says so.
    const count = readFrameCount((await devtools.eval(ELEMENT_COUNT_EXPRESSION, { frameURL })).value);
    if (count) counts.push(count);
  }
  const observation = await devtools.pageObservation();
  const pageStart = Date.parse(capture.page.capturedAt);
  const dom = preciseDom(counts, observation, Number.isFinite(pageStart) ? pageStart : null);

  step('analysing');
  const built = withDom({ ...capture, page: { ...capture.page, complete: loaded && settled } }, dom);
  const parsed = PageCapture.safeParse(built);
  if (!parsed.success) throw new PreciseError('precise.error.log', { reason: describeIssues(parsed.error) });
  const settings = options.settings ? await options.settings(parsed.data.page.finalUrl) : {};
  const report = analyse(parsed.data, options.catalogs, { ...settings, toolVersion: options.toolVersion });
  return {
    capture: parsed.data,
    report,
    framesCounted: counts.length,
    framesSeen: frames.length + 1,
    domPartial: observation === null,
    frameRequestsAdded: merged.added,
  };
}

/** Waits until `performance.timeOrigin` changes: the reload has replaced the document. */
async function waitForNewDocument(devtools: DevtoolsFacade, before: unknown, timing: PreciseTiming): Promise<void> {
  for (let waited = 0; waited <= timing.reloadTimeoutMs; waited += timing.pollMs) {
    await devtools.sleep(timing.pollMs);
    // While the page navigates eval may fail: keep polling.
    const { value } = await devtools.eval('performance.timeOrigin');
    if (typeof value === 'number' && value !== before) return;
  }
  throw new PreciseError('precise.error.noReload');
}

/**
 * Waits until the document has loaded and the network log has not grown for
 * `quietMs`. Returns false when `maxWaitMs` ran out first (a page that never
 * stops polling the network): the measurement goes on, marked incomplete.
 */
async function waitForQuiet(devtools: DevtoolsFacade, timing: PreciseTiming): Promise<boolean> {
  let last = -1;
  let quietFor = 0;
  for (let waited = 0; waited < timing.maxWaitMs; waited += timing.pollMs) {
    const entries = entryCount(await devtools.getHAR());
    const ready = (await devtools.eval('document.readyState')).value === 'complete';
    quietFor = ready && entries === last ? quietFor + timing.pollMs : 0;
    if (quietFor >= timing.quietMs) return true;
    last = entries;
    await devtools.sleep(timing.pollMs);
  }
  return false;
}

function entryCount(log: unknown): number {
  const entries = (log as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) ? entries.length : 0;
}
