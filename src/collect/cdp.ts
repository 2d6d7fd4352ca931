/**
 * Turns Chrome DevTools Protocol network events into PageCapture requests.
 * Driver-agnostic: the CLI (src/cli/capture-page.ts) feeds it the events of
 * the page's session and of every child target (out-of-process iframes,
 * workers), all in one stream, because one request can start in a parent
 * session and finish in a child one (an OOPIF's document request is sent by
 * the parent, its `loadingFinished` arrives on the iframe's own target).
 *
 * Bytes are `Network.loadingFinished.encodedDataLength`: what came over the
 * wire for the request, response headers included for HTTP/1.1 (checked
 * against the bytes a local server wrote, in tests/e2e/cli-audit.test.ts).
 */
import type { CapturedCookie, CapturedRequest, ResourceType } from '../core/capture';
import { normaliseProtocol, rgesnHeadersOf } from './response-facts';

// The frames' probe results merge in ./frames.ts; re-exported for the CLI and tests.
export { mergeFrameObservations } from './frames';

const cdpTypes: Record<string, ResourceType> = {
  Document: 'document',
  Stylesheet: 'stylesheet',
  Image: 'image',
  Media: 'media',
  Font: 'font',
  Script: 'script',
  XHR: 'xhr',
  Fetch: 'fetch',
  EventSource: 'xhr',
  WebSocket: 'websocket',
  Manifest: 'manifest',
  Ping: 'beacon',
  CSPViolationReport: 'beacon',
};

/** CDP's resource type (`Network.ResourceType`) in the capture's vocabulary. */
export function normaliseCdpType(type: string | undefined): ResourceType {
  return (type && cdpTypes[type]) || 'other';
}

/* Only the fields of the CDP events we read (see the protocol's Network domain). */
interface CdpResponse {
  url?: string;
  status?: number;
  mimeType?: string;
  fromDiskCache?: boolean;
  fromPrefetchCache?: boolean;
  fromServiceWorker?: boolean;
  encodedDataLength?: number;
  /** e.g. "h2", "http/1.1", "h3" (Chrome's ALPN names) */
  protocol?: string;
  headers?: Record<string, unknown>;
}
interface CdpInitiator {
  type?: string;
  url?: string;
  stack?: { callFrames?: { url?: string }[]; parent?: unknown };
}

interface Entry {
  requestId: string;
  url: string;
  type: ResourceType;
  timestamp: number;
  frameId: string | null;
  initiator: CapturedRequest['initiator'];
  status: number | null;
  mimeType: string | null;
  fromCache: boolean;
  /** bytes received so far (dataReceived), used when the request never finished */
  received: number;
  bytes: number | null;
  error: string | null;
  done: boolean;
  /** stored in `entries` (false beyond the cap: only counted) */
  kept: boolean;
  protocol: string | null;
  headers: CapturedRequest['headers'];
}

export interface RecorderOptions {
  /** requests kept in full; beyond, only counted (droppedRequests) */
  maxRequests?: number;
}

export class CdpNetworkRecorder {
  private readonly entries: Entry[] = [];
  private readonly live = new Map<string, Entry>();
  /** the latest entry of each request id, finished or not (Set-Cookie info may come late) */
  private readonly byId = new Map<string, Entry>();
  private readonly maxRequests: number;
  private dropped = { count: 0, bytes: 0 };
  /** cookie names seen in Set-Cookie response headers, with the request that carried them */
  private readonly headerCookies: { name: string; requestId: string }[] = [];
  /** monotonic time (s) of the last network event, to wait for quiet */
  lastActivity = 0;
  mainFrameId: string | null = null;
  navigationStart: number | null = null;

  constructor(options: RecorderOptions = {}) {
    this.maxRequests = options.maxRequests ?? 5000;
  }

  /** requests started and not finished nor failed */
  get inFlight(): number {
    return this.live.size;
  }

  handle(method: string, params: Record<string, unknown>): void {
    if (!method.startsWith('Network.')) return;
    this.lastActivity = Date.now();
    const id = String(params['requestId'] ?? '');
    switch (method) {
      case 'Network.requestWillBeSent':
        return this.onRequest(params);
      case 'Network.responseReceived':
        return this.onResponse(id, params['type'] as string | undefined, params['response'] as CdpResponse | undefined);
      case 'Network.requestServedFromCache': {
        const entry = this.live.get(id);
        if (entry) entry.fromCache = true;
        return;
      }
      case 'Network.dataReceived': {
        const entry = this.live.get(id);
        if (entry) entry.received += Number(params['encodedDataLength']) || 0;
        return;
      }
      case 'Network.responseReceivedExtraInfo':
        return this.onExtraInfo(id, params['headers'] as Record<string, string> | undefined);
      case 'Network.loadingFinished':
        return this.finish(id, Number(params['encodedDataLength']) || 0, null);
      case 'Network.loadingFailed':
        return this.finish(id, null, params['canceled'] ? 'net::ERR_ABORTED' : String(params['errorText'] ?? 'failed'));
    }
  }

  private onRequest(p: Record<string, unknown>): void {
    const request = p['request'] as { url?: string } | undefined;
    const url = request?.url ?? '';
    // Data and blob URLs never cross the network.
    if (!/^https?:|^wss?:/i.test(url)) return;
    const requestId = String(p['requestId']);
    const redirect = p['redirectResponse'] as CdpResponse | undefined;
    const previous = this.live.get(requestId);
    if (previous && redirect) {
      // A redirect reuses the request id: the hop ends here with its own bytes.
      previous.status = redirect.status ?? null;
      previous.mimeType = redirect.mimeType || null;
      applyResponseFacts(previous, redirect);
      this.close(previous, redirect.encodedDataLength ?? previous.received, null);
    }
    const timestamp = Number(p['timestamp']) || 0;
    const type = normaliseCdpType(p['type'] as string | undefined);
    const frameId = (p['frameId'] as string | undefined) ?? null;
    if (this.navigationStart === null && type === 'document') {
      this.navigationStart = timestamp;
      this.mainFrameId ??= frameId;
    }
    const initiator = p['initiator'] as CdpInitiator | undefined;
    const entry: Entry = {
      requestId,
      url,
      type,
      timestamp,
      frameId,
      initiator: initiator ? { type: String(initiator.type ?? 'other').slice(0, 40), url: initiatorUrl(initiator) } : null,
      status: null,
      mimeType: null,
      fromCache: false,
      received: 0,
      bytes: null,
      error: null,
      done: false,
      kept: this.entries.length < this.maxRequests,
      protocol: null,
      headers: null,
    };
    this.live.set(requestId, entry);
    this.byId.set(requestId, entry);
    if (entry.kept) this.entries.push(entry);
    else this.dropped.count += 1;
  }

  private onResponse(requestId: string, type: string | undefined, response: CdpResponse | undefined): void {
    const entry = this.live.get(requestId);
    if (!entry || !response) return;
    entry.status = response.status ?? null;
    entry.mimeType = response.mimeType || null;
    if (type) entry.type = normaliseCdpType(type);
    if (response.fromDiskCache || response.fromPrefetchCache) entry.fromCache = true;
    applyResponseFacts(entry, response);
    entry.received = Math.max(entry.received, response.encodedDataLength ?? 0);
  }

  private onExtraInfo(requestId: string, headers: Record<string, string> | undefined): void {
    if (!headers) return;
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() !== 'set-cookie') continue;
      // Several Set-Cookie headers arrive joined by newlines.
      for (const line of String(value).split('\n')) {
        const cookieName = line.split('=')[0]?.trim();
        if (cookieName) this.headerCookies.push({ name: cookieName, requestId });
      }
    }
  }

  private finish(requestId: string, bytes: number | null, error: string | null): void {
    const entry = this.live.get(requestId);
    if (entry) this.close(entry, bytes, error);
  }

  private close(entry: Entry, bytes: number | null, error: string | null): void {
    entry.done = true;
    entry.bytes = bytes ?? (entry.received > 0 ? entry.received : null);
    entry.error = error;
    this.live.delete(entry.requestId);
    if (!entry.kept && entry.bytes !== null) this.dropped.bytes += entry.bytes;
  }

  /** The requests seen so far, in the order they started. */
  requests(): CapturedRequest[] {
    const start = this.navigationStart;
    return this.entries.map((entry) => {
      const bytes = entry.done ? entry.bytes : entry.received > 0 ? entry.received : null;
      return {
        url: entry.url.slice(0, 65536),
        type: entry.type,
        status: entry.status,
        mimeType: entry.mimeType ? entry.mimeType.slice(0, 256) : null,
        fromCache: entry.fromCache,
        bytes,
        bytesSource: bytes === null ? null : 'cdp',
        startTime: start === null ? null : Math.round((entry.timestamp - start) * 100000) / 100,
        frameId: entry.frameId === null || entry.frameId === this.mainFrameId ? null : entry.frameId.slice(0, 128),
        initiator: entry.initiator,
        error: entry.error ? entry.error.slice(0, 512) : null,
        protocol: entry.protocol,
        headers: entry.headers,
      };
    });
  }

  droppedRequests(): { count: number; bytes: number } {
    return { ...this.dropped };
  }

  /**
   * Says who set each cookie of a fresh browser context: a cookie can only
   * come from a Set-Cookie header or from a script, so a name never seen in a
   * header (for a matching host) was set by a script.
   */
  classifyCookies(cookies: readonly BrowserCookie[]): CapturedCookie[] {
    // The extra-info event may precede the request's own events: hosts are resolved now.
    const seen = this.headerCookies.map(({ name, requestId }) => ({ name, host: hostOf(this.byId.get(requestId)?.url) }));
    return cookies.map((cookie) => {
      const domain = cookie.domain.replace(/^\./, '');
      const byHeader = seen.some(
        (s) => s.name === cookie.name && (s.host === null || s.host === domain || s.host.endsWith(`.${domain}`)),
      );
      return {
        name: cookie.name.slice(0, 4096),
        domain: cookie.domain.slice(0, 1024),
        expires: cookie.expires > 0 ? new Date(cookie.expires * 1000).toISOString() : null,
        setBy: byHeader ? 'header' : 'script',
        // The CLI never interacts with the page (scrolling is the protocol's,
        // not a visitor's choice): every cookie was set before any interaction.
        beforeInteraction: true,
      };
    });
  }
}

/** The protocol and the response headers the RGESN checks read (6.2, 6.3, 6.7). */
function applyResponseFacts(entry: Entry, response: CdpResponse): void {
  entry.protocol = normaliseProtocol(response.protocol);
  if (response.headers && typeof response.headers === 'object') entry.headers = rgesnHeadersOf(response.headers);
}

/** The cookie fields a browser driver reports (Playwright's `context.cookies()`). */
export interface BrowserCookie {
  name: string;
  domain: string;
  /** seconds since the epoch; -1 for a session cookie */
  expires: number;
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

function initiatorUrl(initiator: CdpInitiator): string | null {
  if (initiator.url) return initiator.url.slice(0, 8192);
  const frame = initiator.stack?.callFrames?.find((f) => f.url);
  return frame?.url ? frame.url.slice(0, 8192) : null;
}
