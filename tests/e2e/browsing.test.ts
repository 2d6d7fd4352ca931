// Browsing as it really happens, with the built extension in real Chromium
// (tests/fixtures/sites/browse-nav): a single-page app changing view with
// history.pushState; going back to a page the back/forward cache restores; a
// 301 → 302 → page redirect chain; and a page making more requests than the
// extension keeps per tab, with the service worker stopped while they arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import type { Report } from '../../src/core/report';
import { MAX_REQUESTS_PER_TAB } from '../../src/extension/recorder';
import {
  exportedFile,
  launchWithExtension,
  openTabReport,
  readBadge,
  readTabState,
  settledTabState,
  stopServiceWorkers,
  tabIdOf,
  waitFor,
  type ExtensionBrowser,
  type RecordedTabLike,
} from './support/extension';

const SITE = 'https://www.appli-salle.fr';

interface TabState extends RecordedTabLike {
  softNavigation: boolean;
  restored: boolean;
  requests: (RecordedTabLike['requests'][number] & { status: number | null })[];
  droppedRequests: { count: number; bytes: number };
}

let server: SiteServer;
let ext: ExtensionBrowser;
beforeAll(async () => {
  server = await startSiteServer({ root: 'tests/fixtures/sites/browse-nav' });
  ext = await launchWithExtension(server.port, { backForwardCache: true });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Waits until the tab's state satisfies `done` and has not changed for a while. */
const settled = (tabId: number, done: (state: TabState) => boolean, label: string) =>
  settledTabState<TabState>(ext.extensionPage, tabId, { done, quietMs: 1200, timeoutMs: 60_000, label });

/** The request paths of a page view; the browser's own favicon fetch aside. */
const paths = (state: TabState) =>
  state.requests.map((request) => new URL(request.url).pathname).filter((path) => path !== '/favicon.ico').sort();

/** Runs a test body on a fresh page of the site, closed afterwards whatever happens. */
async function onPage(body: (site: Page) => Promise<void>): Promise<void> {
  const site = await ext.context.newPage();
  try {
    await body(site);
  } finally {
    await site.close();
  }
}
const noteKeys = (report: Report) => report.notes.map((note) => note.key);

describe('browsing with the extension', () => {
  it('a single-page app’s pushState starts a new page view, reported as a soft navigation', async () => onPage(async (site) => {
    await site.goto(`${SITE}/`, { waitUntil: 'load' });
    const tabId = await tabIdOf(ext.extensionPage, `${SITE}/`);
    const first = await settled(tabId, (s) => s.frames['0'] !== undefined, 'the home page');
    expect(first.softNavigation).toBe(false);
    expect(paths(first)).toEqual(['/', '/app.js', '/style.css']);

    await site.click('#agenda');
    await site.locator('body[data-vue="agenda"]').waitFor();
    const view = await settled(tabId, (s) => s.softNavigation && s.requests.length >= 2, 'the agenda view');
    expect(view.url).toBe(`${SITE}/agenda`);
    // only what the new view loaded: nothing of the home page's load
    expect(paths(view)).toEqual(['/affiche.svg', '/api/agenda.json']);
    const own = view.requests.filter((request) => !request.url.endsWith('/favicon.ico'));
    expect(own.every((request) => request.done && request.bytes !== null && request.bytes > 0)).toBe(true);

    const { page, report } = await openTabReport(ext, tabId);
    expect(report.page.softNavigation).toBe(true);
    expect(report.page.finalUrl).toBe(`${SITE}/agenda`);
    expect(report.footprint.requests).toBe(view.requests.length);
    expect(noteKeys(report)).toContain('note.navigation.soft');
    await expect(page.getByText('Vue ouverte sans rechargement complet').count()).resolves.toBeGreaterThan(0);
    // the popup probed the document again: the DOM of the new view is in the report
    await page.close();
  }));

  it('back to a page restored from the back/forward cache: its own report, said to come from the cache', async () => onPage(async (site) => {
    await site.goto(`${SITE}/a.html`, { waitUntil: 'load' });
    const tabId = await tabIdOf(ext.extensionPage, `${SITE}/a.html`);
    await settled(tabId, (s) => s.frames['0'] !== undefined, 'page A');
    await site.evaluate(() => addEventListener('pageshow', (event) => (document.body.dataset['restored'] = String(event.persisted))));
    await site.click('#vers-b');
    await site.waitForURL(`${SITE}/b.html`);
    const b = await settled(tabId, (s) => s.url === `${SITE}/b.html` && s.frames['0'] !== undefined, 'page B');
    expect(paths(b)).toEqual(['/b.html', '/b.js', '/b.svg']);

    // a page restored from the cache fires no load event
    await site.goBack({ waitUntil: 'commit' });
    await site.locator('body[data-restored]').waitFor({ timeout: 10_000 });
    // headless Chromium keeps pages in the back/forward cache: this test is about that case
    expect(await site.evaluate(() => document.body.dataset['restored'])).toBe('true');
    const back = await settled(tabId, (s) => s.url === `${SITE}/a.html`, 'page A again');
    expect(back.restored).toBe(true);
    // nothing of page B mixed in, and nothing invented for A
    expect(back.requests).toEqual([]);
    const { page, report } = await openTabReport(ext, tabId);
    expect(report.page.finalUrl).toBe(`${SITE}/a.html`);
    expect(noteKeys(report)).toContain('note.document.fromCache');
    expect(report.footprint.requests).toBe(0);
    // the report page asked the restored document to probe again: its DOM is A's
    const probed = await settled(tabId, (s) => s.frames['0'] !== undefined, 'page A probed');
    expect((probed.frames['0'] as unknown as { title: string }).title).toBe('Page A');
    await page.close();
  }));

  it('a 301 → 302 → page redirect chain: each hop counted with its bytes, the final URL is the page', async () => onPage(async (site) => {
    server.served.length = 0;
    await site.goto(`${SITE}/ancienne-adresse`, { waitUntil: 'load' });
    expect(site.url()).toBe(`${SITE}/salle.html`);
    const tabId = await tabIdOf(ext.extensionPage, `${SITE}/salle.html`);
    const state = await settled(tabId, (s) => s.frames['0'] !== undefined, 'the page after redirects');
    const documents = state.requests.filter((request) => request.type === 'document');
    expect(documents.map((request) => [new URL(request.url).pathname, request.status, request.bytes])).toEqual([
      ['/ancienne-adresse', 301, 0],
      ['/adresse-provisoire', 302, 0],
      ['/salle.html', 200, expect.any(Number)],
    ]);
    const served = server.served.filter((record) => record.host === 'www.appli-salle.fr' && record.path !== '/favicon.ico');
    expect(served.map((record) => record.status)).toEqual([301, 302, 200]);
    const { page, report } = await openTabReport(ext, tabId);
    expect(report.page.url).toBe(`${SITE}/ancienne-adresse`);
    expect(report.page.finalUrl).toBe(`${SITE}/salle.html`);
    expect(report.footprint.requests).toBe(3);
    expect(report.footprint.bytes).toBeGreaterThanOrEqual(documents[2]?.bytes ?? Infinity);
    await page.close();
  }));

  it('the service worker stopped while the page’s requests are still arriving: the report completes, the badge comes back', async () =>
    onPage(async (site) => {
      server.served.length = 0;
      // each photo held back: the page loads for seconds, one request at a time
      await site.route('**/photo-*.svg', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 700));
        await route.continue();
      });
      const loaded = site.goto(`${SITE}/lente.html`, { waitUntil: 'commit' });
      await loaded;
      const tabId = await waitFor(() => tabIdOf(ext.extensionPage, `${SITE}/lente.html`).catch(() => -1), (id) => id >= 0, 10_000, 'the tab');
      const photos = (state: TabState | null) => state?.requests.filter((request) => request.url.includes('/photo-')).length ?? 0;
      await waitFor(() => readTabState(ext.extensionPage, tabId) as Promise<TabState | null>, (s) => photos(s) >= 2, 20_000, 'two photos asked for');
      expect(await site.getAttribute('body', 'data-fini')).toBeNull();
      await stopServiceWorkers(site, ext.extensionId);
      await site.locator('body[data-fini]').waitFor({ timeout: 30_000 });
      const state = await settled(tabId, (s) => photos(s) === 6 && s.frames['0'] !== undefined, 'every photo');
      const served = server.served.filter((record) => record.host === 'www.appli-salle.fr');
      // on failure, what the recorder held aside says which document Chrome credited a missing request to
      const held = JSON.stringify((state as unknown as { earlyRequests: unknown }).earlyRequests);
      expect(paths(state), `held aside: ${held}`).toEqual(served.map((record) => record.path).filter((path) => path !== '/favicon.ico').sort());
      expect(state.requests.every((request) => request.done)).toBe(true);
      expect(state.requests.filter((request) => request.url.includes('/photo-')).every((request) => request.bytes !== null && request.bytes > 0)).toBe(true);

      const { page, report } = await openTabReport(ext, tabId);
      expect(report.page.complete).toBe(true);
      expect(noteKeys(report)).not.toContain('note.capture.incomplete');
      // the worker, restarted, put the badge back: the report's dependency grade
      const grade = report.scores.dependencies?.grade ?? '';
      expect(grade).toMatch(/^[A-E]$/);
      const badge = await waitFor(() => readBadge(ext.extensionPage, tabId), ({ text }) => text === grade, 10_000, 'the badge');
      expect(badge.title).toContain(`: ${grade} `);
      await page.close();
    }));

  it('beyond the per-tab cap: requests capped, counts exact, the report and its exports say they are truncated', { timeout: 240_000 }, async () => onPage(async (site) => {
    server.served.length = 0;
    await site.goto(`${SITE}/lourde.html`, { waitUntil: 'load' });
    const tabId = await tabIdOf(ext.extensionPage, `${SITE}/lourde.html`);
    await site.locator('body[data-fini]').waitFor({ timeout: 150_000 });
    const state = await settled(
      tabId,
      (s) => s.requests.length + s.droppedRequests.count >= 2102 && s.frames['0'] !== undefined,
      'every request counted',
    );
    // the browser's favicon fetch is the tab's too, when it comes
    const served = server.served.filter((record) => record.host === 'www.appli-salle.fr');
    expect(served.filter((record) => record.path !== '/favicon.ico')).toHaveLength(2102);
    expect(state.requests).toHaveLength(MAX_REQUESTS_PER_TAB);
    expect(state.requests.length + state.droppedRequests.count).toBe(served.length);
    // the dropped requests' bodies (Content-Length, the same gzipped piece each time), exactly
    const piece = state.requests.find((request) => request.url.includes('/piece.txt'))?.bytes ?? null;
    expect(piece).toBeGreaterThan(0);
    expect(state.droppedRequests.bytes).toBe(state.droppedRequests.count * (piece ?? 0));

    const { page, report } = await openTabReport(ext, tabId);
    expect(report.footprint.requests).toBe(served.length);
    expect(report.notes).toContainEqual({ key: 'note.requests.dropped', params: { count: state.droppedRequests.count } });
    await expect(page.getByText(`${state.droppedRequests.count} requêtes comptées dans les totaux sans détail`).count()).resolves.toBeGreaterThan(0);
    const json = JSON.parse(await exportedFile(page, 'json')) as Report;
    expect(json.notes).toContainEqual({ key: 'note.requests.dropped', params: { count: state.droppedRequests.count } });
    const csv = (await exportedFile(page, 'csv-requests')).trimEnd().split('\r\n');
    expect(csv).toHaveLength(1 + MAX_REQUESTS_PER_TAB + 1);
    expect(csv.at(-1)).toContain(`${state.droppedRequests.count} requêtes comptées dans les totaux sans détail`);
    expect(csv.at(-1)).toContain(`;${state.droppedRequests.bytes};`);

    await page.close();
  }));
});
