import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse';
import type { CapturedRequest, DomObservation, PageCapture } from '../../../src/core/capture';
import type { RgesnCheck } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';
import { catalogs as messages } from '../../../src/i18n/index';
import { capture, dom, req } from '../core/support/captures';

const catalogs = loadCatalogs();
const site = 'https://www.theatre.fr/';
const cached = { contentEncoding: 'gzip', cacheControl: 'public, max-age=3600', expires: null };

function checks(requests: CapturedRequest[], domOverrides: Partial<DomObservation> | null = {}, extra: Partial<PageCapture> = {}): RgesnCheck[] {
  const page = capture(site, requests, { dom: domOverrides === null ? null : { ...dom(300), ...domOverrides } });
  return analyse({ ...page, ...extra }, catalogs, { toolVersion: 'test' }).rgesn!;
}
const check = (list: RgesnCheck[], id: string) => list.find((item) => item.id === id)!;
const doc = (overrides: Partial<CapturedRequest> = {}) =>
  req(site, 'document', 20_000, { mimeType: 'text/html', protocol: 'h2', headers: cached, ...overrides });

describe('RGESN checks', () => {
  it('lists every criterion once, in order, with French and English texts for each key', () => {
    const list = checks([doc()]);
    expect(list.map((item) => item.id)).toEqual(['2.10', '4.1', '4.4', '4.8', '5.1', '6.1', '6.2', '6.3', '6.4', '6.7']);
    for (const item of list) {
      expect(messages.fr[item.measured.key], item.measured.key).toBeTruthy();
      expect(messages.en[item.measured.key], item.measured.key).toBeTruthy();
      expect(messages.fr[`rgesn.${item.id}.title`]).toBeTruthy();
      expect(item.evidence.length).toBeLessThanOrEqual(10);
    }
  });

  it('4.1 autoplay: fails on autoplaying media or an autoplay=1 player, passes otherwise', () => {
    expect(check(checks([doc()]), '4.1').status).toBe('pass');
    expect(check(checks([doc()], { autoplayMedia: 1 }), '4.1').status).toBe('fail');
    const player = check(checks([doc()], { iframes: ['https://www.youtube.com/embed/x?autoplay=1&mute=1'] }), '4.1');
    expect(player).toMatchObject({ status: 'fail', measured: { params: { media: 0, iframes: 1 } } });
    expect(player.evidence).toEqual(['iframe:https://www.youtube.com/embed/x?autoplay=1&mute=1']);
    expect(check(checks([doc()], null), '4.1')).toMatchObject({ status: 'unknown', measured: { key: 'rgesn.4.1.unknown' } });
  });

  it('4.8 fonts: 2 families and 4 variants pass, more fail unless under 400 kB', () => {
    const font = (name: string, bytes: number) => req(`${site}fonts/${name}.woff2`, 'font', bytes);
    const few = ['Inter 400 normal', 'Inter 700 normal', 'Open Sans 400 italic'];
    expect(check(checks([doc(), font('a', 300_000), font('b', 300_000)], { fontFaces: few }), '4.8')).toMatchObject({
      status: 'pass',
      measured: { params: { families: 2, variants: 3, kb: 600 } },
    });
    const many = ['A 400 normal', 'B 400 normal', 'C 400 normal'];
    expect(check(checks([doc(), font('a', 300_000), font('b', 300_000)], { fontFaces: many }), '4.8').status).toBe('fail');
    expect(check(checks([doc(), font('a', 100_000)], { fontFaces: many }), '4.8').status).toBe('pass');
    // without fontFaces: the families the probe listed and one variant per file
    const files = ['a', 'b', 'c', 'd', 'e'].map((name) => font(name, 100_000));
    expect(check(checks([doc(), ...files], { fonts: ['Inter'] }), '4.8')).toMatchObject({
      status: 'fail',
      measured: { params: { families: 1, variants: 5, kb: 500 } },
    });
    // no DOM (HAR): decided on bytes, or on more than 4 files, else unknown
    expect(check(checks([doc(), ...files], null), '4.8')).toMatchObject({ status: 'fail', measured: { key: 'rgesn.4.8.measuredFiles' } });
    expect(check(checks([doc(), font('a', 500_000)], null), '4.8').measured.key).toBe('rgesn.4.8.unknown');
    expect(check(checks([doc()], null), '4.8').status).toBe('pass');
  });

  it('5.1 image formats: over 75 % of raster images in WebP/AVIF/JPEG XL; SVG and tracker pixels left out', () => {
    const image = (name: string, mimeType: string | null) => req(`${site}img/${name}`, 'image', 10_000, { mimeType });
    const modern = [image('a', 'image/webp'), image('b', 'image/avif'), image('c.jxl', null), image('d.webp', null)];
    const pixel = req('https://www.facebook.com/tr?id=1', 'image', 40, { mimeType: 'image/gif' });
    expect(check(checks([doc(), ...modern, image('logo.svg', 'image/svg+xml'), pixel]), '5.1')).toMatchObject({
      status: 'pass',
      measured: { params: { modern: 4, total: 4, percent: 100 } },
    });
    const failing = check(checks([doc(), ...modern.slice(0, 3), image('e.jpg', 'image/jpeg')]), '5.1');
    expect(failing).toMatchObject({ status: 'fail', measured: { params: { modern: 3, total: 4, percent: 75 } } });
    expect(failing.evidence).toEqual([`${site}img/e.jpg`]);
    expect(check(checks([doc(), image('logo.svg', 'image/svg+xml')]), '5.1').status).toBe('not-applicable');
    // a cache hit is still an image of the page; a failed one is not
    const fromCache = req(`${site}img/g.png`, 'image', 0, { mimeType: 'image/png', fromCache: true });
    const failed = req(`${site}img/h.png`, 'image', null, { mimeType: 'image/png', status: null, error: 'net::ERR_FAILED' });
    expect(check(checks([doc(), fromCache, failed]), '5.1')).toMatchObject({ status: 'fail', measured: { params: { total: 1 } } });
  });

  it('6.2 caching headers: every first-party static resource needs a reusable lifetime', () => {
    const res = (path: string, headers: CapturedRequest['headers'], type: CapturedRequest['type'] = 'script') =>
      req(`${site}${path}`, type, 5_000, { headers });
    expect(check(checks([doc(), res('a.js', cached), res('b.css', { contentEncoding: null, cacheControl: null, expires: 'Thu, 01 Dec 2030 16:00:00 GMT' }, 'stylesheet')]), '6.2').status).toBe('pass');
    const fail = check(checks([doc(), res('a.js', cached), res('b.js', { contentEncoding: null, cacheControl: 'no-store', expires: null }), res('c.png?v=2', { contentEncoding: null, cacheControl: null, expires: null }, 'image')]), '6.2');
    expect(fail).toMatchObject({ status: 'fail', measured: { params: { cached: 1, total: 3 } } });
    expect(fail.evidence).toEqual([`${site}b.js`, `${site}c.png`]);
    // a third party's headers are not the site's to fix
    expect(check(checks([doc(), req('https://cdn.other.example/x.js', 'script', 5_000, { headers: { contentEncoding: null, cacheControl: null, expires: null } })]), '6.2').status).toBe('not-applicable');
    // no headers recorded at all (a HAR without them, Chrome passive before issue 4): cannot tell
    expect(check(checks([doc(), req(`${site}a.js`, 'script', 5_000)]), '6.2').measured.key).toBe('rgesn.6.2.unknown');
  });

  it('6.3 compression: compressible first-party responses of 1 kB or more, br/gzip/zstd', () => {
    const text = (path: string, mimeType: string, encoding: string | null, bytes = 5_000) =>
      req(`${site}${path}`, 'script', bytes, { mimeType, headers: { contentEncoding: encoding, cacheControl: 'max-age=60', expires: null } });
    expect(check(checks([doc(), text('a.js', 'text/javascript', 'br'), text('d.json', 'application/json', 'zstd'), text('tiny.js', 'text/javascript', null, 500), text('p.png', 'image/png', null)]), '6.3')).toMatchObject({
      status: 'pass',
      measured: { params: { compressed: 3, total: 3 } },
    });
    const fail = check(checks([doc(), text('icons.svg', 'image/svg+xml', null)]), '6.3');
    expect(fail).toMatchObject({ status: 'fail', evidence: [`${site}icons.svg`] });
    expect(check(checks([doc({ bytes: 800 })]), '6.3').status).toBe('not-applicable');
  });

  it('6.4 image sizes: natural size against rendered size × devicePixelRatio, 1.5 tolerance', () => {
    const image = (src: string, natural: [number, number], rendered: [number, number]) => ({
      src,
      naturalWidth: natural[0],
      naturalHeight: natural[1],
      renderedWidth: rendered[0],
      renderedHeight: rendered[1],
      srcset: false,
    });
    const fine = [image(`${site}a.jpg`, [800, 600], [400, 300]), image(`${site}b.jpg`, [2000, 500], [400, 400])];
    expect(check(checks([doc()], { imageDetails: fine, devicePixelRatio: 2 }), '6.4')).toMatchObject({ status: 'pass', measured: { params: { total: 2, dpr: 2 } } });
    const fail = check(checks([doc()], { imageDetails: fine, devicePixelRatio: 1 }), '6.4');
    expect(fail).toMatchObject({ status: 'fail', measured: { params: { oversized: 1 } } });
    expect(fail.evidence).toEqual([`${site}a.jpg (800×600 → 400×300)`]);
    expect(check(checks([doc()], { imageDetails: [] }), '6.4').status).toBe('not-applicable');
    expect(check(checks([doc()]), '6.4').measured.key).toBe('rgesn.6.4.unknown');
  });

  it('6.7 protocol: HTTP/2+ everywhere and one host for the site’s static files', () => {
    const asset = (url: string, protocol: string | null, type: CapturedRequest['type'] = 'script') => req(url, type, 1_000, { protocol });
    expect(check(checks([doc(), asset(`${site}a.js`, 'h3'), asset('https://cdn.other.example/x.js', 'h2')]), '6.7').status).toBe('pass');
    const old = check(checks([doc(), asset(`${site}a.js`, 'http/1.1')]), '6.7');
    expect(old).toMatchObject({ status: 'fail', measured: { params: { legacy: 1, total: 2, hosts: 1 } }, evidence: ['www.theatre.fr (http/1.1)'] });
    const split = check(checks([doc(), asset(`${site}a.js`, 'h2'), asset('https://static.theatre.fr/b.css', 'h2', 'stylesheet')]), '6.7');
    expect(split).toMatchObject({ status: 'fail', evidence: ['static:static.theatre.fr', 'static:www.theatre.fr'] });
    expect(check(checks([doc({ protocol: null }), asset(`${site}a.js`, null)]), '6.7').measured.key).toBe('rgesn.6.7.unknown');
  });

  it('indicators: 6.1 against the default budget, 4.4 third parties before interaction, 2.10 services in use', () => {
    const list = checks([doc(), req('https://cdn.other.example/x.js', 'script', 5_000, { startTime: 500 }), req('https://www.google-analytics.com/g/collect?v=2', 'beacon', 100, { startTime: 5_000 })], {
      firstInteractionAt: 1_000,
    });
    expect(check(list, '6.1')).toMatchObject({ status: 'indicator', measured: { params: { kb: 25, requests: 3, budgetKb: 1000, budgetRequests: 40 } } });
    expect(check(list, '4.4')).toMatchObject({ status: 'indicator', measured: { params: { count: 1, total: 2 } }, evidence: ['other.example'] });
    expect(check(list, '2.10')).toMatchObject({ status: 'indicator', measured: { params: { count: 2 } } });
    expect(check(list, '2.10').evidence).toEqual(['other.example', 'Google Analytics (google-analytics.com)']);
    expect(check(checks([doc(), req('https://cdn.other.example/x.js', 'script', 5_000)], null), '4.4').measured.key).toBe('rgesn.4.4.unknown');
  });
});
