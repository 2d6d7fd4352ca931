// The README's screenshots (docs/images/popup.png, docs/images/report.png),
// taken in real Chromium with the built extension on the demo venue site, in
// French. Each is checked before it is written: the two grades and the words
// of their scales are visible inside the captured area, so a screenshot that
// lost them (a layout change, a missing grade) fails the suite rather than
// landing silently in the README.
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import { t } from '../../src/i18n/index';
import { launchWithExtension, readTabState, tabIdOf, waitFor, type ExtensionBrowser } from './support/extension';

const HOME = 'https://www.theatre-de-la-lune.fr/';
const images = resolve('docs/images');
/** README images stay light enough for the repository */
const MAX_BYTES = 250_000;

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer({ root: 'demo/site' });
  await mkdir(images, { recursive: true });
});
afterAll(async () => {
  await server?.close();
});

/** Waits until the tab's recorded state stops changing: the screenshot shows the whole page view. */
async function settled(ext: ExtensionBrowser, tabId: number): Promise<void> {
  let last = '';
  let since = Date.now();
  await waitFor(
    async () => {
      const text = JSON.stringify(await readTabState(ext.extensionPage, tabId));
      if (text !== last) [last, since] = [text, Date.now()];
      return { complete: text.includes('"complete":true'), quiet: Date.now() - since };
    },
    ({ complete, quiet }) => complete && quiet > 1500,
    30_000,
    'a settled page view',
  );
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether the element is visible and lies wholly inside the captured area. */
async function inside(locator: Locator, area: Area): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  const box = await locator.boundingBox();
  return (
    box !== null &&
    box.x >= area.x &&
    box.y >= area.y &&
    box.x + box.width <= area.x + area.width &&
    box.y + box.height <= area.y + area.height
  );
}

/** Writes the screenshot of `area` and checks its weight; returns its size in bytes. */
async function shoot(page: Page, name: string, area: Area): Promise<number> {
  const path = resolve(images, name);
  // no animations or caret in a picture meant to be stable from one run to the next
  await page.screenshot({ path, clip: area, animations: 'disabled', caret: 'hide' });
  const { size } = await stat(path);
  expect(size).toBeLessThan(MAX_BYTES);
  return size;
}

describe('README screenshots', () => {
  it('shows the popup and the side panel of the demo venue with both grades and their scales', async () => {
    const ext = await launchWithExtension(server.port, { locale: 'fr-FR' });
    try {
      const site = await ext.context.newPage();
      await site.goto(HOME, { waitUntil: 'load' });
      const tabId = await tabIdOf(ext.extensionPage, HOME);
      await settled(ext, tabId);

      // the popup, at the width Chrome gives it
      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
      await popup.locator('body[data-state="ready"]').waitFor({ timeout: 15_000 });
      await popup.locator('[data-test="loading"]').waitFor({ state: 'detached', timeout: 15_000 });
      const findings = popup.locator('[data-test="findings"]');
      const popupHeight = await findings.evaluate((list) => Math.ceil(list.getBoundingClientRect().bottom) + 6);
      await popup.setViewportSize({ width: 400, height: Math.max(600, popupHeight) });
      const popupArea = { x: 0, y: 0, width: 400, height: popupHeight };
      const dependencyGrade = popup.locator('[data-test="dependency-grade"]');
      const environmentGrade = popup.locator('[data-test="environment"] [data-test="grade"]');
      // README.md's Screenshots section describes these two letters: a change of the demo site must update it
      expect(await dependencyGrade.textContent()).toBe('E');
      expect(await environmentGrade.textContent()).toBe('A');
      await expect(popup.locator('[data-test="trackers-before"]').getAttribute('data-count')).resolves.not.toBe('0');
      for (const shown of [
        dependencyGrade,
        environmentGrade,
        popup.getByText(t('fr', 'popup.dependencies.scale'), { exact: true }),
        popup.getByText(t('fr', 'grade.environment.scale'), { exact: true }),
        popup.locator('[data-test="popup-verdict"]'),
        findings,
      ]) {
        expect(await inside(shown, popupArea)).toBe(true);
      }
      // the three findings that cost the most points, heaviest first
      const points = await findings.locator('li').evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.points)));
      expect(points).toHaveLength(3);
      expect(points.every((value) => value > 0)).toBe(true);
      expect([...points].sort((a, b) => b - a)).toEqual(points);
      await shoot(popup, 'popup.png', popupArea);

      // the side panel's full report: its top part, summary and dependencies
      const panel = await ext.context.newPage();
      await panel.setViewportSize({ width: 480, height: 1100 });
      await panel.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tab=${tabId}`);
      await panel.locator('body[data-state="ready"]').waitFor({ timeout: 15_000 });
      const panelArea = { x: 0, y: 0, width: 480, height: 1100 };
      const panelDependency = panel.locator('[data-test="dependency-grade"]');
      const panelEnvironment = panel.locator('[data-test="environment-grade"]');
      expect(await panelDependency.textContent()).toBe(await dependencyGrade.textContent());
      expect(await panelEnvironment.textContent()).toBe(await environmentGrade.textContent());
      for (const shown of [
        panelDependency,
        panelEnvironment,
        panel.getByText(t('fr', 'score.dependencies.scale'), { exact: true }),
        panel.getByText(t('fr', 'grade.environment.scale'), { exact: true }).first(),
        panel.locator('[data-test="verdict"]'),
      ]) {
        expect(await inside(shown, panelArea)).toBe(true);
      }
      await shoot(panel, 'report.png', panelArea);
    } finally {
      await ext.close();
    }
  });
});
