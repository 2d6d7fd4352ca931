/**
 * Reads a `Set-Cookie` response header (RFC 6265 §5.2) into what the capture
 * keeps: the name, the domain the cookie belongs to, and its declared expiry.
 * The value is never kept: it may identify the visitor.
 */
export interface ParsedSetCookie {
  name: string;
  /** `.example.fr` for a Domain attribute (a domain cookie), else the response's host (host-only) */
  domain: string;
  /** ISO 8601; null for a session cookie */
  expires: string | null;
}

/**
 * `responseTime` is the response's time in ms since the epoch (webRequest's
 * `timeStamp`): Max-Age counts from it, as the browser does, and wins over
 * Expires (§5.3 step 3). Returns null for a header without a cookie name.
 */
export function parseSetCookie(header: string, requestHost: string, responseTime: number): ParsedSetCookie | null {
  const [pair = '', ...attributes] = header.split(';');
  const equals = pair.indexOf('=');
  const name = (equals >= 0 ? pair.slice(0, equals) : '').trim();
  if (!name) return null;
  let domain = requestHost.toLowerCase();
  let maxAge: number | null = null;
  let expires: number | null = null;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at >= 0 ? attribute.slice(0, at) : attribute).trim().toLowerCase();
    const value = at >= 0 ? attribute.slice(at + 1).trim() : '';
    if (key === 'domain' && value) domain = `.${value.replace(/^\./, '').toLowerCase()}`;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires') {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) expires = time;
    }
  }
  // Max-Age zero or negative deletes the cookie: it expires at once.
  const end = maxAge !== null ? responseTime + Math.max(0, maxAge) * 1000 : expires;
  return {
    name: name.slice(0, 4096),
    domain: domain.slice(0, 1024),
    expires: end === null || !Number.isFinite(end) ? null : safeIso(end),
  };
}

function safeIso(time: number): string | null {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
