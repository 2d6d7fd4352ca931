/**
 * Applies webRequest events to a tab's recorded state (webNavigation events:
 * ./navigation-record.ts, re-exported here).
 * Pure functions on plain objects (the event details are declared here with
 * only the fields we read), so that they are tested without a browser and
 * work with Chrome's and Firefox's shapes alike.
 */
import type { ResourceType } from '../core/capture';
import { MAX_COOKIES_PER_TAB, MAX_EARLY_REQUESTS, type RecordedCookie, type RecordedRequest, type RecordedTab } from '../collect/webrequest';
import { parseSetCookie } from '../collect/set-cookie';
import { header, mimeOf, parseContentLength, rgesnHeaders, type HttpHeader } from './response-headers';
import { holdKey } from './navigation-record';

export { parseContentLength, rgesnHeaders } from './response-headers';
export { applyContentMessage } from './content-record';
export { onCommitted, onHistoryStateUpdated, onNavigationCompleted } from './navigation-record';

/** Requests stored per page view; beyond it they are counted in `droppedRequests`. */
export const MAX_REQUESTS_PER_TAB = 2000;

export interface RequestEvent {
  requestId: string;
  url: string;
  tabId: number;
  frameId: number;
  type: string;
  timeStamp: number;
  /** Chrome 106+: the document that made the request */
  documentId?: string;
  /** Chrome: the origin of the document that made the request ("null" when opaque) */
  initiator?: string;
  /** Firefox: the URL of the document the request loads into */
  documentUrl?: string;
  /** the frame that holds the request's frame; -1 for a top-level one */
  parentFrameId?: number;
  /** Chrome 106+: "outermost_frame", "fenced_frame" or "sub_frame" */
  frameType?: string;
}

export interface ResponseEvent extends RequestEvent {
  statusCode?: number;
  fromCache?: boolean;
  responseHeaders?: HttpHeader[];
  /** Firefox only: bytes received for the response (headers and body), exact */
  responseSize?: number;
}

export interface ErrorEvent extends RequestEvent {
  error: string;
  fromCache?: boolean;
}

export interface NavigationEvent {
  tabId: number;
  frameId: number;
  url: string;
  timeStamp: number;
  /** Chrome 106+ */
  documentId?: string;
}

const typeMap: Record<string, ResourceType> = {
  main_frame: 'document',
  sub_frame: 'document',
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  imageset: 'image',
  font: 'font',
  media: 'media',
  xmlhttprequest: 'xhr',
  ping: 'beacon',
  beacon: 'beacon',
  websocket: 'websocket',
  web_manifest: 'manifest',
};

/** Maps a webRequest resource type (Chrome's or Firefox's) to ours; anything else is `other`. */
export function mapResourceType(type: string): ResourceType {
  return typeMap[type] ?? 'other';
}

function isMainFrame(event: RequestEvent): boolean {
  return event.type === 'main_frame' && event.frameId === 0;
}

/** The latest unfinished entry of a request (a redirect chain shares one id). */
function findOpen(tab: RecordedTab, requestId: string): RecordedRequest | null {
  for (const list of [tab.pendingDocument, tab.requests, tab.earlyRequests.map((early) => early.request)]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const request = list[i];
      if (request && request.id === requestId && !request.done) return request;
    }
  }
  return null;
}

/**
 * A request made by a top-level document that Chrome does not yet count as
 * the tab's main frame: its commit has not reached the browser (seen under
 * load: the page's first stylesheet came with another frameId, which made it a
 * frame's request of the page it replaced) or it is being prerendered. Its
 * frame has no parent. It is the top frame's, held for that document's commit.
 * (A fenced frame, an ad's, is the page's own frame whatever its parent says.)
 */
function topFrameEvent(event: RequestEvent): RequestEvent {
  const uncommitted =
    event.frameId !== 0 &&
    event.parentFrameId === -1 &&
    event.frameType !== 'fenced_frame' &&
    event.type !== 'main_frame' &&
    Boolean(event.documentId);
  return uncommitted ? { ...event, frameId: 0 } : event;
}

export function onBeforeRequest(tab: RecordedTab, raw: RequestEvent): void {
  const event = topFrameEvent(raw);
  const request: RecordedRequest = {
    id: event.requestId,
    url: event.url.slice(0, 65536),
    type: mapResourceType(event.type),
    frameId: event.frameId,
    timeStamp: event.timeStamp,
    status: null,
    mimeType: null,
    fromCache: false,
    bytes: null,
    bytesSource: null,
    error: null,
    headers: null,
    done: false,
  };
  // A new top-level document belongs to the page view its commit will start,
  // not to the page still shown: keep it aside until webNavigation commits.
  if (isMainFrame(event)) {
    const previous = tab.pendingDocument[tab.pendingDocument.length - 1];
    if (previous && previous.id !== event.requestId) {
      tab.pendingDocument = [];
      tab.pendingCookies = [];
    }
    tab.pendingDocument.push(request);
    return;
  }
  // Made by a top document whose commit has not reached us: held until it does.
  const key = holdKey(tab, event);
  if (key !== null) {
    if (tab.earlyRequests.length < MAX_EARLY_REQUESTS) tab.earlyRequests.push({ documentId: key, request });
    return;
  }
  // Before the first commit seen (the page was open before the extension
  // started) there is no page view to attribute requests to.
  if (tab.url === null) return;
  if (tab.requests.length >= MAX_REQUESTS_PER_TAB) {
    tab.droppedRequests.count += 1;
    tab.droppedInFlight.push(event.requestId);
    return;
  }
  tab.requests.push(request);
}

function applyResponse(request: RecordedRequest, event: ResponseEvent): void {
  if (typeof event.statusCode === 'number') request.status = event.statusCode;
  if (typeof event.fromCache === 'boolean') request.fromCache = event.fromCache;
  request.mimeType = mimeOf(event.responseHeaders) ?? request.mimeType;
  if (event.responseHeaders) request.headers = rgesnHeaders(event.responseHeaders);
  // Firefox's responseSize is exact; only fall back to Content-Length without it.
  if (typeof event.responseSize === 'number' && Number.isFinite(event.responseSize) && event.responseSize >= 0) {
    request.bytes = Math.round(event.responseSize);
    request.bytesSource = 'response-size';
    return;
  }
  if (request.bytesSource === 'response-size') return;
  const length = parseContentLength(header(event.responseHeaders, 'content-length'));
  if (length !== null) {
    request.bytes = length;
    request.bytesSource = 'content-length';
  }
}

export function onHeadersReceived(tab: RecordedTab, event: ResponseEvent): void {
  const request = findOpen(tab, event.requestId);
  if (request) applyResponse(request, event);
  recordCookies(tab, event);
}

/**
 * Cookies set by this response (every hop of a redirect has its own
 * onHeadersReceived). A top-level document's belong to the page view its
 * commit starts. Chrome lists Set-Cookie only to listeners registered with
 * `extraHeaders` (src/extension/observer.ts); Firefox always does.
 */
function recordCookies(tab: RecordedTab, event: ResponseEvent): void {
  const headers = event.responseHeaders?.filter((h) => h.name.toLowerCase() === 'set-cookie');
  if (!headers || headers.length === 0) return;
  const list = isMainFrame(event) ? tab.pendingCookies : tab.url === null ? null : tab.cookies;
  if (list === null) return;
  let host = '';
  try {
    host = new URL(event.url).hostname;
  } catch {
    return;
  }
  // Firefox joins several Set-Cookie headers with newlines in one entry.
  for (const line of headers.flatMap((h) => (h.value ?? '').split('\n'))) {
    const parsed = parseSetCookie(line, host, event.timeStamp);
    if (!parsed) continue;
    const same = list.find((c) => c.name === parsed.name && c.domain === parsed.domain);
    // Set again: the latest expiry holds; the first time tells whether it came before the interaction.
    if (same) same.expires = parsed.expires;
    else if (list.length < MAX_COOKIES_PER_TAB) list.push({ ...parsed, at: event.timeStamp } satisfies RecordedCookie);
  }
}

/** The response of one hop of a redirect: that hop is finished, the next one starts with onBeforeRequest. */
export function onBeforeRedirect(tab: RecordedTab, event: ResponseEvent): void {
  const request = findOpen(tab, event.requestId);
  if (!request) return;
  applyResponse(request, event);
  request.done = true;
}

export function onCompleted(tab: RecordedTab, event: ResponseEvent): void {
  const request = findOpen(tab, event.requestId);
  if (request) {
    applyResponse(request, event);
    request.done = true;
    return;
  }
  const dropped = tab.droppedInFlight.indexOf(event.requestId);
  if (dropped >= 0) {
    tab.droppedInFlight.splice(dropped, 1);
    const probe: RecordedRequest = { ...blankRecord, id: event.requestId };
    applyResponse(probe, event);
    if (!event.fromCache && probe.bytes !== null) tab.droppedRequests.bytes += probe.bytes;
  }
}

/** A record to read a dropped request's response into: only its bytes are kept. */
const blankRecord: RecordedRequest = {
  id: '',
  url: 'about:blank',
  type: 'other',
  frameId: 0,
  timeStamp: 0,
  status: null,
  mimeType: null,
  fromCache: false,
  bytes: null,
  bytesSource: null,
  error: null,
  headers: null,
  done: false,
};

/**
 * Chrome first looks some resources up in its cache only (fonts, for one) and
 * reports a miss as `net::ERR_CACHE_MISS` before requesting them for real:
 * such a lookup crossed no network and is not a request of the page.
 */
const CACHE_ONLY_MISS = 'net::ERR_CACHE_MISS';

export function onErrorOccurred(tab: RecordedTab, event: ErrorEvent): void {
  const request = findOpen(tab, event.requestId);
  if (request && event.error === CACHE_ONLY_MISS) {
    tab.requests = tab.requests.filter((entry) => entry !== request);
    tab.pendingDocument = tab.pendingDocument.filter((entry) => entry !== request);
    return;
  }
  if (request) {
    request.error = event.error.slice(0, 512);
    if (typeof event.fromCache === 'boolean') request.fromCache = event.fromCache;
    request.done = true;
    return;
  }
  const dropped = tab.droppedInFlight.indexOf(event.requestId);
  if (dropped >= 0) {
    tab.droppedInFlight.splice(dropped, 1);
    if (event.error === CACHE_ONLY_MISS) tab.droppedRequests.count -= 1;
  }
}
