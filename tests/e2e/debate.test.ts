// The debate sheet (debate.html) in real Chromium: it loads nothing but the
// document itself, axe-core finds no violation in French and English, and its
// print rendering fits on one A4 page — for a heavy real page (zdnet.com, with
// a DOM count so that every question has findings, and the plan the core computes).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Lang } from '../../src/i18n/index';
import { renderDebateHtml } from '../../src/ui/debate-html';
import type { Report, Widget } from '../../src/core/report';
import { probedReport, step, withPlan } from '../unit/debate/support';
import { axeViolations } from './support/axe';
import { chromiumArgs, chromiumPath } from './support/chromium';
import { startSiteServer } from '../../src/cli/site-server';
import { launchWithExtension, openExtensionPage, openGradedTab, waitFor } from './support/extension';

const report = probedReport('www.zdnet.com.har', { telLinks: ['tel:+33142000000'] }, { title: 'Théâtre de la Lune — saison 2026-2027, concerts, spectacles et ateliers pour tous les publics' });
const sheets: Record<Lang, string> = { fr: renderDebateHtml(report, 'fr'), en: renderDebateHtml(report, 'en') };

/** The longest sheet the facts allow: every skill kind with several services, four AI services, three decisions everywhere. */
function crowded(): Report {
  const widget = (id: string, kind: string, ai: Widget['ai']): Widget => ({
    id, name: `Service ${id} with a rather long commercial name`, vendor: 'Vendor', kind, ai, organisation: 'Some Organisation', parent: 'Some Parent Holding', country: 'US', evidence: [],
  });
  const widgets = [
    ...['ticketing', 'newsletter', 'chat', 'video', 'map', 'social', 'font'].flatMap((kind) => [1, 2, 3].map((n) => widget(`${kind}${n}`, kind, 'none'))),
    ...[1, 2, 3, 4].map((n) => widget(`ai${n}`, 'chat', 'llm')),
  ];
  const actions = ['remove-tracker', 'facade-embed', 'self-host-fonts', 'static-map', 'remove-ai-widget', 'defer-chat'] as const;
  const steps = actions.flatMap((action) => [1, 2, 3].map((n) => step(report, action, `a-rather-long-target-name-${n}`, 1000 * n, 'D')));
  return withPlan({ ...report, widgets }, steps);
}

let server: Server;
let origin: string;
let browser: Browser;
beforeAll(async () => {
  server = createServer((request, response) => {
    const lang: Lang = request.url?.startsWith('/en') ? 'en' : 'fr';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(request.url?.includes('crowded') ? renderDebateHtml(crowded(), lang) : sheets[lang]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe('debate sheet in Chromium', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: only the document is requested, axe is clean (light and dark), and it prints on one A4 page`, async () => {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${origin}/${lang}/debate.html`, { waitUntil: 'load' });
      expect(requests).toEqual([`${origin}/${lang}/debate.html`]);
      expect(await page.locator('h2').count()).toBe(6);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);

      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page)).toEqual([]);

      // the printed height first, for a readable failure
      expect(await printedHeightMm(page)).toBeLessThanOrEqual(279);
      expect(await printedPages(page)).toBe(1);
      await page.close();
    });
  }
});

/** The printed height: A4 less the @page margins is 188 × 279 mm. */
async function printedHeightMm(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.setViewportSize({ width: Math.round((188 * 96) / 25.4), height: 800 });
  return ((await page.evaluate(() => document.documentElement.scrollHeight)) * 25.4) / 96;
}

async function printedPages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('debate sheet at its longest', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: still prints on one A4 page`, async () => {
      const page = await browser.newPage();
      await page.goto(`${origin}/${lang}/crowded/debate.html`, { waitUntil: 'load' });
      expect(await page.locator('ul.decisions li').count()).toBeGreaterThanOrEqual(16);
      expect(await printedHeightMm(page)).toBeLessThanOrEqual(279);
      expect(await printedPages(page)).toBe(1);
      await page.close();
    });
  }
});

describe('plan line and debate sheet in the built extension (demo venue)', () => {
  it('the popup shows the plan line linking to the plan; the report page shows the plan and exports the debate sheet; axe is clean', async () => {
    const site = await startSiteServer({ root: 'demo/site' });
    const ext = await launchWithExtension(site.port, { locale: 'fr' });
    try {
      const home = 'https://www.theatre-de-la-lune.fr/';
      const { tabId } = await openGradedTab(ext, home);

      const popup = await openExtensionPage(ext, `popup.html?tab=${tabId}`);
      const link = popup.locator('[data-test="plan-link"]');
      await link.waitFor({ timeout: 15_000 });
      const line = ((await link.textContent()) ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
      expect(line).toMatch(/^Plan d’action : (Un|Deux|Trois) changements? : [A-E] → [A-E], [−+±][\d,]+ (o|ko|Mo)$/);
      expect(await axeViolations(popup)).toEqual([]);
      const href = await link.getAttribute('href');
      expect(href).toBe(`report.html?tab=${tabId}#plan`);

      const report = await ext.context.newPage();
      await report.setViewportSize({ width: 1000, height: 700 });
      await report.goto(`chrome-extension://${ext.extensionId}/${href}`);
      await report.locator('body[data-state="ready"]').waitFor({ timeout: 15_000 });
      const plan = report.locator('section[data-test="plan"]');
      await plan.locator('[data-test="plan-step"]').first().waitFor({ timeout: 15_000 });
      // the fragment brought the plan into view, inside the components' shadow roots
      await waitFor(() => plan.evaluate((el) => Math.round(el.getBoundingClientRect().top)), (top) => top >= 0 && top < 100, 5_000, 'the plan in view');

      expect(await axeViolations(report)).toEqual([]);

      const [download] = await Promise.all([report.waitForEvent('download'), report.locator('button[data-export="debate"]').click()]);
      expect(download.suggestedFilename()).toMatch(/^empreinte-theatre-de-la-lune\.fr-\d{4}-\d{2}-\d{2}-fiche-debat\.html$/);
      const sheet = await readFile(await download.path(), 'utf8');
      expect(sheet).toContain('<h1>Fiche débat');
      expect(sheet).toContain('Peut-on nous joindre sans écran');
    } finally {
      await ext.close();
      await site.close();
    }
  });
});
