import type { CapturedRequest } from '../core/capture';

/**
 * The response facts the RGESN checks read (6.2 caching, 6.3 compression, 6.7
 * protocol), read the same way from CDP events (./cdp.ts) and HAR files
 * (./har.ts). Pure: no browser or Node API.
 */

/**
 * An HTTP version in the capture's vocabulary (`http/1.0`, `http/1.1`, `h2`,
 * `h3`) from what CDP (`h2`, `http/1.1`, `h3`, `h3-29`, `quic`) or a HAR file
 * (`HTTP/2.0`, `http/2.0`, `HTTP/1.1`, `h3`) writes; null when empty or unknown.
 */
export function normaliseProtocol(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim().toLowerCase();
  if (/^(h2|http\/2(\.0)?)$/.test(value)) return 'h2';
  if (/^(h3(-\d+)?|http\/3(\.0)?|quic)$/.test(value)) return 'h3';
  if (/^http\/1\.1$/.test(value)) return 'http/1.1';
  if (/^http\/1(\.0)?$/.test(value)) return 'http/1.0';
  return null;
}

/**
 * Content-Encoding, Cache-Control and Expires from response headers, names
 * compared without case; several values of one header (CDP joins them with a
 * newline, HAR repeats the header) are joined with ", ".
 */
export function rgesnHeadersOf(headers: Record<string, unknown> | readonly { name?: unknown; value?: unknown }[]): NonNullable<CapturedRequest['headers']> {
  const pairs: [string, string][] = Array.isArray(headers)
    ? headers.flatMap((header: { name?: unknown; value?: unknown }) =>
        typeof header?.name === 'string' && typeof header.value === 'string' ? [[header.name, header.value] as [string, string]] : [],
      )
    : Object.entries(headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : []));
  const read = (wanted: string, max: number): string | null => {
    const values = pairs.filter(([name]) => name.toLowerCase() === wanted).map(([, value]) => value.split('\n').join(', ').trim());
    return values.length === 0 ? null : values.join(', ').slice(0, max);
  };
  return { contentEncoding: read('content-encoding', 256), cacheControl: read('cache-control', 1024), expires: read('expires', 256) };
}
