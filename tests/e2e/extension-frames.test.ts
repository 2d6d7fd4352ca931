// The built extension in real Chromium on the `salle` test site, whose page
// embeds a cross-site iframe (a Vimeo player): the popup's element count adds
// the iframe's to the top document's, as EcoIndex counts frames; and the
// extension itself makes no request of its own while online checks are off
// (with them on, exactly one: The Green Web Foundation's greencheck).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Request } from 'playwright-core';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import { launchWithExtension, readTabState, tabIdOf, waitFor, type ExtensionBrowser } from './support/extension';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

const HOME = 'https://www.salle-exemple.fr/';
const GREENCHECK_HOST = 'api.thegreenwebfoundation.org';

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer({ root: 'tests/fixtures/sites/salle' });
});
afterAll(async () => {
  await server?.close();
});

/** The EcoIndex element count of one frame, computed here independently of src/collect/probe.ts. */
function countFrame(frame: Frame): Promise<number> {
  return frame.evaluate(() => {
    let inSvg = 0;
    for (const svg of Array.from(document.querySelectorAll('svg'))) {
      if (!svg.parentElement?.closest('svg')) inSvg += svg.querySelectorAll('*').length;
    }
    return document.querySelectorAll('*').length - inSvg;
  });
}

/** Requests made by the extension itself: by its pages or its service worker. */
function ownRequests(ext: ExtensionBrowser): Request[] {
  const own: Request[] = [];
  const prefix = `chrome-extension://${ext.extensionId}/`;
  ext.context.on('request', (request) => {
    let origin = '';
    try {
      origin = request.serviceWorker()?.url() ?? request.frame().url();
    } catch {
      origin = request.serviceWorker()?.url() ?? '';
    }
    if (origin.startsWith(prefix) && !request.url().startsWith(prefix)) own.push(request);
  });
  return own;
}

async function popupOf(ext: ExtensionBrowser, tabId: number) {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('body[data-state="ready"]').waitFor({ timeout: 15_000 });
  return popup;
}

describe('extension on a page with a cross-site iframe', () => {
  it('counts the elements of every frame, and makes no request of its own while online checks are off', async () => {
    server.served.length = 0;
    const ext = await launchWithExtension(server.port);
    const own = ownRequests(ext);
    try {
      const site = await ext.context.newPage();
      await site.goto(HOME, { waitUntil: 'load' });
      const tabId = await tabIdOf(ext.extensionPage, HOME);
      const frames = site.frames();
      expect(frames.map((frame) => new URL(frame.url()).host)).toEqual(['www.salle-exemple.fr', 'player.vimeo.com']);
      const expected = (await Promise.all(frames.map(countFrame))).reduce((sum, count) => sum + count, 0);

      const state = await waitFor(
        () => readTabState(ext.extensionPage, tabId),
        (s) => !!s?.complete && Object.keys(s.frames).length === 2,
        20_000,
        'both frames probed',
      );
      expect(Object.values(state!.frames).map((frame) => frame.elements).sort()).toEqual(
        (await Promise.all(frames.map(countFrame))).sort(),
      );

      const popup = await popupOf(ext, tabId);
      const shown = Number(await popup.locator('[data-test="dom-elements"]').getAttribute('data-count'));
      expect(shown).toBe(expected);
      // same-origin resources get their Resource Timing size, so more is measured than Content-Length alone tells
      const timed = await waitFor(
        () => readTabState(ext.extensionPage, tabId),
        (s) => ((s as { timings?: unknown[] } | null)?.timings?.length ?? 0) >= 3,
        10_000,
        'timings',
      );
      expect((timed as unknown as { timings: { name: string }[] }).timings.map((t) => t.name)).toContain(HOME);

      // the extension asked nothing of anyone: no request of its own, none reached the greencheck host
      await popup.waitForTimeout(1000);
      expect(own.map((request) => request.url())).toEqual([]);
      expect(server.served.filter((record) => record.host === GREENCHECK_HOST)).toEqual([]);

      // with online checks on, the popup asks the greencheck API about the page's host (and only that)
      await ext.extensionPage.evaluate(() => chrome.storage.local.set({ settings: { gridRegion: 'world', onlineChecks: true } }));
      await popupOf(ext, tabId);
      await waitFor(async () => own.length, (count) => count > 0, 10_000, 'the greencheck request');
      expect(own.map((request) => request.url())).toEqual([`https://${GREENCHECK_HOST}/api/v3/greencheck/www.salle-exemple.fr`]);
    } finally {
      await ext.close();
    }
  });
});
