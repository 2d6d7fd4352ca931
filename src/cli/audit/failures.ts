/**
 * A page that could not be audited is a row with its reason, not a crash.
 * Classifies what the browser said (a `net::ERR_*` error, a timeout, a crash)
 * or what the server answered for the main document (HTTP status, MIME type,
 * where it redirected). Pure: unit-tested without a browser.
 */
import { parseRequestUrl } from '../../core/party';
import { t, type Lang } from '../../i18n/index';
import type { AuditRow, FailureKind } from './row';

export type Failure = NonNullable<AuditRow['failure']>;

export interface ClassifiedFailure {
  failure: Failure;
  /** worth another attempt: the cause may be passing (timeout, connection, crash, 5xx) */
  retryable: boolean;
}

const RETRYABLE: ReadonlySet<FailureKind> = new Set(['timeout', 'connection', 'browser']);

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? text).trim().slice(0, 300);
}

function classified(kind: FailureKind, message: string, httpStatus: number | null = null): ClassifiedFailure {
  const retryable = RETRYABLE.has(kind) || (kind === 'http' && httpStatus !== null && httpStatus >= 500);
  return { failure: { kind, message: firstLine(message), httpStatus }, retryable };
}

/** The kind of a navigation error thrown by the browser or its driver. */
export function errorKind(message: string): FailureKind {
  if (/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|ERR_ADDRESS_UNREACHABLE|ENOTFOUND/i.test(message)) return 'dns';
  if (/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL|SSL_PROTOCOL|ERR_TLS/i.test(message)) return 'tls';
  if (/timed out|timeout|ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/i.test(message)) return 'timeout';
  if (/Download is starting|ERR_ABORTED.*download/i.test(message)) return 'not-html';
  if (/ERR_CONNECTION_|ERR_EMPTY_RESPONSE|ERR_SOCKET|ERR_NETWORK_CHANGED|ERR_INTERNET_DISCONNECTED|ERR_HTTP2|ERR_QUIC|ERR_INVALID_HTTP_RESPONSE|ERR_TOO_MANY_REDIRECTS|ECONNREFUSED|ECONNRESET/i.test(message))
    return 'connection';
  return 'browser';
}

/** A thrown navigation or capture error as a failure row. */
export function classifyError(error: unknown, lang: Lang): ClassifiedFailure {
  const raw = error instanceof Error ? error.message : String(error);
  const kind = errorKind(raw);
  // The browser's own code (net::ERR_…) is the most useful one-liner.
  const code = /net::[A-Z_0-9]+/.exec(raw)?.[0];
  const detail = code ?? firstLine(raw);
  return classified(kind, t(lang, `audit.page.failure.${kind}`, { detail }));
}

export interface MainDocument {
  requestedUrl: string;
  finalUrl: string;
  status: number | null;
  mimeType: string | null;
}

const HTML_MIME = /^(?:text\/html|application\/xhtml\+xml)$/i;

/** The site a URL belongs to: its registrable domain, or its host when it has none (localhost, an IP). */
export function siteOf(url: string): string | null {
  const parsed = parseRequestUrl(url);
  return parsed.site;
}

/**
 * What is wrong with a page that did load: an HTTP error, a document that is
 * not HTML, a redirect to another site. Null when it can be audited.
 */
export function classifyDocument(main: MainDocument, lang: Lang): ClassifiedFailure | null {
  if (main.status !== null && main.status >= 400) {
    return classified('http', t(lang, 'audit.page.failure.http', { status: main.status }), main.status);
  }
  const from = siteOf(main.requestedUrl);
  const to = siteOf(main.finalUrl);
  if (from !== null && to !== null && from !== to) {
    return classified('offsite-redirect', t(lang, 'audit.page.failure.offsite-redirect', { detail: main.finalUrl.slice(0, 200) }), main.status);
  }
  const mime = main.mimeType?.split(';')[0]?.trim() ?? null;
  if (mime !== null && mime !== '' && !HTML_MIME.test(mime)) {
    return classified('not-html', t(lang, 'audit.page.failure.not-html', { detail: mime }), main.status);
  }
  return null;
}
