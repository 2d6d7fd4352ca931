import type { CapturedRequest, DomObservation, PageCapture } from '../core/capture';
import { harToCaptures } from './har';
import { elementsOnly } from './probe';
import type { FrameDom } from './webrequest';

/**
 * Precise mode's capture adapter: the DevTools network log (what
 * `devtools.network.getHAR()` returns) and per-frame DOM counts become one
 * PageCapture with `method: 'precise'`. Pure: the browser side lives in
 * src/extension/precise.ts and the panel page.
 */

/**
 * Counts the elements of one document by the EcoIndex method (every element
 * less the descendants of outermost <svg> elements), as
 * `countElementsWithoutSvg` in src/collect/probe.ts does; tests check that
 * both agree. It is a source string, not a function's `toString()`, because
 * `devtools.inspectedWindow.eval` takes source text and a bundled function's
 * text may call bundler helpers (`__name`) that do not exist in the page.
 * Plain ES5, no globals written: it runs in the page's own world.
 */
export const ELEMENT_COUNT_EXPRESSION = `(function () {
  var all = document.getElementsByTagName('*').length;
  var svgs = document.getElementsByTagName('svg');
  var inside = 0;
  for (var i = 0; i < svgs.length; i++) {
    var parent = svgs[i].parentElement;
    if (!(parent && parent.closest('svg'))) inside += svgs[i].getElementsByTagName('*').length;
  }
  return { elements: all - inside, url: String(location.href), title: String(document.title || '') };
})()`;

/** Scrolls to the bottom (the EcoIndex protocol), also for pages whose body does not scroll. */
export const SCROLL_EXPRESSION = `(function () {
  var root = document.scrollingElement || document.documentElement;
  window.scrollTo(0, Math.max(root ? root.scrollHeight : 0, document.body ? document.body.scrollHeight : 0));
  return true;
})()`;

/** What ELEMENT_COUNT_EXPRESSION returned, once checked. */
export interface FrameCount {
  elements: number;
  url: string;
  title: string;
}

/** Reads ELEMENT_COUNT_EXPRESSION's result; null for anything else (the page may have overridden globals). */
export function readFrameCount(value: unknown): FrameCount | null {
  if (typeof value !== 'object' || value === null) return null;
  const { elements, url, title } = value as Record<string, unknown>;
  if (typeof elements !== 'number' || !Number.isInteger(elements) || elements < 0) return null;
  return { elements, url: typeof url === 'string' ? url : '', title: typeof title === 'string' ? title : '' };
}

/**
 * Keeps the last page of a DevTools network log and its entries: with
 * "Preserve log" on, the log also holds the pages loaded before the reload.
 * Chrome's `getHAR()` gives the log itself, not `{ log }`.
 */
export function lastPageLog(log: unknown): { log: unknown } {
  if (typeof log !== 'object' || log === null) return { log };
  const { pages, entries } = log as { pages?: unknown; entries?: unknown };
  if (!Array.isArray(pages) || pages.length === 0 || !Array.isArray(entries)) return { log };
  const last = pages[pages.length - 1] as { id?: unknown };
  const kept = entries.filter((entry) => (entry as { pageref?: unknown } | null)?.pageref === last.id);
  // A log whose entries name no page is kept whole: the import files them as one page.
  if (kept.length === 0) return { log };
  return { log: { ...(log as object), pages: [last], entries: kept } };
}

/** Converts the DevTools network log into a precise capture without DOM (see withDom). Throws HarError. */
export function devtoolsLogToCapture(log: unknown, capturedAt: string): PageCapture {
  const captures = harToCaptures(lastPageLog(log), { source: 'devtools', fallbackCapturedAt: capturedAt });
  // harToCaptures throws rather than return nothing; the last one is the latest page load.
  return captures[captures.length - 1] as PageCapture;
}

/**
 * The URLs of the frames the page loaded: its document requests other than
 * the top page and its redirects, which `inspectedWindow.eval` can target by
 * `frameURL`. Each URL once (eval reaches the first frame with that URL).
 */
export function frameUrlsOf(capture: PageCapture, max = 50): string[] {
  const urls = new Set<string>();
  for (const request of capture.requests) {
    if (request.type !== 'document' || request.error !== null || request.url === capture.page.finalUrl) continue;
    if (request.status !== null && request.status >= 300 && request.status < 400) continue;
    if (!/^https?:/i.test(request.url) || request.url === capture.page.url) continue;
    urls.add(request.url);
    if (urls.size >= max) break;
  }
  return [...urls];
}

/**
 * The capture's DOM observation: elements summed over the frames that could
 * be counted (`framesCounted` says how many), and what the content script's
 * probe saw in the top frame for everything else. Without that probe (a page
 * where content scripts cannot run) only the count is known and the lists
 * stay empty: the caller says so. `pageStart` (ms since the epoch) converts
 * the probe's interaction time to the capture's clock.
 */
export function preciseDom(
  counts: readonly FrameCount[],
  observation: FrameDom | null,
  pageStart: number | null,
): DomObservation | null {
  if (counts.length === 0 && observation === null) return null;
  const elements = counts.length > 0 ? counts.reduce((sum, count) => sum + count.elements, 0) : (observation?.elements ?? 0);
  const framesCounted = Math.max(1, counts.length);
  const at = observation?.firstInteractionAt ?? null;
  if (observation !== null) {
    return {
      ...observation,
      elements,
      framesCounted,
      firstInteractionAt: at !== null && pageStart !== null ? Math.max(0, Math.round(at - pageStart)) : null,
    };
  }
  return elementsOnly(elements, framesCounted, counts[0]?.title.slice(0, 2048) || null);
}

/** The capture with its DOM; the page title from the DOM when the log had none. */
export function withDom(capture: PageCapture, dom: DomObservation | null): PageCapture {
  return { ...capture, page: { ...capture.page, title: capture.page.title ?? dom?.title ?? null }, dom };
}

/**
 * Adds to a precise capture the requests made inside other frames that the
 * DevTools network log left out. Chromium's `devtools.network.getHAR()` lists
 * a cross-site frame's document but not the requests made inside that
 * out-of-process frame (found by tests/e2e/precise.test.ts); the extension's
 * passive observer (webRequest) sees them tab-wide. Each one is matched by URL
 * against the log (a URL the log has as often is not added twice) and keeps
 * its own byte source (`content-length`, `resource-timing` or none), so the
 * report's share of bytes measured stays honest about them.
 */
export function withFrameRequests(capture: PageCapture, frameRequests: readonly CapturedRequest[]): { capture: PageCapture; added: number } {
  const logged = new Map<string, number>();
  for (const request of capture.requests) logged.set(request.url, (logged.get(request.url) ?? 0) + 1);
  const added: CapturedRequest[] = [];
  for (const request of frameRequests) {
    if (request.frameId === null) continue;
    const left = logged.get(request.url) ?? 0;
    if (left > 0) {
      logged.set(request.url, left - 1);
      continue;
    }
    added.push(request);
  }
  return added.length === 0 ? { capture, added: 0 } : { capture: { ...capture, requests: [...capture.requests, ...added] }, added: added.length };
}
