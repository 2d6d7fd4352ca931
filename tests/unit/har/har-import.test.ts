import { describe, expect, it } from 'vitest';
import { harToCaptures, HarError, parseHarText, HAR_MAX_BYTES } from '../../../src/collect/har';
import { rawPages, rawTransferBytes, readHar, realHarFiles } from './har-fixtures';

describe('harToCaptures on real HAR files', () => {
  it('has the real files', () => {
    expect(realHarFiles).toContain('www.zdnet.com.har');
    expect(realHarFiles.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of realHarFiles) {
    it(`${file}: one capture per page, every entry kept with its transfer size`, () => {
      const har = readHar(file);
      const captures = harToCaptures(har);
      const pages = rawPages(har);
      expect(captures).toHaveLength(pages.length);
      captures.forEach((capture, index) => {
        const entries = pages[index]!;
        expect(capture.page.method).toBe('har');
        expect(capture.page.consentState).toBe('unknown');
        expect(capture.dom).toBeNull();
        expect(capture.page.agent).toMatch(/^(Headless )?Chrome \d+[.\d]* \(chrome-har 1\.3\.1\)$/);
        expect(capture.requests).toHaveLength(entries.length);
        expect(capture.requests.map((request) => request.bytes)).toEqual(entries.map(rawTransferBytes));
        expect(capture.requests.every((request) => (request.bytes === null) === (request.bytesSource === null))).toBe(
          true,
        );
      });
    });
  }

  it('wikipedia: two pages, the final URL follows the redirect to https', () => {
    const captures = harToCaptures(readHar('www.wikipedia.org.har'));
    expect(captures).toHaveLength(2);
    expect(captures[0]!.page.url).toBe('http://www.wikipedia.org/');
    expect(captures[0]!.page.finalUrl).toBe('https://www.wikipedia.org/');
    // chrome-har uses the URL as the page title: that is not a title.
    expect(captures[0]!.page.title).toBeNull();
    expect(captures[1]!.requests[0]!.startTime).toBeGreaterThanOrEqual(0);
    expect(captures[1]!.requests[0]!.startTime).toBeLessThan(50);
  });

  it('zdnet: guesses the types chrome-har left as "other" from the MIME type, keeps start times and cookies', () => {
    const [capture] = harToCaptures(readHar('www.zdnet.com.har'));
    const types = new Set(capture!.requests.map((request) => request.type));
    for (const type of ['document', 'script', 'image', 'stylesheet', 'xhr']) expect(types).toContain(type);
    expect(capture!.requests[0]!.startTime).toBeCloseTo(1, 0);
    expect(capture!.page.agent).toBe('Chrome 56.0.2924.87 (chrome-har 1.3.1)');
    expect(capture!.cookies).toContainEqual({
      name: 'fly_geo',
      domain: 'zdnet.com',
      expires: '2017-03-07T11:08:59.000Z',
      setBy: 'header',
      beforeInteraction: null,
    });
  });

  it('ilmessaggero: a pushed resource chrome-har marks fromDiskCache but with a transfer size crossed the network', () => {
    const [capture] = harToCaptures(readHar('ilmessaggero.it-h2push.har'));
    const pushed = capture!.requests.find((request) => request.url.includes('superfish.js'));
    expect(pushed).toMatchObject({ fromCache: false, bytes: 2851, bytesSource: 'har' });
  });
});

/** A small HAR with everything odd but legal. */
function oddHar(): Record<string, unknown> {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Firefox' },
      browser: { name: 'Firefox', version: '140.0' },
      entries: [
        {
          startedDateTime: '2025-01-01T10:00:00.000Z',
          request: { method: 'GET', url: 'https://theatre.example/' },
          response: { status: 200, content: { mimeType: 'text/html; charset=utf-8' }, bodySize: 1000, headersSize: 200 },
          serverIPAddress: '[2001:db8::1]',
          timings: { send: 0, wait: 10, receive: 2, ssl: -1 },
        },
        {
          startedDateTime: '2025-01-01T10:00:00.250Z',
          request: { url: 'https://cdn.example.net/app.js' },
          response: { status: 200, content: { mimeType: '' }, bodySize: 0, headersSize: -1 },
          _fromCache: 'memory',
          _initiator: { type: 'parser', url: 'https://theatre.example/' },
        },
        {
          startedDateTime: '2025-01-01T10:00:00.500Z',
          request: { url: 'https://www.google-analytics.com/g/collect' },
          response: { status: 0, bodySize: -1, headersSize: -1, _error: 'net::ERR_BLOCKED_BY_CLIENT' },
          _resourceType: 'ping',
        },
        {
          request: { url: 'https://theatre.example/photo.webp' },
          response: { status: 304, bodySize: 0, headersSize: 150, cookies: [{ name: 'sid' }] },
        },
      ],
    },
  };
}

describe('protocol and response headers (RGESN 6.2, 6.3, 6.7)', () => {
  // Recomputed from the raw entries, independently of the import's own helpers.
  const expectedProtocol = (raw: unknown): string | null =>
    raw === 'h2' ? 'h2' : raw === 'http/1.1' ? 'http/1.1' : null; // the files also hold spdy/3.1: not named
  const rawHeader = (entry: unknown, name: string): string | null => {
    const headers = (entry as { response: { headers?: { name: string; value: string }[] } }).response.headers ?? [];
    const values = headers.filter((header) => header.name.toLowerCase() === name).map((header) => header.value);
    return values.length === 0 ? null : values.join(', ');
  };

  for (const file of ['bing.com.har', 'www.izettle.com.har', 'www.wikipedia.org.har']) {
    it(`${file}: every request's httpVersion and caching and compression headers`, () => {
      const har = readHar(file);
      const pages = rawPages(har);
      harToCaptures(har).forEach((capture, index) => {
        const entries = pages[index]!;
        capture.requests.forEach((request, i) => {
          const entry = entries[i] as unknown as { response: { httpVersion?: string; headers?: unknown[] } };
          expect(request.protocol).toBe(expectedProtocol(entry.response.httpVersion));
          if ((entry.response.headers ?? []).length === 0) expect(request.headers).toBeNull();
          else
            expect(request.headers).toEqual({
              contentEncoding: rawHeader(entry, 'content-encoding'),
              cacheControl: rawHeader(entry, 'cache-control')?.slice(0, 1024) ?? null,
              expires: rawHeader(entry, 'expires'),
            });
        });
      });
    });
  }

  it('izettle: some responses are compressed, some say how long to cache', () => {
    const requests = harToCaptures(readHar('www.izettle.com.har')).flatMap((capture) => capture.requests);
    expect(requests.some((request) => request.headers?.contentEncoding === 'gzip' || request.headers?.contentEncoding === 'br')).toBe(true);
    expect(requests.some((request) => request.headers?.cacheControl?.includes('max-age'))).toBe(true);
    expect(requests.filter((request) => request.protocol === null).length).toBeGreaterThan(0); // spdy/3.1
  });

  it('normalises the spellings other tools write, and reads nothing from a HAR without them', () => {
    const entry = (httpVersion: unknown, headers: unknown) => ({
      startedDateTime: '2025-01-01T10:00:00.000Z',
      request: { method: 'GET', url: 'https://theatre.example/' },
      response: { status: 200, httpVersion, headers, content: { mimeType: 'text/html' } },
    });
    const [capture] = harToCaptures({
      log: {
        entries: [
          entry('HTTP/2.0', [{ name: 'Content-Encoding', value: 'br' }]),
          entry('http/2.0', []),
          entry('HTTP/1.1', [{ name: 'Cache-Control', value: 'max-age=60' }, { bogus: true }]),
          entry('h3', 'not a list'),
          entry(undefined, undefined),
        ],
      },
    });
    expect(capture!.requests.map((request) => request.protocol)).toEqual(['h2', 'h2', 'http/1.1', 'h3', null]);
    expect(capture!.requests.map((request) => request.headers)).toEqual([
      { contentEncoding: 'br', cacheControl: null, expires: null },
      null,
      { contentEncoding: null, cacheControl: 'max-age=60', expires: null },
      null,
      null,
    ]);
  });
});

describe('harToCaptures on unusual but legal HAR files', () => {
  it('groups entries without pages into one capture and reads each field as documented', () => {
    const captures = harToCaptures(oddHar());
    expect(captures).toHaveLength(1);
    const { page, requests, cookies } = captures[0]!;
    expect(page).toMatchObject({
      url: 'https://theatre.example/',
      finalUrl: 'https://theatre.example/',
      title: null,
      capturedAt: '2025-01-01T10:00:00.000Z',
      agent: 'Firefox 140.0 (Firefox)',
      documentFromCache: false,
    });
    expect(requests.map((request) => request.type)).toEqual(['document', 'script', 'beacon', 'image']);
    expect(requests.map((request) => request.bytes)).toEqual([1200, 0, null, 150]);
    expect(requests.map((request) => request.fromCache)).toEqual([false, true, false, false]);
    expect(requests.map((request) => request.startTime)).toEqual([0, 250, 500, null]);
    expect(requests[1]!.initiator).toEqual({ type: 'parser', url: 'https://theatre.example/' });
    expect(requests[2]).toMatchObject({ status: null, error: 'net::ERR_BLOCKED_BY_CLIENT', bytesSource: null });
    expect(requests[3]!.status).toBe(304);
    expect(cookies).toEqual([
      { name: 'sid', domain: 'theatre.example', expires: null, setBy: 'header', beforeInteraction: null },
    ]);
  });

  it('puts entries whose pageref names no page in a capture of their own, and skips empty pages', () => {
    const har = oddHar();
    const log = har.log as { pages?: unknown[]; entries: { pageref?: string }[] };
    log.pages = [
      { id: 'p1', startedDateTime: '2025-01-01T09:59:59.000Z', title: 'Le Théâtre' },
      { id: 'empty', title: 'nothing' },
    ];
    log.entries[0]!.pageref = 'p1';
    log.entries[1]!.pageref = 'p1';
    log.entries[2]!.pageref = 'gone';
    const captures = harToCaptures(har);
    expect(captures.map((capture) => capture.requests.length)).toEqual([2, 2]);
    expect(captures[0]!.page.title).toBe('Le Théâtre');
    expect(captures[0]!.requests[0]!.startTime).toBe(1000);
  });
});

describe('numbers written as text or null by some exporters', () => {
  it('reads "304" as 304 and a null size as unknown', () => {
    const har = oddHar();
    const entries = (har.log as { entries: { response: Record<string, unknown> }[] }).entries;
    entries[3]!.response.status = '304';
    entries[0]!.response.bodySize = '1000';
    entries[3]!.response.headersSize = null;
    const [capture] = harToCaptures(har);
    expect(capture!.requests[3]!.status).toBe(304);
    expect(capture!.requests[0]!.bytes).toBe(1200);
    // bodySize + headersSize with the header size unknown: unknown, as for -1
    expect(capture!.requests[3]!.bytes).toBeNull();
  });
});

describe('bounds', () => {
  it('accepts an inline data: URL longer than a capture URL may be, by cutting it', () => {
    const har = oddHar();
    const entries = (har.log as { entries: { request: { url: string } }[] }).entries;
    entries[3]!.request.url = `data:image/png;base64,${'A'.repeat(100_000)}`;
    const [capture] = harToCaptures(har);
    expect(capture!.requests[3]!.url).toHaveLength(65536);
    expect(capture!.requests[3]!.url.startsWith('data:image/png;base64,AAAA')).toBe(true);
  });
});

describe('malformed HAR files give one clear line', () => {
  const message = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(HarError);
      return (error as Error).message;
    }
    throw new Error('expected a HarError');
  };

  it('not JSON: says where', () => {
    const text = '{\n  "log": {\n    "entries": [},\n  }\n}';
    expect(message(() => parseHarText(text))).toBe('not valid JSON at line 3, column 17: unexpected character "}"');
    expect(message(() => parseHarText('{"log": {"entries": [1,]}}'))).toMatch(/^not valid JSON at line 1, column 24: unexpected character "]"/);
    expect(message(() => parseHarText('{"log": 1} x'))).toMatch(/^not valid JSON at line 1, column 12/);
  });

  it('truncated file', () => {
    const text = JSON.stringify(oddHar(), null, 2);
    expect(message(() => parseHarText(text.slice(0, text.length / 2)))).toMatch(/ends too early \(truncated\?\)/);
  });

  it('empty file', () => {
    expect(message(() => parseHarText('  \n'))).toMatch(/empty/);
  });

  it('JSON but not a HAR', () => {
    expect(message(() => harToCaptures({ hello: 'world' }))).toMatch(/not a HAR file: no "log"/);
    expect(message(() => harToCaptures([1, 2]))).toMatch(/not a HAR file/);
    expect(message(() => harToCaptures({ log: { pages: [] } }))).toMatch(/^invalid HAR: log\.entries: /);
  });

  it('an entry without request.url names the field', () => {
    const har = oddHar();
    const entries = (har.log as { entries: { request: Record<string, unknown> }[] }).entries;
    delete entries[3]!.request.url;
    const text = message(() => harToCaptures(har));
    expect(text).toMatch(/^invalid HAR: log\.entries\.3\.request\.url: /);
    expect(text).not.toContain('\n');
  });

  it('a size of the wrong type names the field', () => {
    const har = oddHar();
    const entries = (har.log as { entries: { response: Record<string, unknown> }[] }).entries;
    entries[1]!.response.bodySize = 'big';
    expect(message(() => harToCaptures(har))).toMatch(/log\.entries\.1\.response\.bodySize/);
  });

  it('a HAR without entries', () => {
    expect(message(() => harToCaptures({ log: { entries: [] } }))).toMatch(/no entries/);
  });

  it('refuses a file above the size limit before parsing', () => {
    const huge = { length: HAR_MAX_BYTES + 1 } as unknown as string;
    expect(message(() => parseHarText(huge))).toMatch(/too large \(over 200 MB\)/);
  });
});
