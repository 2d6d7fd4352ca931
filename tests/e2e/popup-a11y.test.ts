// Accessibility of the popup and the options page in real Chromium with the
// built extension (one launch): axe-core finds no violation — with the
// history view open in both —, and the Tab key reaches every control.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import { axeViolations } from './support/axe';
import { launchWithExtension, openExtensionPage, openGradedTab } from './support/extension';

const HOME = 'https://www.theatre-de-la-lune.fr/';

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer({ root: 'demo/site' });
});
afterAll(async () => {
  await server?.close();
});

/** Every visible, enabled control of the page, shadow roots included, as a path of labels. */
function controls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) walk(element.shadowRoot);
        const control = element.matches('a[href], button, select, input, textarea, summary');
        if (control && !(element as HTMLButtonElement).disabled && element.checkVisibility()) {
          found.push(`${element.tagName} ${element.textContent?.trim().slice(0, 40) ?? ''}`);
        }
      }
    };
    walk(document);
    return found;
  });
}

/** Presses Tab until focus comes back around; returns what was focused, in order. */
async function tabStops(page: Page, max: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let element: Element | null = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element && element !== document.body ? `${element.tagName} ${element.textContent?.trim().slice(0, 40) ?? ''}` : null;
    });
    if (focused !== null) seen.push(focused);
  }
  return seen;
}

describe('popup and options accessibility', () => {
  it('axe finds no violation and Tab reaches every control, history included', async () => {
    const ext = await launchWithExtension(server.port);
    try {
      // The page view completes: the badge shows its grade and the history keeps it.
      const { tabId } = await openGradedTab(ext, HOME);

      const popup = await openExtensionPage(ext, `popup.html?tab=${tabId}`);
      await expect(popup.locator('[data-test="full-report"]').getAttribute('href')).resolves.toBe(`report.html?tab=${tabId}`);
      await popup.locator('[data-test="popup-history"] summary').click();
      await popup.locator('[data-test="history-table"]').waitFor({ timeout: 10_000 });
      expect(await axeViolations(popup)).toEqual([]);
      const popupControls = await controls(popup);
      expect(popupControls.length).toBeGreaterThan(3);
      const popupStops = await tabStops(popup, popupControls.length + 2);
      expect(new Set(popupStops)).toEqual(new Set(popupControls));

      const options = await openExtensionPage(ext, 'options.html');
      await expect(options.locator('[data-test="access"]').getAttribute('data-state')).resolves.toBe('granted');
      const entry = options.locator('[data-test="history-site"][data-site="theatre-de-la-lune.fr"]');
      await entry.locator('summary').click();
      await entry.locator('[data-test="history-trend"]').waitFor({ timeout: 10_000 });
      expect(await axeViolations(options)).toEqual([]);
      const optionControls = await controls(options);
      const optionStops = await tabStops(options, optionControls.length + 2);
      expect(new Set(optionStops)).toEqual(new Set(optionControls));

      // Switched at run time: the options page and the open popup follow without a reload.
      await options.locator('[data-test="language"]').selectOption('en');
      await options.locator('html[lang="en"]').waitFor({ timeout: 5_000 });
      await popup.locator('html[lang="en"]').waitFor({ timeout: 5_000 });
      await expect(options.locator('h1').textContent()).resolves.toBe('Empreinte settings');
    } finally {
      await ext.close();
    }
  });
});
