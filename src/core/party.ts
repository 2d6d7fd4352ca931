import { getDomain } from 'tldts';

/**
 * First vs third party, by registrable domain (eTLD+1) from the Public Suffix
 * List through tldts — never a hand-written suffix rule (`culture.gouv.fr` is a
 * site of its own, `gouv.fr` is a public suffix).
 *
 * Decision: the PSL's private section counts (`allowPrivateDomains: true`).
 * That is how browsers draw site boundaries (SameSite cookies, storage
 * partitioning): a company hosted on `compagnie.github.io` does not own
 * `autre.github.io`, and `d1.cloudfront.net` is a different tenant from
 * `d2.cloudfront.net`. The same key groups `thirdParties[]`, so the report uses
 * one notion of "site" throughout. Consequence: `fonts.googleapis.com` is its
 * own registrable domain (googleapis.com is a private suffix in the PSL).
 *
 * Hosts without a registrable domain (IP addresses, `localhost`, single-label
 * intranet names) are their own site: the host itself, port ignored (the port
 * does not change the site, as in browsers). Such a page has `site: null` in the
 * report, as the schema asks.
 */

const PSL_OPTIONS = { allowPrivateDomains: true } as const;

/** URL schemes whose requests cross the network. Others (data:, blob:, about:, extension pages) do not. */
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

export interface ParsedRequestUrl {
  /** the request crossed the network (http, https, ws, wss with a host) */
  network: boolean;
  /** lower-case host name (punycode for IDN, IPv6 in brackets), no port, no trailing dot; null when none */
  host: string | null;
  /** registrable domain (eTLD+1, PSL private section included); null for IPs, localhost, single labels */
  registrableDomain: string | null;
  /** the site key used to compare parties: the registrable domain, else the host */
  site: string | null;
}

const NOT_NETWORK: ParsedRequestUrl = { network: false, host: null, registrableDomain: null, site: null };

/** The registrable domain of a host name, or null when it has none (IP, localhost, single label). */
export function registrableDomainOf(host: string): string | null {
  if (host.startsWith('[')) return null; // IPv6 literal
  let domain = domainCache.get(host);
  if (domain === undefined) {
    domain = getDomain(host, PSL_OPTIONS);
    if (domainCache.size >= DOMAIN_CACHE_LIMIT) domainCache.clear();
    domainCache.set(host, domain);
  }
  return domain;
}

// The PSL lookup is the costly part of classifying a request and pages repeat
// hosts: remember answers (a pure function of the host), bounded for long-lived
// service workers.
const DOMAIN_CACHE_LIMIT = 5000;
const domainCache = new Map<string, string | null>();

/**
 * Parses a request or page URL. `URL` (a web standard, present in browsers,
 * workers and Node) normalises case, ports, IDN (to punycode) and IPv6.
 */
export function parseRequestUrl(url: string): ParsedRequestUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return NOT_NETWORK;
  }
  if (!NETWORK_SCHEMES.has(parsed.protocol) || parsed.hostname === '') return NOT_NETWORK;
  const host = parsed.hostname.replace(/\.$/, '');
  const registrableDomain = registrableDomainOf(host);
  return { network: true, host, registrableDomain, site: registrableDomain ?? host };
}

/**
 * Is a request from a third party, given the page's site key? A page without a
 * site (e.g. about:blank) makes every network request third-party; a request
 * without a host (data:, blob:) is never third-party.
 */
export function isThirdParty(pageSite: string | null, request: ParsedRequestUrl): boolean {
  if (!request.network || request.site === null) return false;
  return request.site !== pageSite;
}
