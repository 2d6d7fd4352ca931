// The full report page (report.html?tab=ID) of the built extension in real
// Chromium: on the demo venue site it shows the grades, the companies, the AI
// widgets, the trackers before interaction and the recommendations the report
// holds, axe finds nothing, and its exports work (HTML, CSV, HAR opened again
// in report.html?har); on a hostile page whose title, URLs and cookie names
// carry HTML payloads, neither the report page nor the exported HTML runs them.
// The standalone HTML export, opened from a file, asks for nothing but itself
// and passes axe in French and English, light and dark.
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import { t } from '../../src/i18n/index';
import { analyse } from '../../src/core/analyse';
import { loadCatalogs } from '../../src/data/index';
import type { PageCapture } from '../../src/core/capture';
import { renderReportHtml } from '../../src/ui/html-report';
import { harToCaptures } from '../../src/collect/har';
import { chromiumArgs, chromiumPath } from './support/chromium';
import { axeViolations, runAxe } from './support/axe';
import { exportedFile, launchWithExtension, openExtensionPage, openTabReport, settledTabState, tabIdOf } from './support/extension';

const HOME = 'https://www.theatre-de-la-lune.fr/';
const HOSTILE = 'https://www.salle-hostile.fr/?q=<img src=x onerror=window.__pwned=11>';

let server: SiteServer;
let root: string;
beforeAll(async () => {
  // one "internet" holding the demo's hosts and the hostile site
  root = await mkdtemp(join(tmpdir(), 'empreinte-report-sites-'));
  for (const dir of ['demo/site', 'tests/fixtures/sites/hostile']) {
    for (const host of await readdir(dir)) await symlink(resolve(dir, host), join(root, host));
  }
  server = await startSiteServer({ root });
});
afterAll(async () => {
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** A capture of `count` requests over many third parties, for the rendering benchmark. */
function bigCapture(count: number): PageCapture {
  const hosts = ['www.googletagmanager.com', 'connect.facebook.net', 'fonts.gstatic.com', 'www.youtube.com', 'static.axept.io', 'client.crisp.chat'];
  return {
    schemaVersion: 1,
    page: { url: HOME, finalUrl: HOME, title: 'bench', capturedAt: '2026-11-29T10:00:00.000Z', method: 'passive', consentState: 'untouched', softNavigation: false, documentFromCache: false, complete: true, agent: null, viewport: null },
    requests: Array.from({ length: count }, (_, i) => ({
      url: i === 0 ? HOME : `https://${i % 3 === 0 ? 'www.theatre-de-la-lune.fr' : i % 5 === 0 ? `cdn${i % 80}.example${i % 40}.com` : hosts[i % hosts.length]}/r/${i}.js`,
      type: i === 0 ? ('document' as const) : ('script' as const),
      status: 200, mimeType: 'text/javascript', fromCache: false, bytes: 1000 + i, bytesSource: 'content-length' as const,
      startTime: i, frameId: null, initiator: null, error: null,
    })),
    droppedRequests: { count: 0, bytes: 0 },
    cookies: [],
    dom: null,
  };
}

/** img elements anywhere in the page, shadow roots included. */
function countImages(page: Page): Promise<number> {
  return page.evaluate(() => {
    const walk = (node: Document | ShadowRoot): number =>
      node.querySelectorAll('img').length +
      [...node.querySelectorAll('*')].reduce((sum, element) => sum + (element.shadowRoot ? walk(element.shadowRoot) : 0), 0);
    return walk(document);
  });
}

describe('the full report page', () => {
  it('shows the report of a tab, passes axe, exports, reopens its HAR, and stays inert on a hostile page', async () => {
    const ext = await launchWithExtension(server.port);
    try {
      const site = await ext.context.newPage();
      await site.goto(HOME, { waitUntil: 'load' });
      const tabId = await tabIdOf(ext.extensionPage, HOME);
      await settledTabState(ext.extensionPage, tabId);
      const { page, report } = await openTabReport(ext, tabId);

      // summary: both grades, from the report, with their scales in words
      expect(report.scores.dependencies).not.toBeNull();
      await expect(page.locator('[data-test="dependency-grade"]').textContent()).resolves.toBe(report.scores.dependencies!.grade);
      await expect(page.locator('[data-test="environment-grade"]').textContent()).resolves.toBe(report.scores.environment!.grade);
      await expect(page.getByText(t('fr', 'score.dependencies.scale')).count()).resolves.toBe(1);
      await expect(page.getByText(t('fr', 'grade.environment.scale')).first().isVisible()).resolves.toBe(true);
      await expect(page.locator('[data-test="verdict"]').textContent()).resolves.toContain(`Dépendances ${report.scores.dependencies!.grade}`);

      // organisations, grouped by parent, with the chart drawn as SVG
      const organisations = await page.locator('[data-test="organisation"] th').allTextContents();
      expect(organisations).toEqual(report.organisations!.map((group) => group.parent ?? t('fr', 'organisation.unknown')));
      expect(organisations[0]).toBe('Alphabet');
      await expect(page.locator('[data-test="organisations"] svg[role="img"] rect.bytes').count()).resolves.toBe(report.organisations!.length);

      // AI widgets: the Crisp chat
      const ai = report.widgets!.filter((widget) => widget.ai !== 'none');
      expect(ai.length).toBeGreaterThan(0);
      const aiText = (await page.locator('[data-test="ai-widget"]').allTextContents()).join(' ');
      for (const widget of ai) expect(aiText).toContain(widget.name);
      expect(aiText).toContain('Crisp');

      // trackers before any interaction, as counted by the report
      const before = await page.locator('[data-test="before-interaction"]').textContent();
      expect(report.consent!.trackersBeforeInteraction).toBeGreaterThanOrEqual(3);
      expect(before).toContain(t('fr', 'report.consent.trackersBefore'));
      expect(before).toContain(String(report.consent!.trackersBeforeInteraction));

      // recommendations, in the report's order
      const recommendations = await page.locator('[data-test="recommendation"] strong').allTextContents();
      expect(recommendations).toEqual(report.recommendations!.map((rec) => t('fr', rec.title.key, rec.title.params)));
      expect(recommendations.length).toBeGreaterThan(0);

      // accessibility
      expect(await axeViolations(page)).toEqual([]);

      // the side panel shows the same report, accessibly
      const panel = await openExtensionPage(ext, `sidepanel.html?tab=${tabId}`);
      await expect(panel.locator('[data-test="dependency-grade"]').textContent()).resolves.toBe(report.scores.dependencies!.grade);
      await expect(panel.locator('[data-test="organisation"] th').allTextContents()).resolves.toEqual(organisations);
      expect(await axeViolations(panel)).toEqual([]);
      // a 500-request report renders once its data is there (its speed is for `npm run bench`, never asserted here)
      const big = analyse(bigCapture(500), loadCatalogs(), { toolVersion: 'bench' });
      const rendered = await panel.evaluate(async (bigReport) => {
        const app = document.querySelector('empreinte-report-page') as unknown as HTMLElement & { view: unknown; updateComplete: Promise<unknown> };
        app.view = { kind: 'report', report: bigReport, loading: false };
        await app.updateComplete;
        const inner = app.shadowRoot!.querySelector('empreinte-full-report') as unknown as HTMLElement & { updateComplete: Promise<unknown> };
        await inner.updateComplete;
        return inner.shadowRoot?.textContent ?? '';
      }, big);
      expect(big.footprint.requests).toBe(500);
      expect(rendered).toContain('500');
      await panel.close();

      // exports: JSON is the report; CSV for French spreadsheets; HAR reopened in report.html?har
      expect(JSON.parse(await exportedFile(page, 'json'))).toEqual(report);
      const csv = await exportedFile(page, 'csv-parties');
      expect(csv.startsWith('\ufeffdomaine;')).toBe(true);
      expect(csv.trim().split('\r\n')).toHaveLength(report.thirdParties.length + 1);
      const har = await exportedFile(page, 'har');
      expect(JSON.parse(har).log.entries).toHaveLength(report.footprint.requests);
      const harPath = join(root, 'export.har');
      await writeFile(harPath, har);
      const opener = await ext.context.newPage();
      await opener.goto(`chrome-extension://${ext.extensionId}/report.html?har`);
      await opener.locator('input[type="file"]').setInputFiles(harPath);
      await opener.locator('body[data-state="har-ready"]').waitFor({ timeout: 15_000 });
      await expect(opener.locator('[data-test="har-pages"]').textContent()).resolves.toContain('1 page');
      await expect(opener.locator('empreinte-full-report [data-test="organisation"]').count()).resolves.toBe(report.organisations!.length);
      const badPath = join(root, 'bad.har');
      await writeFile(badPath, '{"log": ');
      await opener.locator('input[type="file"]').setInputFiles(badPath);
      await opener.locator('body[data-state="har-error"]').waitFor({ timeout: 15_000 });
      const error = (await opener.locator('[data-test="har-error"]').textContent())!.trim();
      expect(error).toMatch(/^Fichier illisible : not valid JSON/);
      await expect(opener.locator('empreinte-full-report').count()).resolves.toBe(0);

      // a hostile page: its title, URLs and cookie names are HTML payloads
      const hostile = await ext.context.newPage();
      await hostile.goto(HOSTILE, { waitUntil: 'load' });
      const hostileId = await tabIdOf(ext.extensionPage, HOSTILE);
      await settledTabState(ext.extensionPage, hostileId);
      const { page: inert, report: hostileReport } = await openTabReport(ext, hostileId);
      expect(hostileReport.page.title).toContain('<img src=x onerror=window.__pwned=1>');
      // a cookie name ends at its first "=": what remains is still markup
      const cookieNames = hostileReport.cookies!.map((cookie) => cookie.name);
      expect(cookieNames).toEqual(expect.arrayContaining(['<img src', '"><svg onload']));
      await expect(inert.locator('[data-test="title"]').textContent()).resolves.toBe(hostileReport.page.title);
      await inert.waitForTimeout(500);
      expect(await inert.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await countImages(inert)).toBe(0);
      await expect(inert.locator('svg[onload]').count()).resolves.toBe(0);

      const exportedHtml = await exportedFile(inert, 'html');
      expect(exportedHtml).toContain('&lt;img src=x onerror=window.__pwned=1&gt;');
      const view = await ext.context.newPage();
      await view.setContent(exportedHtml);
      await view.waitForTimeout(300);
      expect(await view.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await countImages(view)).toBe(0);
      await expect(view.locator('svg[onload]').count()).resolves.toBe(0);
    } finally {
      await ext.close();
    }
  });
});

describe('the standalone HTML export', () => {
  it('opens offline from a file and passes axe in French and English, light and dark', async () => {
    const catalogs = loadCatalogs();
    const demo = JSON.parse(await readFile('tests/fixtures/captures/demo-theatre-de-la-lune.json', 'utf8')) as PageCapture;
    // a full page view (DOM probe, consent, access) and a HAR import (no DOM: its "unknown" branches)
    const [fromHar] = harToCaptures(JSON.parse(await readFile('tests/fixtures/hars/www.vercel.com.har', 'utf8')));
    const reports = { demo: analyse(demo, catalogs, { toolVersion: 'test' }), har: analyse(fromHar!, catalogs, { toolVersion: 'test' }) };
    const dir = await mkdtemp(join(tmpdir(), 'empreinte-html-export-'));
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    try {
      const failures: string[] = [];
      for (const [name, report] of Object.entries(reports)) {
        for (const lang of ['fr', 'en'] as const) {
          const path = join(dir, `${name}-${lang}.html`);
          await writeFile(path, renderReportHtml(report, lang));
          const url = pathToFileURL(path).href;
          for (const colorScheme of ['light', 'dark'] as const) {
            // offline: a network the export would need is not there
            const context = await browser.newContext({ offline: true, colorScheme });
            const page = await context.newPage();
            const requests: string[] = [];
            page.on('request', (request) => requests.push(request.url()));
            await page.goto(url, { waitUntil: 'load' });
            await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
            await expect(page.locator('h1').count()).resolves.toBe(1);
            expect(requests, `${name} ${lang}: requests`).toEqual([url]);
            const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
            expect(background, `${name} ${lang} ${colorScheme}: background`).toBe(colorScheme === 'dark' ? 'rgb(21, 21, 21)' : 'rgb(255, 255, 255)');
            // axe is added through the DevTools protocol: the export's CSP forbids inline scripts, rightly
            const { violations, passes } = await runAxe(page);
            // the contrast of this colour scheme was really checked, not left aside
            expect(passes, `${name} ${lang} ${colorScheme}`).toContain('color-contrast');
            failures.push(...violations.map((violation) => `${name} ${lang} ${colorScheme}: ${violation}`));
            await context.close();
          }
        }
      }
      expect(failures).toEqual([]);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000); // eight pages through axe: slow on a busy machine
});
