import type { ByteSource, CapturedRequest, PageCapture } from './capture';
import { estimateBytes } from './estimates';
import { isThirdParty, parseRequestUrl, type ParsedRequestUrl } from './party';

/**
 * Which requests count, and with how many bytes (docs/methodology.md):
 * - Only network requests count (http, https, ws, wss). A data:, blob: or
 *   about: URL crosses no network: it is left out of every total, and a note
 *   says how many were left out.
 * - A failed request (an error, or HTTP status 0 as HAR files write it) still
 *   counts as a request — the browser sent it and waited — with the bytes the
 *   capture measured, or 0 when none: nothing is estimated for it.
 * - A cache hit counts as a request with the bytes the capture gives (usually
 *   0), never an estimate: no bytes crossed the network.
 * - Any other request without a byte count gets an estimate by resource type
 *   (./estimates.ts), tallied under the `estimated` source.
 * Each counted request falls in exactly one resource type and one party.
 */
export interface CountedRequest {
  request: CapturedRequest;
  url: ParsedRequestUrl;
  thirdParty: boolean;
  failed: boolean;
  bytes: number;
  /** where `bytes` came from; null when the request carried no byte figure and none was estimated */
  source: ByteSource | 'unknown' | null;
}

export interface RequestCensus {
  counted: CountedRequest[];
  /** requests left out because they crossed no network (data:, blob: …) */
  notNetwork: number;
}

export function isFailed(request: CapturedRequest): boolean {
  return request.error !== null || request.status === 0;
}

function bytesOf(request: CapturedRequest, failed: boolean): Pick<CountedRequest, 'bytes' | 'source'> {
  if (request.bytes !== null) return { bytes: request.bytes, source: request.bytesSource ?? 'unknown' };
  if (request.fromCache || failed) return { bytes: 0, source: null };
  return { bytes: estimateBytes(request.type), source: 'estimated' };
}

export function censusOf(capture: PageCapture, pageSite: string | null): RequestCensus {
  const counted: CountedRequest[] = [];
  let notNetwork = 0;
  // Pages repeat hosts many times: parse each distinct URL's host once.
  const byUrl = new Map<string, ParsedRequestUrl>();
  for (const request of capture.requests) {
    let url = byUrl.get(request.url);
    if (!url) {
      url = parseRequestUrl(request.url);
      byUrl.set(request.url, url);
    }
    if (!url.network) {
      notNetwork++;
      continue;
    }
    const failed = isFailed(request);
    counted.push({ request, url, thirdParty: isThirdParty(pageSite, url), failed, ...bytesOf(request, failed) });
  }
  return { counted, notNetwork };
}
