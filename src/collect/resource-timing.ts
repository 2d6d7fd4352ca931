/**
 * Resource Timing sizes sent by the content script (entrypoints/probe.content.ts)
 * and how the passive capture merges them with what webRequest saw.
 *
 * Why: Chrome's webRequest gives no body size; `Content-Length` is missing on
 * chunked responses and counts the body only. The page's own Resource Timing
 * entries carry `transferSize` (headers plus the encoded body) for same-origin
 * resources and for those whose server sends `Timing-Allow-Origin`; for the
 * others the browser reports 0, so the content script does not send them.
 */
import { z } from '../core/zod';
import type { RecordedRequest } from './webrequest';

export { MAX_TIMINGS_PER_MESSAGE, MAX_TIMINGS_PER_TAB } from './timing-limits';

export const ResourceTimingEntry = z.strictObject({
  /** the resource's URL (`PerformanceEntry.name`) */
  name: z.string().min(1).max(65536),
  transferSize: z.number().int().nonnegative().max(1e12),
  encodedBodySize: z.number().int().nonnegative().max(1e12),
  /**
   * When the fetch started, in ms since the epoch (`performance.timeOrigin +
   * startTime`): webRequest's clock, and one clock for every frame.
   */
  startTime: z.number().nonnegative().max(1e14),
  /** `initiatorType` (`img`, `script`, `navigation` …) */
  initiatorType: z.string().max(40),
});
export type ResourceTimingEntry = z.infer<typeof ResourceTimingEntry>;

/**
 * How far before webRequest's `onBeforeRequest` the page may have started a
 * fetch, and how far after: the renderer starts the fetch (Resource Timing's
 * `startTime`) and may hold low-priority requests for a while before the
 * network sees them; the reverse order only comes from clock rounding.
 */
const EARLIER_MS = 30_000;
const LATER_MS = 1_000;

/**
 * The bytes a request gets from Resource Timing, by its index in `requests`.
 *
 * Rule: a request not served from the cache, whose size is unknown or comes
 * from `Content-Length`, takes the `transferSize` of the entry with the same
 * URL whose start is the closest before its own (`onBeforeRequest` time),
 * each entry used once, requests taken in time order — so that a URL loaded
 * twice pairs first with first. Resource Timing is preferred to
 * Content-Length because it counts the response headers too, as every exact
 * source does (CDP, HAR `_transferSize`). An entry whose `transferSize` is 0
 * (the resource came from a cache) still uses up its pairing but gives no
 * size. Firefox's `responseSize` is exact already and is never replaced.
 */
export function resourceTimingSizes(requests: readonly RecordedRequest[], timings: readonly ResourceTimingEntry[]): Map<number, number> {
  const byUrl = new Map<string, ResourceTimingEntry[]>();
  for (const entry of timings) {
    const list = byUrl.get(entry.name) ?? [];
    list.push(entry);
    byUrl.set(entry.name, list);
  }
  const used = new Set<ResourceTimingEntry>();
  const sizes = new Map<number, number>();
  const order = requests
    .map((request, index) => ({ request, index }))
    .sort((a, b) => a.request.timeStamp - b.request.timeStamp || a.index - b.index);
  for (const { request, index } of order) {
    if (request.fromCache) continue;
    if (request.bytesSource !== null && request.bytesSource !== 'content-length') continue;
    const candidates = byUrl.get(request.url);
    if (!candidates) continue;
    let best: ResourceTimingEntry | null = null;
    for (const entry of candidates) {
      if (used.has(entry)) continue;
      const lead = request.timeStamp - entry.startTime;
      if (lead < -LATER_MS || lead > EARLIER_MS) continue;
      if (best === null || Math.abs(lead) < Math.abs(request.timeStamp - best.startTime)) best = entry;
    }
    if (best === null) continue;
    used.add(best);
    if (best.transferSize > 0) sizes.set(index, plausibleSize(best, request));
  }
  return sizes;
}

/** Response headers Chrome accepts at most (net::ERR_RESPONSE_HEADERS_TOO_BIG beyond). */
export const MAX_HEADER_BYTES = 256 * 1024;
/** No single response of a web page is believed to weigh more (a 4K video segment is far below). */
export const MAX_ENTRY_BYTES = 1024 ** 3;

/**
 * The entry's transferSize, bounded by what the network can have carried: it
 * comes from a page's renderer, which the background does not trust. Headers
 * plus the body: with a Content-Length, no more than that body and the
 * largest header block Chrome accepts; the encoded body size, when the entry
 * gives one, bounds it the same way; and one gigabyte in any case.
 */
export function plausibleSize(entry: ResourceTimingEntry, request: Pick<RecordedRequest, 'bytes' | 'bytesSource'>): number {
  let bound = MAX_ENTRY_BYTES;
  if (request.bytesSource === 'content-length' && request.bytes !== null) bound = Math.min(bound, request.bytes + MAX_HEADER_BYTES);
  if (entry.encodedBodySize > 0) bound = Math.min(bound, entry.encodedBodySize + MAX_HEADER_BYTES);
  return Math.min(entry.transferSize, bound);
}

/** Keeps what is worth storing: entries with a size the browser was allowed to tell. */
export function usefulTimings(entries: readonly ResourceTimingEntry[]): ResourceTimingEntry[] {
  return entries.filter((entry) => entry.transferSize > 0 || entry.encodedBodySize > 0);
}
