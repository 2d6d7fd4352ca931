/**
 * The extension's passive capture: what the background recorded for one tab
 * (from `webRequest`, `webNavigation` and the content script's DOM probe),
 * and the pure function that turns it into a PageCapture.
 *
 * The recorded state is stored in `storage.session` by src/extension, so its
 * shape is a zod schema here: a stored value is parsed, and dropped when it
 * does not match (an older version, or storage tampered with), rather than
 * trusted. It lives in src/collect because the capture builder needs it and
 * src/collect may not import src/extension.
 */
import { z } from '../core/zod';
import {
  CAPTURE_SCHEMA_VERSION,
  CapturedRequest,
  DomObservation,
  ResourceType,
  type CapturedCookie,
  type PageCapture,
} from '../core/capture';
import { MAX_TIMINGS_PER_TAB, ResourceTimingEntry, resourceTimingSizes } from './resource-timing';

/**
 * Bump when RecordedTab changes shape; the storage key carries it (`tab:v2:<tabId>`).
 * v2: cookies set by response headers; interaction times in ms since the epoch.
 * v3: response headers for the RGESN checks; Resource Timing sizes.
 */
export const TAB_STATE_VERSION = 3 as const;

/** Cookies kept per page view; beyond, they are not recorded (a page setting hundreds is already telling). */
export const MAX_COOKIES_PER_TAB = 300;

/** Requests held for a document not committed yet (RecordedTab.earlyRequests). */
export const MAX_EARLY_REQUESTS = 200;

export const RecordedRequest = z.strictObject({
  /** webRequest's requestId; a redirect chain shares one id, each hop is its own entry */
  id: z.string().max(64),
  url: z.string().min(1).max(65536),
  type: ResourceType,
  /** 0 for the top frame */
  frameId: z.number().int(),
  /** webRequest's `timeStamp` (ms since the epoch): deterministic, unlike Date.now() */
  timeStamp: z.number(),
  status: z.number().int().min(0).max(999).nullable(),
  mimeType: z.string().max(256).nullable(),
  fromCache: z.boolean(),
  bytes: z.number().int().nonnegative().nullable(),
  bytesSource: z.enum(['content-length', 'response-size']).nullable(),
  error: z.string().max(512).nullable(),
  /** the response headers the RGESN checks read (compression, caching); null before the response */
  headers: CapturedRequest.shape.headers.unwrap().nullable(),
  /** completed, failed or redirected: no further event will change it */
  done: z.boolean(),
});
export type RecordedRequest = z.infer<typeof RecordedRequest>;

/** A cookie set by a `Set-Cookie` response header (src/collect/set-cookie.ts). */
export const RecordedCookie = z.strictObject({
  name: z.string().max(4096),
  domain: z.string().max(1024),
  expires: z.string().max(64).nullable(),
  /** the response's webRequest `timeStamp` (ms since the epoch) */
  at: z.number(),
});
export type RecordedCookie = z.infer<typeof RecordedCookie>;

/**
 * One frame's probe result, as the content script reported it (validated by
 * the background). Its `firstInteractionAt` is in ms since the epoch
 * (`performance.timeOrigin + performance.now()`), like webRequest's timeStamp.
 */
export const FrameDom = DomObservation.omit({ framesCounted: true });
export type FrameDom = z.infer<typeof FrameDom>;

export const RecordedTab = z.strictObject({
  version: z.literal(TAB_STATE_VERSION),
  tabId: z.number().int(),
  /** URL of the committed top-level document; null before the first commit seen */
  url: z.string().max(65536).nullable(),
  /** Chrome's documentId of the committed top document, to match content-script messages */
  documentId: z.string().max(128).nullable(),
  /**
   * The top document the last commit replaced, and its origin ("null" for
   * about:blank): Chrome may credit the committed document's first requests to
   * it and deliver them after the commit (src/extension/navigation-record.ts).
   */
  previousDocument: z.strictObject({ documentId: z.string().max(128), origin: z.string().max(2048) }).nullable().default(null),
  /** timeStamp of the navigation's first request (or of the commit when no request was seen) */
  navigationStart: z.number().nullable(),
  /** ISO time of the commit, by the background's clock */
  committedAt: z.string().max(64).nullable(),
  /** webNavigation.onCompleted fired for the top frame */
  complete: z.boolean(),
  /**
   * The page view began with `history.pushState` (a single-page app changing
   * view), not with a document load. A default, not a version bump: a state
   * stored before this field existed reads as an ordinary load, which it was.
   */
  softNavigation: z.boolean().default(false),
  /**
   * The top document committed without a request of its own: restored from
   * the back/forward cache (or served without the network). Its figures are
   * those of what loaded since, not of the page's first load.
   */
  restored: z.boolean().default(false),
  requests: z.array(RecordedRequest),
  /** main-frame requests of a navigation that has not committed yet */
  pendingDocument: z.array(RecordedRequest),
  /**
   * Top-frame requests of another document than the committed one (Chrome
   * says which, `documentId`): the next document's first requests, which may
   * reach the worker before its commit does, or the previous one's last.
   * Those of the document that commits join its page view; the rest go.
   */
  earlyRequests: z
    .array(z.strictObject({ documentId: z.string().max(128), request: RecordedRequest }))
    .max(MAX_EARLY_REQUESTS)
    .default([]),
  /** requests beyond the per-tab cap: counted, not stored */
  droppedRequests: z.strictObject({ count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  /** ids of dropped requests still in flight, so that their bytes are added when they complete */
  droppedInFlight: z.array(z.string().max(64)),
  /** probe results by frame id ("0" is the top frame) */
  frames: z.record(z.string(), FrameDom),
  /**
   * The first trusted interaction in the top frame, in ms since the epoch
   * (`performance.timeOrigin + performance.now()` in the page): the same clock
   * as webRequest's `timeStamp`, so that both become ms since navigation start.
   */
  firstInteractionAt: z.number().nullable(),
  /** cookies set by response headers of this page view, in order */
  cookies: z.array(RecordedCookie).max(MAX_COOKIES_PER_TAB),
  /** cookies set by the responses of a navigation that has not committed yet */
  pendingCookies: z.array(RecordedCookie).max(MAX_COOKIES_PER_TAB),
  /** Resource Timing sizes the content scripts of this page view's frames reported (src/collect/resource-timing.ts) */
  timings: z.array(ResourceTimingEntry).max(MAX_TIMINGS_PER_TAB),
});
export type RecordedTab = z.infer<typeof RecordedTab>;

export function emptyTab(tabId: number): RecordedTab {
  return {
    version: TAB_STATE_VERSION,
    tabId,
    url: null,
    documentId: null,
    previousDocument: null,
    navigationStart: null,
    committedAt: null,
    complete: false,
    softNavigation: false,
    restored: false,
    requests: [],
    pendingDocument: [],
    earlyRequests: [],
    droppedRequests: { count: 0, bytes: 0 },
    droppedInFlight: [],
    frames: {},
    firstInteractionAt: null,
    cookies: [],
    pendingCookies: [],
    timings: [],
  };
}

export interface PassiveCaptureOptions {
  /** the browser, e.g. "Chromium 156"; null when unknown */
  agent?: string | null;
  viewport?: { width: number; height: number } | null;
}

/** Merges the frames' probe results: elements add up (EcoIndex counts frames), lists concatenate. */
export function mergeFrames(frames: Record<string, FrameDom>, firstInteractionAt: number | null): DomObservation | null {
  const keys = Object.keys(frames).sort((a, b) => Number(a) - Number(b));
  if (keys.length === 0) return null;
  const all = keys.map((key) => frames[key] as FrameDom);
  const top = frames['0'] ?? null;
  const list = (pick: (frame: FrameDom) => string[], max: number): string[] =>
    Array.from(new Set(all.flatMap(pick))).slice(0, max);
  // Only the top frame's interaction is the visitor's first with the page itself.
  const interactions = [firstInteractionAt, top?.firstInteractionAt ?? null].filter(
    (at): at is number => at !== null,
  );
  return {
    elements: all.reduce((sum, frame) => sum + frame.elements, 0),
    framesCounted: all.length,
    title: top?.title ?? null,
    iframes: list((f) => f.iframes, 500),
    scripts: list((f) => f.scripts, 2000),
    globals: list((f) => f.globals, 500),
    markers: list((f) => f.markers, 500),
    fonts: list((f) => f.fonts, 500),
    images: all.reduce((sum, frame) => sum + frame.images, 0),
    autoplayMedia: all.reduce((sum, frame) => sum + frame.autoplayMedia, 0),
    structuredData: list((f) => f.structuredData, 200),
    telLinks: list((f) => f.telLinks, 200),
    // Contact details, visible text and storage: the top document's (a
    // frame's text belongs to another site: a ticketing shop, a map).
    contactData: top?.contactData ?? { telephones: [], addresses: [], openingHours: [] },
    text: top?.text ?? '',
    cookieNames: top?.cookieNames ?? [],
    storageKeys: top?.storageKeys ?? [],
    firstInteractionAt: interactions.length > 0 ? Math.min(...interactions) : null,
  };
}

/**
 * Builds the PageCapture of the tab's current page view. Returns null when no
 * top-level navigation was observed (the page was open before the extension
 * started, or it is a page the extension cannot see).
 *
 * Bytes: Chrome gives `Content-Length` (the body as sent, compressed; headers
 * not counted) when the server sends one, and nothing for chunked responses;
 * those requests keep `bytes: null` so that analyse() estimates them and the
 * report states the share measured. A response from the browser's cache moved
 * nothing over the network: its replayed Content-Length is not passed on
 * (analyse() counts cached requests as 0 bytes). Where the page's Resource
 * Timing gives a `transferSize` for a request whose size is unknown or from
 * Content-Length, that figure wins (src/collect/resource-timing.ts says why).
 */
export function buildPassiveCapture(tab: RecordedTab, options: PassiveCaptureOptions = {}): PageCapture | null {
  if (tab.url === null || tab.navigationStart === null) return null;
  const start = tab.navigationStart;
  const main = tab.requests.find((request) => request.type === 'document' && request.frameId === 0) ?? null;
  const merged = mergeFrames(tab.frames, tab.firstInteractionAt);
  // Interaction times are epoch ms (like webRequest's); the capture counts from navigation start.
  const dom = merged && { ...merged, firstInteractionAt: sinceStart(merged.firstInteractionAt, start) };
  const timed = resourceTimingSizes(tab.requests, tab.timings);
  return {
    schemaVersion: CAPTURE_SCHEMA_VERSION,
    page: {
      url: main?.url ?? tab.url,
      finalUrl: tab.url,
      title: dom?.title ?? null,
      capturedAt: tab.committedAt ?? new Date(start).toISOString(),
      method: 'passive',
      // The passive capture does not know whether a consent banner was answered.
      consentState: 'unknown',
      softNavigation: tab.softNavigation,
      documentFromCache: main?.fromCache ?? tab.restored,
      complete: tab.complete,
      agent: options.agent ?? null,
      viewport: options.viewport ?? null,
    },
    requests: tab.requests.map((request, index) => {
      // Cached responses replay their stored headers (Content-Length included)
      // but nothing crosses the network: no size here, analyse() counts 0.
      const cached = request.fromCache;
      const fromTiming = timed.get(index);
      const bytes = fromTiming ?? request.bytes;
      const bytesSource = fromTiming === undefined ? request.bytesSource : 'resource-timing';
      return {
        url: request.url,
        type: request.type,
        status: request.status,
        mimeType: request.mimeType,
        fromCache: request.fromCache,
        bytes: cached ? null : bytes,
        bytesSource: cached ? null : bytesSource,
        startTime: sinceStart(request.timeStamp, start),
        frameId: request.frameId === 0 ? null : String(request.frameId),
        initiator: null,
        error: request.error,
        headers: request.headers,
      };
    }),
    droppedRequests: { ...tab.droppedRequests },
    cookies: cookiesOf(tab, merged),
    dom,
  };
}

function sinceStart<T extends number | null>(epochMs: T, start: number): T {
  return (epochMs === null ? null : Math.max(0, Math.round((epochMs - start) * 10) / 10)) as T;
}

/**
 * Cookies of the page view: those set by response headers (Chrome shows
 * Set-Cookie only with `extraHeaders`), then the names the page's scripts can
 * read (`document.cookie`, top frame) that no header set, as set by a script.
 * For those the capture cannot know the domain (document.cookie does not say:
 * the page's host is written), the expiry (null here means unknown, not
 * "session"), nor when they were set — nor even whether this page view set
 * them rather than an earlier visit.
 */
function cookiesOf(tab: RecordedTab, dom: DomObservation | null): CapturedCookie[] {
  // `dom` is still on the epoch clock here, like the cookies' times.
  const interaction = dom?.firstInteractionAt ?? tab.firstInteractionAt;
  const fromHeaders = tab.cookies.map(
    (cookie): CapturedCookie => ({
      name: cookie.name,
      domain: cookie.domain,
      expires: cookie.expires,
      setBy: 'header',
      beforeInteraction: interaction === null ? true : cookie.at < interaction,
    }),
  );
  const byHeader = new Set(tab.cookies.map((cookie) => cookie.name));
  const host = hostOf(tab.url);
  const fromScripts = (dom?.cookieNames ?? [])
    .filter((name) => !byHeader.has(name))
    .map(
      (name): CapturedCookie => ({
        name,
        domain: host,
        expires: null,
        setBy: 'script',
        // Without any interaction, everything so far came before one; after it, the time is unknown.
        beforeInteraction: interaction === null ? true : null,
      }),
    );
  return [...fromHeaders, ...fromScripts].slice(0, MAX_COOKIES_PER_TAB);
}

function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}
