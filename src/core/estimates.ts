import type { ResourceType } from './capture';

/**
 * Transfer bytes assumed for a request whose size nobody could measure (e.g.
 * Chrome's webRequest without Content-Length nor Resource Timing). The report
 * says which share of its bytes is estimated (`bytesMeasuredShare`) and tallies
 * them under `bySource.estimated`. Table and reasoning: docs/methodology.md.
 *
 * Derived from the Web Almanac 2025, page weight chapter (HTTP Archive, July
 * 2025 crawl, desktop medians; shared/research/webalmanac-2025.json):
 * - script: median JS bytes per page 708 KB over a median 23 JS requests;
 * - image: median image bytes per page 1,058 KB over a median 14 image requests.
 * HTTP Archive's queries divide bytes by 1,024 to print KB, so
 * 708 × 1024 / 23 = 31,521 bytes and 1,058 × 1024 / 14 = 77,385 bytes (rounded).
 * A ratio of two medians is not the median request size; it is the honest
 * figure those published data allow, and it errs on the heavy side for small
 * sites, which suits an estimate of a footprint.
 *
 * The other types have no per-request figure in that data: their values are
 * our documented assumptions (ASSUMED below), orders of magnitude rather than
 * measurements, to be replaced when a published source gives better.
 */
export interface ByteEstimate {
  bytes: number;
  basis: 'web-almanac-2025' | 'assumption';
}

/** The Web Almanac's KB: HTTP Archive's queries divide bytes by 1,024 (see above); shared by ./footprint/weight.ts. */
export const ALMANAC_KB = 1024;
const KB = ALMANAC_KB;

export const ESTIMATED_BYTES: Readonly<Record<ResourceType, ByteEstimate>> = {
  script: { bytes: Math.round((708 * KB) / 23), basis: 'web-almanac-2025' },
  image: { bytes: Math.round((1058 * KB) / 14), basis: 'web-almanac-2025' },
  // ASSUMED: a compressed HTML document of a content-managed venue site.
  document: { bytes: 30_000, basis: 'assumption' },
  // ASSUMED: one compressed stylesheet.
  stylesheet: { bytes: 10_000, basis: 'assumption' },
  // ASSUMED: one WOFF2 web font file (a Latin subset is 15–40 kB).
  font: { bytes: 25_000, basis: 'assumption' },
  // ASSUMED: media is streamed in ranges; one response is counted as 100 kB, which
  // understates a played video: the measured share warns the reader.
  media: { bytes: 100_000, basis: 'assumption' },
  // ASSUMED: a JSON API response.
  xhr: { bytes: 2_000, basis: 'assumption' },
  fetch: { bytes: 2_000, basis: 'assumption' },
  // ASSUMED: the opening handshake only; frames sent later are not observed.
  websocket: { bytes: 500, basis: 'assumption' },
  // ASSUMED: an analytics ping answered with an empty body: mostly headers.
  beacon: { bytes: 500, basis: 'assumption' },
  // ASSUMED: a web app manifest.
  manifest: { bytes: 1_000, basis: 'assumption' },
  // ASSUMED: anything else (prefetch, ping, CSP report …).
  other: { bytes: 2_000, basis: 'assumption' },
};

/** The estimated transfer bytes of one request of this type. */
export function estimateBytes(type: ResourceType): number {
  return ESTIMATED_BYTES[type].bytes;
}
