import {
  CAPTURE_SCHEMA_VERSION,
  PageCapture,
  type CapturedCookie,
  type CapturedRequest,
  type Initiator,
} from '../core/capture';
import { describeIssues } from '../core/zod';
import { resourceTypeOf } from './har-resource-type';
import { normaliseProtocol, rgesnHeadersOf } from './response-facts';
import { HarError, validateHar, type Har, type HarEntry, type HarPage } from './har-schema';

export { HAR_MAX_BYTES, HarError, parseHarText } from './har-schema';

/**
 * HAR import: one PageCapture per page of a HAR file (Chrome or Firefox
 * DevTools, WebPageTest, sitespeed.io). Pure (no Node or browser API), so the
 * extension can import HAR files with it too.
 *
 * How each figure is read, so that a test can recompute it from the raw file:
 * - bytes: `response._transferSize` (or the entry's) when ≥ 0; else 0 for a
 *   cache hit (below); else `bodySize + headersSize` when both are ≥ 0; else
 *   null (unknown, and analyse() says how it filled the gap). bodySize alone
 *   is not used: it is -1 or 0 for cache hits and omits headers.
 * - fromCache: the HAR says the browser's cache answered (`_fromCache`,
 *   chrome-har's `response.fromDiskCache`) and no bytes were transferred. A
 *   304 is not a cache hit here: the revalidation went over the network.
 *   chrome-har marks HTTP/2-pushed resources `fromDiskCache` with a positive
 *   `_transferSize`; the transfer size wins, as those bytes did cross the network.
 * - cookies: the `response.cookies` the HAR recorded from Set-Cookie headers.
 *   Cookies written by scripts (document.cookie) are not in a HAR, so the list
 *   is partial: every cookie says `setBy: 'header'`, and `beforeInteraction`
 *   is null since a HAR records no interaction.
 * - protocol: `response.httpVersion` normalised (`HTTP/2.0` → `h2`), null
 *   when absent or unrecognised; headers: Content-Encoding, Cache-Control
 *   and Expires from `response.headers`, null when the HAR lists no response
 *   header at all (sanitised files strip them: nothing was observed).
 */

const MAX_URL = 65536;

export interface HarImportOptions {
  /** Used as `capturedAt` when the HAR gives no date at all (HAR 1.2 requires one, some tools omit it). */
  fallbackCapturedAt?: string;
  /**
   * Who recorded the HAR. `devtools`: the extension's DevTools panel read the
   * live network log (precise mode): the captures say `method: 'precise'` and
   * `_transferSize` figures say `bytesSource: 'devtools'` (a fallback to
   * `bodySize + headersSize` still says `har`). Default `file`: an imported file.
   */
  source?: 'file' | 'devtools';
}

/** Converts a parsed HAR (unknown JSON) into captures; throws HarError with a one-line message. */
export function harToCaptures(har: unknown, options: HarImportOptions = {}): PageCapture[] {
  const log = validateHar(har).log;
  if (log.entries.length === 0) throw new HarError('the HAR has no entries (no request was recorded)');
  const agent = agentOf(log, log.entries[0]);
  const pages = log.pages ?? [];
  const pageIds = new Set(pages.map((page) => page.id));
  const groups = new Map<string, HarEntry[]>(pages.map((page) => [page.id, []]));
  const orphans: HarEntry[] = [];
  for (const entry of log.entries) {
    if (entry.pageref !== undefined && pageIds.has(entry.pageref)) groups.get(entry.pageref)?.push(entry);
    else orphans.push(entry);
  }
  const captures: PageCapture[] = [];
  // A page with no entry recorded nothing to analyse: it is skipped, not reported as empty.
  for (const page of pages) {
    const entries = groups.get(page.id) ?? [];
    if (entries.length > 0) captures.push(toCapture(entries, page, agent, options));
  }
  if (orphans.length > 0) captures.push(toCapture(orphans, null, agent, options));
  return captures;
}

function toCapture(
  entries: HarEntry[],
  page: HarPage | null,
  agent: string | null,
  options: HarImportOptions,
): PageCapture {
  const origin = pageStart(page, entries);
  const live = options.source === 'devtools';
  const pairs = entries.map((entry) => ({ entry, request: toRequest(entry, origin, live) }));
  const documents = pairs.filter((pair) => pair.request.type === 'document');
  // toCapture is only called with at least one entry.
  const first = documents[0] ?? pairs[0]!;
  // The final URL is the first document that was not a redirect (http → https, www …).
  const landed = documents.find((pair) => !isRedirect(pair.entry.response.status)) ?? first;
  const requests = pairs.map((pair) => pair.request);
  const capture = {
    schemaVersion: CAPTURE_SCHEMA_VERSION,
    page: {
      url: first.request.url,
      finalUrl: landed.request.url,
      title: titleOf(page),
      capturedAt: page?.startedDateTime ?? first.entry.startedDateTime ?? options.fallbackCapturedAt ?? '',
      method: live ? 'precise' : 'har',
      consentState: 'unknown',
      softNavigation: false,
      documentFromCache: landed.request.type === 'document' && landed.request.fromCache,
      complete: true,
      agent,
      viewport: null,
    },
    requests,
    droppedRequests: { count: 0, bytes: 0 },
    cookies: entries.flatMap((entry) => cookiesOf(entry)),
    dom: null,
  };
  // Validate what we built: a HAR can carry values the capture schema bounds (a 100 kB URL, an odd status).
  const result = PageCapture.safeParse(capture);
  if (!result.success) throw new HarError(`cannot import this HAR page: ${describeIssues(result.error)}`);
  return result.data;
}

/** Milliseconds since the epoch at which the page's navigation started. */
function pageStart(page: HarPage | null, entries: HarEntry[]): number | null {
  const declared = page?.startedDateTime ? Date.parse(page.startedDateTime) : NaN;
  if (Number.isFinite(declared)) return declared;
  const starts = entries.map((entry) => Date.parse(entry.startedDateTime ?? '')).filter(Number.isFinite);
  return starts.length > 0 ? Math.min(...starts) : null;
}

function toRequest(entry: HarEntry, origin: number | null, live: boolean): CapturedRequest {
  const { request, response } = entry;
  const mimeType = mimeOf(response.content?.mimeType);
  const transfer = response._transferSize ?? entry._transferSize;
  const hasTransfer = typeof transfer === 'number' && transfer >= 0;
  const cacheHit = Boolean(entry._fromCache || response.fromDiskCache) && !(hasTransfer && transfer > 0);
  const bytes = transferBytes(entry, cacheHit);
  const started = Date.parse(entry.startedDateTime ?? '');
  const status = response.status;
  return {
    // Capture URLs are bounded; an inline data: URL can be megabytes long (analyse() skips those anyway).
    url: request.url.slice(0, MAX_URL),
    type: resourceTypeOf(entry._resourceType, mimeType, request.url),
    status: typeof status === 'number' && status > 0 && status <= 999 ? Math.round(status) : null,
    mimeType,
    fromCache: cacheHit,
    bytes,
    bytesSource: bytes === null ? null : live && hasTransfer ? 'devtools' : 'har',
    startTime: origin !== null && Number.isFinite(started) ? Math.round((started - origin) * 1000) / 1000 : null,
    frameId: null,
    initiator: initiatorOf(entry),
    // HAR writes status 0 for a request that got no response (blocked, aborted); say so when it gives no reason.
    error: response._error ? response._error.slice(0, 512) : status === 0 ? 'no response (HAR status 0)' : null,
    protocol: normaliseProtocol(response.httpVersion),
    headers: headersOf(response.headers),
  };
}

/** The bytes rule documented at the top of this file. */
export function transferBytes(entry: HarEntry, cacheHit: boolean): number | null {
  const { response } = entry;
  const transfer = response._transferSize ?? entry._transferSize;
  if (typeof transfer === 'number' && transfer >= 0) return Math.round(transfer);
  if (cacheHit) return 0;
  const body = response.bodySize;
  const headers = response.headersSize;
  if (typeof body === 'number' && typeof headers === 'number' && body >= 0 && headers >= 0) {
    return Math.round(body + headers);
  }
  return null;
}

/** Read without the schema, as tools write headers loosely: an odd entry is skipped, not fatal. */
function headersOf(raw: unknown): CapturedRequest['headers'] {
  return Array.isArray(raw) && raw.length > 0 ? rgesnHeadersOf(raw as { name?: unknown; value?: unknown }[]) : null;
}

function isRedirect(status: number | undefined): boolean {
  return typeof status === 'number' && status >= 300 && status < 400;
}

function mimeOf(raw: string | null | undefined): string | null {
  const main = (raw ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return main === '' ? null : main.slice(0, 256);
}

function initiatorOf(entry: HarEntry): Initiator | null {
  const raw = entry._initiator;
  if (typeof raw === 'string') {
    return { type: (entry._initiator_type ?? 'other').slice(0, 40), url: raw.slice(0, 8192) || null };
  }
  if (raw && (raw.type || raw.url)) {
    return { type: (raw.type ?? entry._initiator_type ?? 'other').slice(0, 40), url: raw.url?.slice(0, 8192) || null };
  }
  return entry._initiator_type ? { type: entry._initiator_type.slice(0, 40), url: null } : null;
}

function cookiesOf(entry: HarEntry): CapturedCookie[] {
  const host = hostOf(entry.request.url);
  return (entry.response.cookies ?? []).map((cookie) => {
    const expires = cookie.expires ? Date.parse(cookie.expires) : NaN;
    return {
      name: cookie.name.slice(0, 4096),
      domain: (cookie.domain || host).replace(/^\./, '').slice(0, 1024),
      expires: Number.isFinite(expires) ? new Date(expires).toISOString() : null,
      setBy: 'header' as const,
      beforeInteraction: null,
    };
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** HAR page titles are often the URL itself (Chrome, chrome-har): that is not a title. */
function titleOf(page: HarPage | null): string | null {
  const title = page?.title?.trim();
  if (!title || /^[a-z][a-z0-9+.-]*:\/\//i.test(title)) return null;
  return title.slice(0, 2048);
}

function agentOf(log: Har['log'], firstEntry: HarEntry | undefined): string | null {
  const named = (item: { name: string; version?: string } | undefined) =>
    item ? `${item.name}${item.version ? ` ${item.version}` : ''}` : null;
  // chrome-har and WebPageTest name themselves, not the browser: the User-Agent header does.
  const browser = named(log.browser) ?? browserFromUserAgent(firstEntry);
  const creator = named(log.creator);
  const agent = browser && creator && browser !== creator ? `${browser} (${creator})` : (browser ?? creator);
  return agent ? agent.slice(0, 256) : null;
}

/** "Chrome 56.0.2924.87" from the request's User-Agent header; read without the schema, as tools write headers loosely. */
function browserFromUserAgent(entry: HarEntry | undefined): string | null {
  const headers: unknown = entry?.request.headers;
  if (!Array.isArray(headers)) return null;
  const header = headers.find(
    (item: unknown): item is { value: string } =>
      typeof item === 'object' &&
      item !== null &&
      String((item as { name?: unknown }).name).toLowerCase() === 'user-agent' &&
      typeof (item as { value?: unknown }).value === 'string',
  );
  if (!header) return null;
  // Edge and Opera also say Chrome, and Chrome also says Safari: the most specific first.
  for (const [token, name] of [
    ['Edg', 'Edge'],
    ['OPR', 'Opera'],
    ['Firefox', 'Firefox'],
    ['HeadlessChrome', 'Headless Chrome'],
    ['Chrome', 'Chrome'],
    ['Version', 'Safari'],
  ] as const) {
    const match = new RegExp(`\\b${token}/([\\d.]+)`).exec(header.value);
    if (match) return `${name} ${match[1]}`;
  }
  return null;
}
