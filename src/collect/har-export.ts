import type { CapturedRequest, PageCapture } from '../core/capture';

/**
 * A PageCapture written as a HAR 1.2 file, which `harToCaptures` (./har.ts)
 * reads back with the same requests and bytes. Pure: no Node or browser API.
 *
 * What the HAR can hold is what the capture holds: the passive capture keeps
 * no request headers, no cookie values and no bodies; so a HAR written from it
 * carries no cookie value and no Authorization header. What private data a
 * capture may still carry is in its URLs (user:password@host, tokens in the
 * query string) and in cookie names: with `redact` (the default) URL
 * credentials and the values of token-like query parameters are replaced by
 * `REDACTED`; cookie names and domains are kept (the analysis needs them), and
 * the file's `comment` says what was done.
 */

export interface HarExportOptions {
  /** mask credentials and token-like query values in URLs (default true) */
  redact?: boolean;
  /** the tool's name and version written as the HAR's creator */
  creator?: { name: string; version: string };
}

export const REDACTED = 'REDACTED';

/** Query parameters whose values are secrets more often than not. */
const SECRET_PARAM = /^(?:access_?token|id_?token|refresh_?token|token|auth|authorization|api_?key|apikey|key|secret|client_secret|password|passwd|pwd|session|sessionid|sid|jsessionid|phpsessid|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token)$/i;

export interface HarEntryOut {
  pageref: string;
  startedDateTime: string;
  time: number;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _resourceType: string;
  _fromCache?: string;
  _initiator?: { type: string; url?: string };
}

export interface HarOut {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    comment: string;
    pages: { id: string; startedDateTime: string; title: string; pageTimings: Record<string, never> }[];
    entries: HarEntryOut[];
  };
}

/** Masks what may identify or authenticate someone in a URL. Unparseable URLs are left as they are. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return url;
  let changed = false;
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
    changed = true;
  }
  for (const [name, value] of [...parsed.searchParams]) {
    if (SECRET_PARAM.test(name) && value !== '') {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? parsed.toString() : url;
}

export function captureToHar(capture: PageCapture, options: HarExportOptions = {}): HarOut {
  const redact = options.redact ?? true;
  const url = (value: string) => (redact ? redactUrl(value) : value);
  const start = Date.parse(capture.page.capturedAt);
  const origin = Number.isFinite(start) ? start : 0;
  const pageStarted = new Date(origin).toISOString();
  const cookies = (capture.cookies ?? []).map((cookie) => ({
    name: cookie.name,
    value: '',
    domain: cookie.domain,
    ...(cookie.expires ? { expires: cookie.expires } : {}),
    comment: `set by ${cookie.setBy}; value not captured`,
  }));
  const entries = capture.requests.map((request, index) =>
    entryOf(request, origin, url, index === firstDocument(capture.requests) ? cookies : []),
  );
  return {
    log: {
      version: '1.2',
      creator: options.creator ?? { name: 'Empreinte', version: '0' },
      comment: redact
        ? `Capture method ${capture.page.method}. No cookie value, request header or Authorization header was captured; credentials and token-like query values in URLs are replaced by ${REDACTED}.`
        : `Capture method ${capture.page.method}. No cookie value, request header or Authorization header was captured; URLs are as observed (not redacted).`,
      pages: [{ id: 'page_1', startedDateTime: pageStarted, title: url(capture.page.title ?? capture.page.finalUrl), pageTimings: {} }],
      entries,
    },
  };
}

function firstDocument(requests: CapturedRequest[]): number {
  const index = requests.findIndex((request) => request.type === 'document');
  return index >= 0 ? index : 0;
}

function entryOf(
  request: CapturedRequest,
  origin: number,
  url: (value: string) => string,
  cookies: Record<string, unknown>[],
): HarEntryOut {
  const httpVersion = request.protocol ?? '';
  const headers = [
    ...(request.headers?.contentEncoding ? [{ name: 'Content-Encoding', value: request.headers.contentEncoding }] : []),
    ...(request.headers?.cacheControl ? [{ name: 'Cache-Control', value: request.headers.cacheControl }] : []),
    ...(request.headers?.expires ? [{ name: 'Expires', value: request.headers.expires }] : []),
  ];
  const started = origin + (request.startTime ?? 0);
  const cacheHit = request.fromCache && (request.bytes ?? 0) === 0;
  return {
    pageref: 'page_1',
    startedDateTime: new Date(started).toISOString(),
    time: 0,
    request: {
      method: 'GET',
      url: url(request.url),
      httpVersion,
      cookies: [],
      headers: [],
      queryString: [],
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: request.status ?? 0,
      statusText: '',
      httpVersion,
      cookies,
      headers,
      content: { size: -1, mimeType: request.mimeType ?? '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(request.bytes !== null ? { _transferSize: request.bytes } : {}),
      ...(request.error ? { _error: request.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _resourceType: request.type,
    ...(cacheHit ? { _fromCache: 'disk' } : {}),
    ...(request.initiator
      ? { _initiator: { type: request.initiator.type, ...(request.initiator.url ? { url: url(request.initiator.url) } : {}) } }
      : {}),
  };
}
