import { describe, expect, it } from 'vitest';
import { classifyDocument, classifyError, errorKind } from '../../../src/cli/audit/failures';
import { FailureKind } from '../../../src/cli/audit/row';

const doc = (over: Partial<Parameters<typeof classifyDocument>[0]> = {}) => ({
  requestedUrl: 'https://www.theatre.fr/',
  finalUrl: 'https://www.theatre.fr/',
  status: 200,
  mimeType: 'text/html',
  ...over,
});

describe('errorKind', () => {
  it.each([
    ['page.goto: net::ERR_NAME_NOT_RESOLVED at https://nowhere.invalid/', 'dns'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls'],
    ['net::ERR_CERT_DATE_INVALID', 'tls'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
    ['net::ERR_CONNECTION_REFUSED', 'connection'],
    ['net::ERR_CONNECTION_RESET', 'connection'],
    ['net::ERR_EMPTY_RESPONSE', 'connection'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['timed out after 30000 ms', 'timeout'],
    ['page.goto: Timeout 30000ms exceeded.', 'timeout'],
    ['page.goto: Download is starting', 'not-html'],
    ['Target crashed', 'browser'],
    ['page.goto: Target page, context or browser has been closed', 'browser'],
  ])('%s → %s', (message, kind) => {
    expect(errorKind(message)).toBe(kind);
    expect(FailureKind.options).toContain(kind);
  });
});

describe('classifyError', () => {
  it('keeps the browser\'s code on one line and says whether to retry', () => {
    const dns = classifyError(new Error('page.goto: net::ERR_NAME_NOT_RESOLVED at https://x.invalid/\nCall log:\n  - navigating'), 'en');
    expect(dns).toEqual({ failure: { kind: 'dns', message: 'Domain name not found (net::ERR_NAME_NOT_RESOLVED)', httpStatus: null }, retryable: false });
    expect(classifyError(new Error('net::ERR_CONNECTION_REFUSED'), 'fr').retryable).toBe(true);
    expect(classifyError('timed out after 5 ms', 'en').retryable).toBe(true);
    expect(classifyError(new Error('Target crashed'), 'en').retryable).toBe(true);
    expect(classifyError(new Error('net::ERR_CERT_DATE_INVALID'), 'en').retryable).toBe(false);
    expect(classifyError(new Error('a\nb'), 'fr').failure.message).not.toContain('\n');
  });
});

describe('classifyDocument', () => {
  it('accepts an HTML page of the same site, redirects within the site included', () => {
    expect(classifyDocument(doc(), 'en')).toBeNull();
    expect(classifyDocument(doc({ requestedUrl: 'http://theatre.fr/', finalUrl: 'https://www.theatre.fr/saison/' }), 'en')).toBeNull();
    expect(classifyDocument(doc({ mimeType: 'application/xhtml+xml; charset=utf-8' }), 'en')).toBeNull();
    expect(classifyDocument(doc({ mimeType: null }), 'en')).toBeNull();
  });

  it('reports HTTP errors with their status; only 5xx are retried', () => {
    expect(classifyDocument(doc({ status: 404 }), 'en')).toEqual({
      failure: { kind: 'http', message: 'The server answered with HTTP error 404', httpStatus: 404 },
      retryable: false,
    });
    expect(classifyDocument(doc({ status: 503 }), 'fr')).toMatchObject({ failure: { kind: 'http', httpStatus: 503 }, retryable: true });
  });

  it('reports a non-HTML main document with its type', () => {
    const result = classifyDocument(doc({ mimeType: 'application/pdf' }), 'en');
    expect(result?.failure.kind).toBe('not-html');
    expect(result?.failure.message).toContain('application/pdf');
    expect(result?.retryable).toBe(false);
  });

  it('reports a redirect to another registrable domain', () => {
    const result = classifyDocument(doc({ finalUrl: 'https://billetterie.example.com/t/123' }), 'fr');
    expect(result?.failure.kind).toBe('offsite-redirect');
    expect(result?.failure.message).toContain('billetterie.example.com');
    // a public suffix's sibling is another site (PSL), a subdomain of the same one is not
    expect(classifyDocument(doc({ requestedUrl: 'https://a.github.io/', finalUrl: 'https://b.github.io/' }), 'en')?.failure.kind).toBe('offsite-redirect');
    expect(classifyDocument(doc({ finalUrl: 'https://billetterie.theatre.fr/' }), 'en')).toBeNull();
  });
});
