/**
 * Reading webRequest response headers: Content-Length, the MIME type, and the
 * headers the RGESN checks need. Pure; used by ./recorder.ts, which
 * re-exports what tests and callers read.
 */
import type { RecordedRequest } from '../collect/webrequest';

export interface HttpHeader {
  name: string;
  value?: string;
}

/** A header's value, by lower-case name (the first one when repeated). */
export function header(headers: HttpHeader[] | undefined, name: string): string | null {
  const found = headers?.find((h) => h.name.toLowerCase() === name);
  return found?.value ?? null;
}

/** Parses a Content-Length header: a non-negative integer, or null when absent or invalid. */
export function parseContentLength(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (!/^\d{1,15}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** The response's MIME type, without parameters, bounded. */
export function mimeOf(headers: HttpHeader[] | undefined): string | null {
  const value = header(headers, 'content-type');
  return value ? (value.split(';')[0] ?? '').trim().slice(0, 256) || null : null;
}

/** The response headers the RGESN checks read (6.2 caching, 6.3 compression), bounded as the capture schema wants. */
export function rgesnHeaders(headers: HttpHeader[]): NonNullable<RecordedRequest['headers']> {
  const value = (name: string, max: number) => header(headers, name)?.slice(0, max) ?? null;
  return {
    contentEncoding: value('content-encoding', 256),
    cacheControl: value('cache-control', 1024),
    expires: value('expires', 256),
  };
}
