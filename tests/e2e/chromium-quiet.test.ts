// The tool sends nothing anywhere on its own: the Chromium the CLI starts,
// with its standard flags, must not call Google's services (accounts,
// component updates) while it sits there. Every host name leads to the local
// server here, so any such call shows up in what it served.
import { chromium } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startSiteServer } from '../../src/cli/site-server';
import { chromiumArgs, chromiumPath, fakeInternetArgs } from './support/chromium';

it('the audit browser makes no request of its own', async () => {
  const server = await startSiteServer({ root: join(import.meta.dirname, '../fixtures/sites/salle') });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...fakeInternetArgs(server.port)],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto('about:blank');
    // Chromium's start-up calls came within 2–5 s when the flags were missing.
    await new Promise((resolve) => setTimeout(resolve, 7000));
  } finally {
    await browser.close();
    await server.close();
  }
  expect(server.served.map((record) => `${record.host}${record.path}`)).toEqual([]);
}, 30_000);

it('a page with forms reaches no host of its own browser', async () => {
  // The museum's page has a newsletter form: Chromium asked its autofill
  // server about it (content-autofill.googleapis.com) until the flag pointed it nowhere.
  const root = join(import.meta.dirname, '../fixtures/sites/venue-mixte');
  const server = await startSiteServer({ root });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...fakeInternetArgs(server.port)],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto('https://www.musee-des-tisserands.fr/', { waitUntil: 'load' });
    await page.locator('input[type="email"]').first().click();
    await new Promise((resolve) => setTimeout(resolve, 4000));
  } finally {
    await browser.close();
    await server.close();
  }
  // Every host of the fake internet is a folder of the site.
  const siteHosts = new Set(readdirSync(root));
  const elsewhere = server.served.filter((record) => !siteHosts.has(record.host)).map((record) => `${record.host}${record.path}`);
  expect(elsewhere).toEqual([]);
  expect(server.served.some((record) => record.host === 'www.musee-des-tisserands.fr')).toBe(true);
}, 30_000);
