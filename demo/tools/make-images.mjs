// Renders the demo site's photos and posters (JPEG) with the system Chromium,
// so that the repository holds no image of unknown origin. Run once:
//   node demo/tools/make-images.mjs
// The committed images are its output; rerun only to change them.
/* global process */
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '../site/www.theatre-de-la-lune.fr/images');
const thumbs = join(here, '../site/i.ytimg.com/vi/Lune2026aZ8');

const poster = (title, subtitle, a, b) => `
  <body style="margin:0;width:600px;height:800px;background:radial-gradient(circle at 30% 25%, ${a}, ${b});
    font-family:serif;color:#fff;display:flex;flex-direction:column;justify-content:flex-end;padding:48px;box-sizing:border-box">
    <div style="position:absolute;right:60px;top:60px;width:180px;height:180px;border-radius:50%;background:#f5d76e;box-shadow:-40px 20px 0 0 ${a} inset"></div>
    <div style="font-size:64px;font-weight:bold;line-height:1">${title}</div>
    <div style="font-size:28px;margin-top:16px">${subtitle}</div>
    <div style="font-size:20px;margin-top:32px;letter-spacing:4px">THÉÂTRE DE LA LUNE</div>
  </body>`;

const hall = `
  <body style="margin:0;width:1200px;height:500px;background:linear-gradient(#3a1020 0%, #7a1f35 55%, #2b0d18 100%);overflow:hidden">
    ${Array.from({ length: 9 }, (_, row) =>
      Array.from({ length: 24 }, (_, seat) =>
        `<div style="position:absolute;left:${seat * 50 + (row % 2) * 25}px;top:${260 + row * 26}px;width:40px;height:22px;border-radius:8px 8px 2px 2px;background:#9c2a44"></div>`,
      ).join(''),
    ).join('')}
    <div style="position:absolute;left:300px;top:40px;width:600px;height:180px;background:radial-gradient(ellipse at center,#ffe9a8,#b8860b 70%,#3a1020)"></div>
  </body>`;

const browser = await chromium.launch({ executablePath: process.env.EMPREINTE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const shoot = async (html, width, height, file, quality) => {
    await page.setViewportSize({ width, height });
    await page.setContent(html);
    await mkdir(dirname(file), { recursive: true });
    await page.screenshot({ path: file, type: 'jpeg', quality });
  };
  await shoot(hall, 1200, 500, join(out, 'salle.jpg'), 70);
  await shoot(poster('La Tempête', "d'après Shakespeare", '#1f4e79', '#0b1a2b'), 600, 800, join(out, 'affiche-tempete.jpg'), 68);
  await shoot(poster('Marelle', 'danse, dès 6 ans', '#e07a5f', '#3d1f1a'), 600, 800, join(out, 'affiche-marelle.jpg'), 68);
  await shoot(poster('Les Nocturnes', 'quatuor à cordes', '#3d405b', '#111'), 600, 800, join(out, 'affiche-nocturnes.jpg'), 68);
  await shoot(poster('Cabaret lunaire', 'cirque et chanson', '#81b29a', '#1b2e25'), 600, 800, join(out, 'affiche-cabaret.jpg'), 68);
  await shoot(poster('Saison 26-27', 'bande-annonce', '#6d597a', '#1d1b3a').replace('600px;height:800px', '480px;height:360px'), 480, 360, join(thumbs, 'hqdefault.jpg'), 70);
} finally {
  await browser.close();
}
