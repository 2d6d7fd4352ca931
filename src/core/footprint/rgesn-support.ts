import type { RgesnCheck } from '../report';
import type { CountedRequest } from '../requests';

/**
 * Shared pieces of the RGESN checks (./rgesn.ts). How a check that the capture
 * cannot decide is reported: status `unknown` with the key
 * `rgesn.<id>.unknown` and no evidence — never `pass`, `fail` or
 * `not-applicable`, which would each claim something that was not seen
 * (docs/methodology.md, "RGESN").
 */

/** Evidence items per check: enough to act on, never a dump of the page. */
export const MAX_EVIDENCE = 10;
const MAX_ITEM = 200;

export type Status = RgesnCheck['status'];
type Params = RgesnCheck['measured']['params'];

export function result(id: string, status: Status, params: Params, evidence: readonly string[] = [], key = 'measured'): RgesnCheck {
  return {
    id,
    status,
    measured: { key: `rgesn.${id}.${key}`, params },
    evidence: [...new Set(evidence.map((item) => item.slice(0, MAX_ITEM)))].slice(0, MAX_EVIDENCE),
  };
}

/** The criterion cannot be decided from this capture (a HAR without headers, a capture without DOM probe …). */
export const unknown = (id: string): RgesnCheck => result(id, 'unknown', {}, [], 'unknown');
export const notApplicable = (id: string, params: Params = {}): RgesnCheck => result(id, 'not-applicable', params, [], 'notApplicable');

/** A URL without its query string (no visitor identifiers in a report), bounded. */
export function shortUrl(url: string): string {
  const cut = url.search(/[?#]/);
  return (cut === -1 ? url : url.slice(0, cut)).slice(0, MAX_ITEM);
}

/** A response that carried a body: not failed, not a cache hit, not a redirect, 204 or 304. */
export function hasBody(item: CountedRequest): boolean {
  const status = item.request.status;
  if (item.failed || item.request.fromCache) return false;
  return status === null || (status >= 200 && status < 300 && status !== 204);
}

export const STATIC_TYPES: ReadonlySet<string> = new Set(['script', 'stylesheet', 'image', 'font']);

/** A lower-cased file extension of the URL's path ('' when none). */
export function extensionOf(url: string): string {
  const path = shortUrl(url).replace(/^[a-z]+:\/\/[^/]*/i, '');
  const match = /\.([a-z0-9]{1,5})$/i.exec(path);
  return match ? match[1]!.toLowerCase() : '';
}

export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));
