// The DOM probe (dist/probe.js, as the CLI injects it) in real Chromium, on a
// page served over HTTP so that cookies and localStorage are real.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameObservation } from '../../src/collect/probe';
import { DomObservation } from '../../src/core/capture';
import { findAccess } from '../../src/core/dependencies/access';
import { chromiumArgs, chromiumPath } from './support/chromium';

const html = `<!doctype html>
<html lang="fr"><head>
<title>Théâtre de la Cité — Saison 2025</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"PerformingArtsTheater","name":"Théâtre de la Cité",
 "telephone":"+33 4 78 12 34 56",
 "address":{"@type":"PostalAddress","streetAddress":"12 rue des Lilas","postalCode":"69003","addressLocality":"Lyon"},
 "openingHoursSpecification":[{"@type":"OpeningHoursSpecification","dayOfWeek":"https://schema.org/Tuesday","opens":"13:00","closes":"19:00"}],
 "event":{"@type":"Event","name":"Le Misanthrope"}}
</script>
<script src="/app.js"></script>
<script>
  window.Intercom = function () {};
  window.google = { translate: { TranslateElement: function () {} } };
  document.cookie = 'axeptio_cookies=%7B%7D; path=/';
  localStorage.setItem('uc_settings', '{}');
</script>
</head><body>
<header><h1>Théâtre de la Cité</h1>
<svg width="10" height="10"><g><circle r="1"></circle><rect></rect></g></svg></header>
<main>
  <p>Samedi 12 octobre à 20h30 — Le Misanthrope</p>
  <img src="/a.png" alt=""><img src="/b.png" alt="">
  <video autoplay muted></video>
  <iframe src="/embed.html" title="plan"></iframe>
  <div id="tarteaucitronRoot"></div>
  <div id="Weglot">not a script global, only an element id</div>
</main>
<footer>
  <p>Accueil-billetterie : du mardi au samedi de 13 h à 19 h</p>
  <p>12 rue des Lilas<br>69003 Lyon</p>
  <p><a href="tel:+33478123456">04 78 12 34 56</a></p>
  <p itemscope itemtype="https://schema.org/Organization"><span itemprop="telephone">04 78 00 00 00</span></p>
</footer>
</body></html>`;

/** A 40×20 24-bit BMP: a raster image any Chromium decodes, built here rather than shipped. */
function bmp(width: number, height: number): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const file = Buffer.alloc(54 + row * height, 0x80);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  file.writeUInt32LE(0, 30);
  file.writeUInt32LE(row * height, 34);
  return file;
}

/** Any font file of the system (Chromium needs some to run): the page loads it as a web font. */
function systemFont(): Buffer {
  const walk = (dir: string): string | null => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        const found = walk(path);
        if (found) return found;
      } else if (/\.(ttf|otf)$/i.test(name)) return path;
    }
    return null;
  };
  const path = walk('/usr/share/fonts');
  if (!path) throw new Error('no .ttf or .otf font under /usr/share/fonts for the web font test');
  return readFileSync(path);
}

const rgesnHtml = `<!doctype html>
<html><head><title>RGESN</title>
<style>
  @font-face { font-family: "Maison Test"; src: url(/maison.ttf); font-weight: 700; font-style: italic; }
  p { font-family: "Maison Test"; font-weight: 700; font-style: italic; }
</style></head><body>
<p>Texte en Maison</p>
<img id="big" src="/photo.bmp" width="20" height="10" alt="">
<picture><img id="pic" src="/photo.bmp?2" style="width:40px;height:20px" alt=""></picture>
<img src="/photo.bmp?3" style="display:none" alt="">
<img src="/broken.png" alt="">
<img src="/icon.svg" width="10" height="10" alt="">
<div style="height:5000px"></div>
<img loading="lazy" src="/photo.bmp?4" alt="">
</body></html>`;

let server: Server;
let browser: Browser;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/rgesn') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(rgesnHtml);
    } else if (request.url?.startsWith('/photo.bmp')) {
      response.writeHead(200, { 'content-type': 'image/bmp' });
      response.end(bmp(40, 20));
    } else if (request.url === '/maison.ttf') {
      response.writeHead(200, { 'content-type': 'font/ttf' });
      response.end(systemFont());
    } else if (request.url === '/icon.svg') {
      response.writeHead(200, { 'content-type': 'image/svg+xml' });
      response.end('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'sid=1; Path=/' });
      response.end(html);
    } else if (request.url === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end('/* app */');
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<p>embed</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('dist/probe.js in Chromium', () => {
  it('reports every field of a real page', async () => {
    const probe = readFileSync(join(__dirname, '../../dist/probe.js'), 'utf8');
    const page = await browser.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.evaluate(probe);
    const options = {
      globals: ['Intercom', 'google.translate.TranslateElement', 'Weglot', 'Didomi'],
      markers: [
        { id: '#tarteaucitronRoot', selector: '#tarteaucitronRoot' },
        { id: '#didomi-host', selector: '#didomi-host' },
        { id: 'broken', selector: '[[[' },
      ],
      firstInteractionAt: 1234.5,
    };
    const observed = (await page.evaluate(
      `globalThis.__empreinteProbe(${JSON.stringify(options)})`,
    )) as FrameObservation;
    await page.close();

    // html head title 3×script body header h1 svg | main p 2×img video iframe 2×div | footer 4×p br a span:
    // 26 — the svg's g, circle and rect (3) are not counted (EcoIndex method)
    expect(observed.elements).toBe(26);
    expect(observed.title).toBe('Théâtre de la Cité — Saison 2025');
    expect(observed.iframes).toEqual([`${origin}/embed.html`]);
    expect(observed.scripts).toEqual([`${origin}/app.js`]);
    // an element whose id is "Weglot" is not Weglot's script
    expect(observed.globals).toEqual(['Intercom', 'google.translate.TranslateElement']);
    expect(observed.markers).toEqual(['#tarteaucitronRoot']);
    expect(observed.fonts).toEqual([]);
    expect(observed.images).toBe(2);
    expect(observed.autoplayMedia).toBe(1);
    expect(observed.structuredData).toEqual(['PerformingArtsTheater', 'Event', 'OpeningHoursSpecification', 'PostalAddress', 'Organization']);
    expect(observed.telLinks).toEqual(['tel:+33478123456']);
    expect(observed.contactData).toEqual({
      telephones: ['+33 4 78 12 34 56', '04 78 00 00 00'],
      addresses: ['12 rue des Lilas 69003 Lyon'],
      openingHours: ['Tuesday 13:00 19:00'],
    });
    expect(observed.text).toContain('Accueil-billetterie : du mardi au samedi de 13 h à 19 h');
    expect(observed.text).not.toContain('PerformingArtsTheater');
    expect(observed.cookieNames).toEqual(['sid', 'axeptio_cookies']);
    expect(observed.storageKeys).toEqual(['uc_settings']);
    expect(observed.firstInteractionAt).toBe(1234.5);
    // a.png and b.png are not images (the server answers HTML): nothing to size
    expect(observed.imageDetails).toEqual([]);
    expect(observed.devicePixelRatio).toBe(1);
    expect(observed.fontFaces).toEqual([]);

    // what the core makes of it
    const { firstInteractionAt, ...rest } = observed;
    const dom = DomObservation.parse({ ...rest, firstInteractionAt, framesCounted: 1 });
    const access = findAccess(dom);
    expect(access?.phone.evidence).toEqual(['tel:+33478123456', '+33 4 78 12 34 56', '04 78 00 00 00', '04 78 12 34 56']);
    expect(access?.address.evidence).toEqual(['12 rue des Lilas 69003 Lyon']);
    expect(access?.openingHours.evidence).toEqual([
      'Tuesday 13:00 19:00',
      'Accueil-billetterie : du mardi au samedi de 13 h à 19 h',
    ]);
  });

  it('reports the sizes of the raster images shown and the loaded font faces (RGESN 6.4, 4.8)', async () => {
    const probe = readFileSync(join(__dirname, '../../dist/probe.js'), 'utf8');
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    await page.goto(`${origin}/rgesn`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.evaluate(probe);
    const observed = (await page.evaluate('globalThis.__empreinteProbe({})')) as FrameObservation;
    await page.close();

    // hidden, broken, SVG and not-yet-loaded lazy images are left out
    expect(observed.imageDetails).toEqual([
      { src: `${origin}/photo.bmp`, naturalWidth: 40, naturalHeight: 20, renderedWidth: 20, renderedHeight: 10, srcset: false },
      { src: `${origin}/photo.bmp?2`, naturalWidth: 40, naturalHeight: 20, renderedWidth: 40, renderedHeight: 20, srcset: true },
    ]);
    expect(observed.devicePixelRatio).toBe(2);
    expect(observed.fontFaces).toEqual(['Maison Test 700 italic']);
    expect(observed.fonts).toEqual(['Maison Test']);
    const { firstInteractionAt, ...rest } = observed;
    expect(() => DomObservation.parse({ ...rest, firstInteractionAt, framesCounted: 1 })).not.toThrow();
  });
});
