import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse';
import { PageCapture } from '../../../src/core/capture';
import { ESTIMATED_BYTES, estimateBytes } from '../../../src/core/estimates';
import { Report } from '../../../src/core/report';
import { describeIssues } from '../../../src/core/zod';
import { loadCatalogs } from '../../../src/data/index';
import { catalogs as messages } from '../../../src/i18n/index';
import { capture, req } from './support/captures';

const catalogs = loadCatalogs();
const options = { toolVersion: '0.0.0-test' };

describe('analyse edge cases', () => {
  it('an empty capture: 0 bytes, fully measured, CO2 0, and a note', () => {
    const report = analyse(capture('https://www.theatre.fr/', []), catalogs, options);
    expect(Report.safeParse(report).success).toBe(true);
    expect(report.footprint).toMatchObject({ bytes: 0, requests: 0, bytesMeasuredShare: 1, bySource: {} });
    expect(report.footprint.co2.grams).toBe(0);
    expect(report.notes).toEqual([{ key: 'note.requests.none', params: {} }]);
  });

  it('a page from the cache, opened by a soft navigation', () => {
    const page = capture('https://www.theatre.fr/agenda', [req('https://www.theatre.fr/api/agenda', 'fetch', 3_000)], {
      page: { documentFromCache: true, softNavigation: true },
    });
    const report = analyse(page, catalogs, options);
    expect(report.notes.map((note) => note.key)).toEqual(['note.document.fromCache', 'note.navigation.soft']);
    expect(report.page.softNavigation).toBe(true);
  });

  it('a page served from an IP or localhost has no site, and its own host is first party', () => {
    const page = capture('http://localhost:8080/', [
      req('http://localhost:8080/', 'document', 1_000),
      req('http://localhost:3000/app.js', 'script', 2_000),
      req('https://fonts.googleapis.com/css2?family=Inter', 'stylesheet', 900),
    ]);
    const report = analyse(page, catalogs, options);
    expect(report.page.site).toBeNull();
    expect(report.footprint.byParty).toEqual({ first: { requests: 2, bytes: 3_000 }, third: { requests: 1, bytes: 900 } });
    expect(report.thirdParties.map((party) => party.domain)).toEqual(['fonts.googleapis.com']);
  });

  it('a third-party IP host is grouped under the IP itself', () => {
    const page = capture('https://www.theatre.fr/', [req('http://203.0.113.7/pixel.gif', 'image', 43)]);
    expect(analyse(page, catalogs, options).thirdParties[0]).toMatchObject({ domain: '203.0.113.7', hosts: ['203.0.113.7'], entity: null });
  });

  it('a byte count from the capturer is kept even when it says it estimated it', () => {
    const page = capture('https://www.theatre.fr/', [req('https://www.theatre.fr/', 'document', 10_000, { bytesSource: 'estimated' })]);
    const report = analyse(page, catalogs, options);
    expect(report.footprint).toMatchObject({ bytes: 10_000, bytesMeasuredShare: 0, bySource: { estimated: 10_000 } });
  });

  it('a domain whose hosts belong to several entities is named after the one with most requests', () => {
    const page = capture('https://www.theatre.fr/', [
      req('https://maps.google.com/maps/api/js', 'script', 50_000),
      req('https://www.google.com/recaptcha/api.js', 'script', 1_000),
      req('https://maps.google.com/maps/vt?x=1', 'image', 9_000),
    ]);
    expect(analyse(page, catalogs, options).thirdParties).toMatchObject([
      { domain: 'google.com', hosts: ['maps.google.com', 'www.google.com'], entity: 'Google Maps', category: 'utility', requests: 3, bytes: 60_000 },
    ]);
  });

  it('analyses 3,000 requests, each counted once', () => {
    // Speed is measured by `npm run bench` (docs/benchmarks.md), never asserted in tests.
    const requests = Array.from({ length: 3000 }, (_, i) =>
      req(`https://cdn${i % 60}.host${i % 300}.example${i % 9}.com/asset/${i}.js`, i % 2 ? 'script' : 'image', i % 5 ? 1_000 + i : null),
    );
    const report = analyse(capture('https://www.theatre.fr/', requests), catalogs, options);
    expect(report.footprint.requests).toBe(3000);
    expect(report.thirdParties.reduce((sum, party) => sum + party.requests, 0)).toBe(3000);
  });
});

describe('a page of 10,000 requests with every unusual kind of URL', () => {
  it('gives a correct report with its plan: every network request counted once, inline data not at all', () => {
    const odd = [
      'data:image/png;base64,AAAA',
      'blob:https://www.theatre.fr/6f1c-22',
      'https://93.184.216.34/pixel.gif',
      'https://[2001:db8::1]:8443/a.js',
      'https://xn--thtre-bsa6b.fr/affiche.jpg',
      'https://théâtre-idn.fr/b.js',
      'http://localhost:3000/dev.js',
      'https://www.theatre.fr:8443/port.css',
      'https://connect.facebook.net/en_US/fbevents.js',
      'https://www.googletagmanager.com/gtm.js?id=GTM-X',
    ];
    const requests = Array.from({ length: 10_000 }, (_, i) =>
      req(i < odd.length ? odd[i]! : `https://cdn${i % 70}.host${i % 400}.example${i % 11}.org/x/${i}.js`, i % 3 ? 'script' : 'image', 500 + (i % 97)),
    );
    const report = analyse(capture('https://www.theatre.fr/', requests), catalogs, options);
    expect(Report.safeParse(report).success).toBe(true);
    const inline = 2; // data: and blob: are not network requests
    expect(report.footprint.requests).toBe(10_000 - inline);
    const firstParty = requests.filter((r) => /^https:\/\/www\.theatre\.fr[:/]/.test(r.url)).length;
    expect(report.thirdParties.reduce((sum, party) => sum + party.requests, 0)).toBe(10_000 - inline - firstParty);
    expect(report.thirdParties.map((party) => party.domain)).toEqual(
      expect.arrayContaining(['93.184.216.34', '[2001:db8::1]', 'xn--thtre-bsa6b.fr', 'localhost', 'facebook.net']),
    );
    expect(report.plan?.[0]).toBeDefined();
  });
});

describe('byte estimates', () => {
  it('derive script and image sizes from the Web Almanac 2025 medians (KB = 1,024 bytes)', () => {
    expect(estimateBytes('script')).toBe(31_521);
    expect(estimateBytes('image')).toBe(77_385);
    expect(ESTIMATED_BYTES.script.basis).toBe('web-almanac-2025');
  });

  it('give every resource type a positive figure', () => {
    for (const estimate of Object.values(ESTIMATED_BYTES)) expect(estimate.bytes).toBeGreaterThan(0);
  });
});

describe('PageCapture validation', () => {
  const valid = capture('https://www.theatre.fr/', [req('https://www.theatre.fr/', 'document', 1_000)]);

  it('accepts a well-formed capture', () => {
    expect(PageCapture.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a negative byte count', { ...valid, requests: [{ ...valid.requests[0]!, bytes: -5 }] }, /^requests\.0\.bytes: /],
    ['an unknown resource type', { ...valid, requests: [{ ...valid.requests[0]!, type: 'iframe' }] }, /^requests\.0\.type: /],
    ['an unknown capture method', { ...valid, page: { ...valid.page, method: 'magic' } }, /^page\.method: /],
    ['an unexpected field', { ...valid, extra: true }, /^\(root\): .*extra/],
    ['a future schema version', { ...valid, schemaVersion: 2 }, /^schemaVersion: /],
  ])('rejects %s with a message naming the field', (_name, input, message) => {
    const result = PageCapture.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(message);
  });
});

describe('note keys', () => {
  it('every note analyse() can emit has a French and an English text', () => {
    const source = readFileSync('src/core/notes.ts', 'utf8');
    const keys = [...source.matchAll(/note\('(note\.[\w.]+)'/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const key of keys) {
      expect(messages.fr[key], `fr ${key}`).toBeTruthy();
      expect(messages.en[key], `en ${key}`).toBeTruthy();
    }
  });
});
