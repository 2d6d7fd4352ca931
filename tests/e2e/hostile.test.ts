// A page that attacks the extension (tests/fixtures/sites/hostile/www.salle-piege.fr):
// fake globals of services it does not load, fetch / XHR / Resource Timing /
// PerformanceObserver replaced to lie about sizes, messages imitating the
// extension's and the globals bridge's, a cookie flood with huge and odd
// names. Its report keeps to what is true of it, the report page and the
// exports stay inert, and another tab's report is untouched.
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import type { Report } from '../../src/core/report';
import { MAX_COOKIES_PER_TAB } from '../../src/collect/webrequest';
import {
  exportedFile,
  launchWithExtension,
  openTabReport,
  readTabState,
  settledTabState,
  tabIdOf,
  type ExtensionBrowser,
  type RecordedTabLike,
} from './support/extension';

const TRAP = 'https://www.salle-piege.fr/';
const OTHER = 'https://www.appli-salle.fr/a.html';

interface TabState extends RecordedTabLike {
  cookies: { name: string; domain: string }[];
  timings: unknown[];
  firstInteractionAt: number | null;
}

let server: SiteServer;
let root: string;
let ext: ExtensionBrowser;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'empreinte-hostile-sites-'));
  for (const dir of ['tests/fixtures/sites/hostile', 'tests/fixtures/sites/browse-nav']) {
    for (const host of await readdir(dir)) await symlink(resolve(dir, host), join(root, host));
  }
  server = await startSiteServer({ root });
  ext = await launchWithExtension(server.port);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const settled = (tabId: number) => settledTabState<TabState>(ext.extensionPage, tabId);

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

describe('a hostile page', () => {
  it('cannot poison its report, the report page, the exports, nor another tab’s report', async () => {
    // another site's tab, measured alone first
    const other = await ext.context.newPage();
    await other.goto(OTHER, { waitUntil: 'load' });
    const otherId = await tabIdOf(ext.extensionPage, OTHER);
    const before = await settled(otherId);

    server.served.length = 0;
    const trap = await ext.context.newPage();
    await trap.goto(TRAP, { waitUntil: 'load' });
    await trap.locator('body[data-fini]').waitFor();
    const trapId = await tabIdOf(ext.extensionPage, TRAP);
    // the popup's and report page's probe request, answered by the page's content script
    const { page: first } = await openTabReport(ext, trapId);
    await first.close();
    const state = await settled(trapId);

    // requests: exactly what the server answered for the page, nothing invented
    const served = server.served.filter((record) => record.host === 'www.salle-piege.fr');
    const paths = (list: { url: string }[]) => list.map((r) => new URL(r.url).pathname).sort();
    expect(paths(state.requests)).toEqual(served.map((record) => record.path).sort());
    expect(paths(state.requests)).toEqual(expect.arrayContaining(['/', '/affiche.svg', '/donnees.json', '/piege.js']));
    expect(state.requests.some((request) => request.url.includes('invente'))).toBe(false);
    // no forged DOM observation, interaction or timing
    expect(state.frames['0']?.elements).toBeLessThan(100);
    expect((state.frames['0'] as unknown as { title: string }).title).toBe('Salle piégée');
    expect(state.firstInteractionAt).toBeNull();
    // the globals the page really defines, and none it only claimed
    const globals = (state.frames['0'] as unknown as { globals: string[] }).globals;
    expect(globals).toEqual(expect.arrayContaining(['Intercom', '__tcfapi']));
    expect(globals).not.toContain('axeptioSDK');
    expect(globals).not.toContain('Didomi');
    expect(globals).not.toContain('$crisp');
    // the cookie flood: bounded
    expect(state.cookies.length).toBeLessThanOrEqual(MAX_COOKIES_PER_TAB);

    const { page, report } = await openTabReport(ext, trapId);
    // bytes: no more than the server sent (status line, headers and bodies)
    const servedBytes = served.reduce((sum, record) => sum + record.bytes, 0);
    expect(report.footprint.bytes).toBeLessThanOrEqual(servedBytes);
    expect(report.footprint.bytes).toBeGreaterThan(0);
    expect(report.footprint.requests).toBe(served.length);
    // no organisation, third party or tracker request out of fake globals
    expect(report.thirdParties).toEqual([]);
    expect(report.organisations ?? []).toEqual([]);
    expect((report.trackers ?? []).every((tracker) => tracker.requests === 0)).toBe(true);
    // what is true: the page defines a TCF API; no consent manager's request was made
    expect(report.page.title).toBe('Salle piégée');
    // the report page and its exports stay inert
    expect(await pwned(page)).toBeUndefined();
    const json = JSON.parse(await exportedFile(page, 'json')) as Report;
    expect(json.footprint).toEqual(report.footprint);
    const names = (json.cookies ?? []).map((cookie) => cookie.name);
    expect(names.some((name) => name.includes('<svg onload'))).toBe(true);
    const csv = await exportedFile(page, 'csv-requests');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + served.length);
    const html = await exportedFile(page, 'html');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('<script>window.__pwned');
    expect(await pwned(page)).toBeUndefined();
    await page.close();

    // the other tab: as it was
    const after = (await readTabState(ext.extensionPage, otherId)) as TabState | null;
    expect(after?.requests.map((r) => r.url)).toEqual(before.requests.map((r) => r.url));
    expect(after?.frames).toEqual(before.frames);
    expect(after?.cookies).toEqual([]);
    await trap.close();
    await other.close();
  });
});
