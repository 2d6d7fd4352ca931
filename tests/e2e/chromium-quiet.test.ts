// The tool sends nothing anywhere on its own: the Chromium the CLI starts,
// with its standard flags, must not call Google's services (accounts,
// component updates, autofill) while it sits there or shows a page. Every
// host name leads to the local server here, so any such call shows up in what
// it served.
import { chromium, type Page } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import { chromiumArgs, chromiumPath, fakeInternetArgs } from './support/chromium';

/** Serves a fixture site, lets the audit browser do `visit`, and returns what the server served meanwhile. */
async function servedDuring(site: string, visit: (page: Page) => Promise<void>): Promise<SiteServer['served']> {
  const server = await startSiteServer({ root: join(import.meta.dirname, '../fixtures/sites', site) });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...fakeInternetArgs(server.port)],
  });
  try {
    await visit(await (await browser.newContext()).newPage());
  } finally {
    await browser.close();
    await server.close();
  }
  return server.served;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('the audit browser makes no request of its own', async () => {
  const served = await servedDuring('salle', async (page) => {
    await page.goto('about:blank');
    // Chromium's start-up calls came within 2–5 s when the flags were missing.
    await sleep(7000);
  });
  expect(served.map((record) => `${record.host}${record.path}`)).toEqual([]);
}, 30_000);

it('a page with forms reaches no host of its own browser', async () => {
  // The museum's page has a newsletter form: Chromium asked its autofill
  // server about it (content-autofill.googleapis.com) until the flag pointed it nowhere.
  const served = await servedDuring('venue-mixte', async (page) => {
    await page.goto('https://www.musee-des-tisserands.fr/', { waitUntil: 'load' });
    await page.locator('input[type="email"]').first().click();
    await sleep(4000);
  });
  // Every host of the fake internet is a folder of the site.
  const siteHosts = new Set(readdirSync(join(import.meta.dirname, '../fixtures/sites/venue-mixte')));
  const elsewhere = served.filter((record) => !siteHosts.has(record.host)).map((record) => `${record.host}${record.path}`);
  expect(elsewhere).toEqual([]);
  expect(served.some((record) => record.host === 'www.musee-des-tisserands.fr')).toBe(true);
}, 30_000);
