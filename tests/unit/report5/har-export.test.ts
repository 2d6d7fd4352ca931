import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../../src/core/capture';
import { harToCaptures } from '../../../src/collect/har';
import { validateHar } from '../../../src/collect/har-schema';
import { REDACTED, captureToHar, redactUrl } from '../../../src/collect/har-export';
import { openHar } from '../../../entrypoints/report/har-open';
import { readHar, realHarFiles } from '../har/har-fixtures';

const total = (capture: PageCapture) => capture.requests.reduce((sum, request) => sum + (request.bytes ?? 0), 0);

function passiveCapture(): PageCapture {
  const request = (url: string, extra: Partial<PageCapture['requests'][number]> = {}): PageCapture['requests'][number] => ({
    url,
    type: 'script',
    status: 200,
    mimeType: 'text/javascript',
    fromCache: false,
    bytes: 1200,
    bytesSource: 'content-length',
    startTime: 40,
    frameId: null,
    initiator: null,
    error: null,
    ...extra,
  });
  return {
    schemaVersion: 1,
    page: {
      url: 'https://www.theatre.fr/',
      finalUrl: 'https://www.theatre.fr/',
      title: '<img src=x onerror=alert(1)>',
      capturedAt: '2026-11-29T10:00:00.000Z',
      method: 'passive',
      consentState: 'untouched',
      softNavigation: false,
      documentFromCache: false,
      complete: true,
      agent: 'Chromium 140',
      viewport: null,
    },
    requests: [
      request('https://www.theatre.fr/', { type: 'document', mimeType: 'text/html', startTime: 0, bytes: 30_000, protocol: 'h2', headers: { contentEncoding: 'br', cacheControl: 'max-age=60', expires: null } }),
      request('https://user:secret@cdn.example.com/app.js?token=abc123&v=2'),
      request('https://www.google-analytics.com/g/collect?v=2&tid=G-XYZ&sid=999', { type: 'beacon', bytes: null, bytesSource: null }),
      request('https://www.theatre.fr/logo.png', { type: 'image', fromCache: true, bytes: 0, bytesSource: 'estimated' }),
      request('https://api.example.com/x', { type: 'fetch', status: null, bytes: null, bytesSource: null, error: 'net::ERR_FAILED' }),
    ],
    droppedRequests: { count: 0, bytes: 0 },
    cookies: [{ name: '_ga', domain: 'theatre.fr', expires: '2028-11-29T10:00:00.000Z', setBy: 'script', beforeInteraction: true }],
    dom: null,
  };
}

describe('HAR export', () => {
  it('writes HAR 1.2 that the importer reads back with the same requests, bytes and cookies', () => {
    const capture = passiveCapture();
    const har = JSON.parse(JSON.stringify(captureToHar(capture)));
    expect(har.log.version).toBe('1.2');
    expect(() => validateHar(har)).not.toThrow();
    for (const entry of har.log.entries) {
      expect(entry).toMatchObject({ request: { method: 'GET', headers: [], cookies: [] }, timings: expect.any(Object) });
      expect(typeof entry.response.status).toBe('number');
    }
    const [back] = harToCaptures(har);
    expect(back!.requests).toHaveLength(capture.requests.length);
    expect(total(back!)).toBe(total(capture));
    expect(back!.requests.map((request) => request.bytes)).toEqual(capture.requests.map((request) => request.bytes));
    expect(back!.requests.map((request) => request.type)).toEqual(capture.requests.map((request) => request.type));
    expect(back!.requests[3]!.fromCache).toBe(true);
    expect(back!.requests[0]!.headers).toEqual({ contentEncoding: 'br', cacheControl: 'max-age=60', expires: null });
    expect(back!.cookies!.map((cookie) => cookie.name)).toEqual(['_ga']);
    expect(back!.page.title).toBe(capture.page.title);
  });

  it('redacts URL credentials and token-like query values by default, and says so', () => {
    const har = captureToHar(passiveCapture());
    const urls = har.log.entries.map((entry) => entry.request.url as string);
    expect(urls.join(' ')).not.toContain('secret');
    expect(urls.join(' ')).not.toContain('abc123');
    expect(urls[1]).toBe(`https://cdn.example.com/app.js?token=${REDACTED}&v=2`);
    expect(urls[2]).toContain(`sid=${REDACTED}`);
    expect(urls[2]).toContain('tid=G-XYZ');
    expect(har.log.comment).toMatch(/Authorization/);
    for (const entry of har.log.entries) {
      for (const cookie of entry.response.cookies as { value: string }[]) expect(cookie.value).toBe('');
    }
    const raw = captureToHar(passiveCapture(), { redact: false });
    expect(raw.log.entries[1]!.request.url).toBe('https://user:secret@cdn.example.com/app.js?token=abc123&v=2');
  });

  it('leaves URLs without secrets untouched', () => {
    expect(redactUrl('https://a.example/p?q=1&page=2')).toBe('https://a.example/p?q=1&page=2');
    expect(redactUrl('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it.each(realHarFiles)('round-trips the pages of %s with the same request count and bytes', (name) => {
    for (const capture of harToCaptures(readHar(name))) {
      const [back] = harToCaptures(JSON.parse(JSON.stringify(captureToHar(capture, { redact: false }))));
      expect(back!.requests).toHaveLength(capture.requests.length);
      expect(total(back!)).toBe(total(capture));
      expect(back!.requests.filter((request) => request.fromCache)).toHaveLength(capture.requests.filter((request) => request.fromCache).length);
    }
  });
});

describe('opening a HAR file in the report page', () => {
  it('gives one report per page', () => {
    const opened = openHar(JSON.stringify(readHar('www.wikipedia.org.har')));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.entries.length).toBe(harToCaptures(readHar('www.wikipedia.org.har')).length);
    for (const entry of opened.entries) expect(entry.report.footprint.requests).toBe(entry.capture!.requests.length);
  });

  it('says in one line why a malformed file cannot be read', () => {
    for (const text of ['{"log": ', '', '{"nope": 1}', '{"log": {"entries": []}}', '{"log": {"entries": [{"request": {}}]}}']) {
      const opened = openHar(text);
      expect(opened.ok).toBe(false);
      if (opened.ok) continue;
      expect(opened.message.length).toBeGreaterThan(5);
      expect(opened.message).not.toContain('\n');
    }
  });
});
