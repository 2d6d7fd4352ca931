import { z } from './zod';

/**
 * PageCapture v1: everything observed about one page load, whatever captured
 * it (the extension, the CLI through CDP, or a HAR file). `analyse()` turns it
 * into a Report. See ../../shared/ARCHITECTURE.md.
 */

export const CAPTURE_SCHEMA_VERSION = 1 as const;

export const captureMethods = ['passive', 'precise', 'cdp', 'har'] as const;
export const CaptureMethod = z.enum(captureMethods);
export type CaptureMethod = z.infer<typeof CaptureMethod>;

export const consentStates = ['untouched', 'refused', 'accepted', 'given-earlier', 'unknown'] as const;
export const ConsentState = z.enum(consentStates);
export type ConsentState = z.infer<typeof ConsentState>;

/** Resource types, the union of what webRequest, CDP and HAR call them, normalised. */
export const resourceTypes = [
  'document',
  'stylesheet',
  'script',
  'image',
  'font',
  'media',
  'xhr',
  'fetch',
  'websocket',
  'beacon',
  'manifest',
  'other',
] as const;
export const ResourceType = z.enum(resourceTypes);
export type ResourceType = z.infer<typeof ResourceType>;

/**
 * Where a request's byte count came from, most exact first:
 * - `cdp`: Chrome DevTools Protocol `Network.loadingFinished.encodedDataLength`
 * - `har`: a HAR file's `_transferSize`, or `bodySize + headersSize`
 * - `devtools`: the extension's DevTools panel (HAR `_transferSize`)
 * - `response-size`: Firefox `webRequest` `responseSize` (exact)
 * - `content-length`: the `Content-Length` header (body only, may lie)
 * - `resource-timing`: Resource Timing `transferSize` from the page
 * - `estimated`: no figure was available; estimated by resource type
 */
export const byteSources = [
  'cdp',
  'har',
  'devtools',
  'response-size',
  'content-length',
  'resource-timing',
  'estimated',
] as const;
export const ByteSource = z.enum(byteSources);
export type ByteSource = z.infer<typeof ByteSource>;

export const Initiator = z.strictObject({
  /** parser, script, preload, redirect, other … as the capturer names it */
  type: z.string().max(40),
  /** URL of the document or script that caused the request, when known */
  url: z.string().max(8192).nullable(),
});
export type Initiator = z.infer<typeof Initiator>;

export const CapturedRequest = z.strictObject({
  url: z.string().min(1).max(65536),
  type: ResourceType,
  /** HTTP status; null when the request failed or the status is unknown */
  status: z.number().int().min(0).max(999).nullable(),
  mimeType: z.string().max(256).nullable(),
  /** served from the browser's cache: no bytes crossed the network */
  fromCache: z.boolean(),
  /** transfer bytes (headers included where the source counts them); null when unknown */
  bytes: z.number().int().nonnegative().nullable(),
  /** where `bytes` came from; null exactly when `bytes` is null */
  bytesSource: ByteSource.nullable(),
  /** milliseconds since the navigation started; null when unknown */
  startTime: z.number().nullable(),
  /** the frame that made the request; null for the top frame or when unknown */
  frameId: z.string().max(128).nullable(),
  initiator: Initiator.nullable(),
  /** the network error when the request failed (e.g. net::ERR_NAME_NOT_RESOLVED) */
  error: z.string().max(512).nullable(),
  /**
   * The HTTP version that carried it, normalised: `http/1.0`, `http/1.1`,
   * `h2`, `h3`; absent or null when the capturer cannot tell (Chrome's
   * webRequest cannot).
   */
  protocol: z.string().max(32).nullable().optional(),
  /** the response headers the RGESN checks read; absent or null when not observed */
  headers: z
    .strictObject({
      contentEncoding: z.string().max(256).nullable(),
      cacheControl: z.string().max(1024).nullable(),
      expires: z.string().max(256).nullable(),
    })
    .nullable()
    .optional(),
});
export type CapturedRequest = z.infer<typeof CapturedRequest>;

export const CapturedCookie = z.strictObject({
  name: z.string().max(4096),
  domain: z.string().max(1024),
  /** declared expiry (ISO 8601); null for a session cookie */
  expires: z.string().max(64).nullable(),
  setBy: z.enum(['header', 'script']),
  /** set before the visitor's first interaction; null when unknown */
  beforeInteraction: z.boolean().nullable(),
});
export type CapturedCookie = z.infer<typeof CapturedCookie>;

const shortList = (max: number) => z.array(z.string().max(8192)).max(max);

/** What the DOM probe saw in the page (see src/collect/probe.ts). */
export const DomObservation = z.strictObject({
  /** element count by the EcoIndex method: SVG descendants excluded, frames included where seen */
  elements: z.number().int().nonnegative(),
  /** number of frames whose elements were counted (1 = the top document only) */
  framesCounted: z.number().int().positive(),
  title: z.string().max(2048).nullable(),
  iframes: shortList(500),
  scripts: shortList(2000),
  /** names of known JS globals found in the page's main world */
  globals: shortList(500),
  /** ids of DOM markers (catalog selectors) found */
  markers: shortList(500),
  fonts: shortList(500),
  images: z.number().int().nonnegative(),
  autoplayMedia: z.number().int().nonnegative(),
  /** schema.org types found in JSON-LD or microdata */
  structuredData: shortList(200),
  telLinks: shortList(200),
  /**
   * Contact details declared in schema.org data (JSON-LD or microdata):
   * `telephone`, `address` (flattened to one line) and `openingHours` values.
   */
  contactData: z.strictObject({
    telephones: shortList(50),
    addresses: shortList(50),
    openingHours: shortList(50),
  }),
  /**
   * The page's visible text (bounded), from which the core looks for a phone
   * number, a postal address and box-office hours written in plain words.
   * It never leaves the machine.
   */
  text: z.string().max(60_000),
  /** names of the cookies the page's own scripts can read (document.cookie), top frame */
  cookieNames: shortList(500),
  /** localStorage keys of the top frame (a consent manager's stored choice lives there) */
  storageKeys: shortList(500),
  /**
   * Raster images in the document with their intrinsic and displayed sizes
   * (CSS pixels), for the RGESN 6.4 check; absent when not probed.
   */
  imageDetails: z
    .array(
      z.strictObject({
        src: z.string().max(8192),
        naturalWidth: z.number().int().nonnegative(),
        naturalHeight: z.number().int().nonnegative(),
        renderedWidth: z.number().nonnegative(),
        renderedHeight: z.number().nonnegative(),
        srcset: z.boolean(),
      }),
    )
    .max(300)
    .optional(),
  devicePixelRatio: z.number().positive().max(16).optional(),
  /** loaded font faces as "family weight style", for the RGESN 4.8 check; absent when not probed */
  fontFaces: shortList(200).optional(),
  /** milliseconds since navigation start of the first trusted interaction; null if none */
  firstInteractionAt: z.number().nullable(),
});
export type DomObservation = z.infer<typeof DomObservation>;

export const CapturedPage = z.strictObject({
  url: z.string().min(1).max(65536),
  finalUrl: z.string().min(1).max(65536),
  title: z.string().max(2048).nullable(),
  /** when the capture started (ISO 8601), by the capturer's clock */
  capturedAt: z.string().max(64),
  method: CaptureMethod,
  consentState: ConsentState,
  /** a view started by history.pushState rather than a full navigation */
  softNavigation: z.boolean(),
  /** the main document came from the browser cache: the figures are partial */
  documentFromCache: z.boolean(),
  /** still loading when captured (the figures may grow) */
  complete: z.boolean(),
  /** the browser or tool that captured it, e.g. "Chromium 156" or a HAR creator */
  agent: z.string().max(256).nullable(),
  viewport: z.strictObject({ width: z.number().int(), height: z.number().int() }).nullable(),
});
export type CapturedPage = z.infer<typeof CapturedPage>;

export const PageCapture = z.strictObject({
  schemaVersion: z.literal(CAPTURE_SCHEMA_VERSION),
  page: CapturedPage,
  requests: z.array(CapturedRequest),
  /**
   * Requests seen but not stored (a cap protects memory on huge pages);
   * they still count in the totals through `droppedRequests`.
   */
  droppedRequests: z.strictObject({ count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  /** null when cookies were not observed by this capture method */
  cookies: z.array(CapturedCookie).nullable(),
  /** null when no DOM probe ran (e.g. a HAR file) */
  dom: DomObservation.nullable(),
});
export type PageCapture = z.infer<typeof PageCapture>;
