// The built extension in real Chromium, on the demo venue site served by the
// local "fake internet": the popup's report (grades, parent companies,
// trackers before interaction, AI widgets, a consent given earlier), a service
// worker stopped in the middle of a visit, a closed tab's state being freed;
// and the popup on the heavy venue test site (tests/fixtures/sites/venue-lourde).
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import {
  launchWithExtension,
  readBadge,
  readSession,
  readTabState,
  stopServiceWorkers,
  tabStateKey,
  tabIdOf,
  waitFor,
  type ExtensionBrowser,
  type RecordedTabLike,
} from './support/extension';
import { startVenueServer, venues } from './support/venues';

const SITE_ROOT = 'demo/site';
const HOME = 'https://www.theatre-de-la-lune.fr/';
/** the demo's hosts: what the server served for them is what the page loaded (not the browser's own traffic) */
const demoHosts = new Set(readdirSync(SITE_ROOT));

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer({ root: SITE_ROOT });
});
afterAll(async () => {
  await server?.close();
});

/** Waits until the tab's recorded page view is complete, probed, and has not changed for a while. */
async function settledState(ext: ExtensionBrowser, tabId: number): Promise<RecordedTabLike> {
  let last = '';
  let since = Date.now();
  return (await waitFor(
    async () => {
      const state = await readTabState(ext.extensionPage, tabId);
      const text = JSON.stringify(state);
      if (text !== last) {
        last = text;
        since = Date.now();
      }
      return { state, quiet: Date.now() - since };
    },
    ({ state, quiet }) => !!state?.complete && state.frames['0'] !== undefined && quiet > 1500,
    30_000,
    'a settled page view',
  )).state as RecordedTabLike;
}

interface PopupFigures {
  grade: string;
  dependencyGrade: string;
  requests: number;
  bytes: number;
  parents: string;
  trackersBefore: number;
  ai: string;
}

async function openPopup(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  return page;
}

/** Reads the popup's figures once the page view is complete (the popup updates itself: never reloaded here). */
async function readPopup(ext: ExtensionBrowser, tabId: number, opened?: Page): Promise<{ page: Page; figures: PopupFigures }> {
  const page = opened ?? (await openPopup(ext, tabId));
  await page.locator('body[data-state="ready"]').waitFor({ timeout: 15_000 });
  const grade = (await page.locator('[data-test="grade"]').textContent())?.trim() ?? '';
  const requests = Number((await page.locator('[data-test="requests"]').textContent())?.replace(/\D/g, ''));
  const bytes = Number(await page.locator('[data-test="weight"]').getAttribute('data-bytes'));
  const dependencyGrade = (await page.locator('[data-test="dependency-grade"]').textContent())?.trim() ?? '';
  const parents = (await page.locator('[data-test="parents"]').textContent()) ?? '';
  const trackersBefore = Number(await page.locator('[data-test="trackers-before"]').getAttribute('data-count'));
  const ai = (await page.locator('[data-test="ai-widgets"]').textContent().catch(() => null)) ?? '';
  return { page, figures: { grade, dependencyGrade, requests, bytes, parents, trackersBefore, ai } };
}

/** A comparable digest of what was recorded: type, URL without query, bytes. */
function digest(state: RecordedTabLike): string[] {
  return state.requests.map((r) => `${r.type} ${r.url.split('?')[0]} ${r.bytes}`).sort();
}

describe('extension on the demo site', () => {
  it('the popup shows both grades, figures, parent companies, trackers before interaction and AI widgets; a closed tab is freed; a consent given earlier is said', async () => {
    server.served.length = 0;
    const ext = await launchWithExtension(server.port);
    try {
      const site = await ext.context.newPage();
      await site.goto(HOME, { waitUntil: 'load' });
      const tabId = await tabIdOf(ext.extensionPage, HOME);
      const state = await settledState(ext, tabId);
      const served = server.served.filter((record) => demoHosts.has(record.host));

      const { page: popup, figures } = await readPopup(ext, tabId);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
      await expect(popup.getByRole('heading', { name: 'Environnement' }).count()).resolves.toBe(1);
      expect(figures.grade).toMatch(/^[A-G]$/);
      // the grade's colour always comes with words naming the scale
      await expect(popup.getByText('EcoIndex, de A (sobre) à G (très lourd)').count()).resolves.toBe(1);
      // every request the server answered for the page, give or take the favicon
      expect(Math.abs(figures.requests - served.length)).toBeLessThanOrEqual(1);
      expect(figures.requests).toBe(state.requests.length);
      // Content-Length counts bodies only; the server's figure adds the headers
      const servedBytes = served.reduce((sum, record) => sum + record.bytes, 0);
      expect(figures.bytes).toBeLessThanOrEqual(servedBytes);
      expect(figures.bytes).toBeGreaterThan(servedBytes * 0.85);
      // the dependency grade (A–E) beside the environment grade, each with its scale in words
      expect(figures.dependencyGrade).toMatch(/^[A-E]$/);
      await expect(popup.getByText(`Dépendances : ${figures.dependencyGrade}`, { exact: true }).count()).resolves.toBe(1);
      await expect(popup.getByText('de A (autonome) à E (très dépendant)').count()).resolves.toBe(1);
      // Google Fonts, GTM, GA4 and YouTube lead to Alphabet, the largest share; the pixel to Meta
      expect(figures.parents).toMatch(/^\s*Alphabet/);
      expect(figures.parents).toContain('Meta');
      expect(figures.parents).toMatch(/\d+\s% des requêtes tierces/);
      // GTM, GA4, the Meta Pixel … all fire without any interaction
      expect(figures.trackersBefore).toBeGreaterThanOrEqual(3);
      await expect(popup.locator('[data-test="trackers-before"]').textContent()).resolves.toContain(
        `${figures.trackersBefore} traceurs actifs avant toute interaction`,
      );
      await expect(popup.locator('[data-test="given-earlier"]').count()).resolves.toBe(0);
      await expect(popup.locator('[data-test="consent-managers"]').textContent()).resolves.toContain('Axeptio');
      // the Crisp chat, whose agent may be an AI
      expect(figures.ai).toContain('Crisp');
      expect(figures.ai).toContain('chat pouvant répondre par un agent d’IA');
      const thirdParties = Number((await popup.locator('[data-test="third-parties"]').textContent())?.replace(/\D/g, ''));
      expect(thirdParties).toBeGreaterThanOrEqual(8);

      // the visitor accepts the cookies (a trusted click), as Axeptio asks on the first visit
      await site.click('#axeptio_btn_acceptAll');
      await waitFor(
        async () => (await ext.context.cookies(HOME)).map((cookie) => cookie.name),
        (names) => names.includes('axeptio_cookies'),
        5_000,
        'the stored choice',
      );

      // a tab that does not exist is said so
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=999999`);
      await expect(popup.locator('[data-test="state"]').getAttribute('data-state')).resolves.toBe('no-tab');

      // closing the tab frees its state
      expect(Object.keys(await readSession(ext.extensionPage))).toContain(tabStateKey(tabId));
      await site.close();
      await waitFor(() => readSession(ext.extensionPage), (all) => !(tabStateKey(tabId) in all), 10_000, 'state freed');

      // a second visit: the choice made on the first one is found and said, so
      // that trackers are not shown as firing without consent
      const again = await ext.context.newPage();
      await again.goto(HOME, { waitUntil: 'load' });
      const againId = await tabIdOf(ext.extensionPage, HOME);
      await settledState(ext, againId);
      const second = await readPopup(ext, againId);
      await expect(second.page.locator('[data-test="given-earlier"]').textContent()).resolves.toContain(
        'Consentement donné lors d’une visite précédente',
      );
    } finally {
      await ext.close();
    }
  });

  it('a service worker stopped mid-visit loses nothing', async () => {
    // The hero image is held back, so the page is still loading when the worker
    // stops and when the popup first draws (long enough for a busy CI machine).
    const visit = async (stopMidway: boolean) => {
      const ext = await launchWithExtension(server.port);
      try {
        await ext.context.route('**/images/salle.jpg', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 5000));
          await route.continue();
        });
        const site = await ext.context.newPage();
        const loaded = site.goto(HOME, { waitUntil: 'load' });
        const tabId = await waitFor(
          () => tabIdOf(ext.extensionPage, HOME).catch(() => -1),
          (id) => id >= 0,
          10_000,
          'the tab',
        );
        if (stopMidway) {
          // quiet for a while, not complete: everything so far is written, the image is pending
          let last = '';
          let since = Date.now();
          const midway = await waitFor(
            async () => {
              const state = await readTabState(ext.extensionPage, tabId);
              const text = JSON.stringify(state);
              if (text !== last) [last, since] = [text, Date.now()];
              return { state, quiet: Date.now() - since };
            },
            ({ state, quiet }) => (state?.requests.length ?? 0) > 5 && quiet > 500,
            10_000,
            'the page midway',
          );
          expect(midway.state?.complete).toBe(false);
          // The page loads first: its content script walks no DOM and sends no timing while it does
          // (a frame that has loaded already has sent its own).
          expect(midway.state?.frames['0']).toBeUndefined();
          expect((midway.state?.timings as { name: string }[]).filter((entry) => entry.name.startsWith(HOME))).toEqual([]);
          await stopServiceWorkers(site, ext.extensionId);
        }
        // Opened while the page loads, the popup says so, shows the figures
        // so far, and updates itself from storage.onChanged as the page ends.
        const popup = await openPopup(ext, tabId);
        await popup.locator('body[data-state="loading"]').waitFor({ timeout: 10_000 });
        await expect(popup.locator('[data-test="loading"]').count()).resolves.toBe(1);
        await loaded;
        const state = await settledState(ext, tabId);
        const { figures } = await readPopup(ext, tabId, popup);
        await expect(popup.locator('[data-test="loading"]').count()).resolves.toBe(0);
        // The toolbar badge (computed by the worker, restarted after the stop) shows the popup's grade.
        const { text: badge, title } = await waitFor(
          () => readBadge(ext.extensionPage, tabId),
          ({ text }) => text === figures.dependencyGrade,
          10_000,
          'the badge',
        ).catch(() => readBadge(ext.extensionPage, tabId));
        return { state, figures, badge, title };
      } finally {
        await ext.close();
      }
    };

    const uninterrupted = await visit(false);
    const interrupted = await visit(true);
    expect(interrupted.figures.dependencyGrade).toMatch(/^[A-E]$/);
    expect(interrupted.badge).toBe(interrupted.figures.dependencyGrade);
    expect(uninterrupted.badge).toBe(uninterrupted.figures.dependencyGrade);
    expect(interrupted.title).toContain(`: ${interrupted.badge} `);
    expect(interrupted.figures.requests, JSON.stringify([digest(interrupted.state), digest(uninterrupted.state)])).toBe(uninterrupted.figures.requests);
    expect(interrupted.figures.bytes).toBe(uninterrupted.figures.bytes);
    expect(digest(interrupted.state)).toEqual(digest(uninterrupted.state));
    expect(interrupted.state.requests.every((r) => r.done)).toBe(true);
    expect(interrupted.state.requests.some((r) => r.url.endsWith('/images/salle.jpg') && r.bytes !== null)).toBe(true);
  });
});

describe('extension on the heavy venue site', () => {
  it('the popup lists the AI widgets with their class, and a poor dependency grade', async () => {
    const venue = await startVenueServer(['lourde']);
    const ext = await launchWithExtension(venue.port);
    try {
      const site = await ext.context.newPage();
      await site.goto(venues.lourde.home, { waitUntil: 'load' });
      const tabId = await tabIdOf(ext.extensionPage, venues.lourde.home);
      await settledState(ext, tabId);
      const { figures } = await readPopup(ext, tabId);
      expect(figures.ai).toContain('Chatbase — assistant conversationnel (modèle de langage)');
      expect(figures.ai).toMatch(/accessiBe.* — surcouche d’accessibilité vendue comme IA/);
      expect(['D', 'E']).toContain(figures.dependencyGrade);
      // Google and YouTube (fonts, tags, analytics, video, map) lead by far
      expect(figures.parents).toMatch(/^\s*Alphabet\s*\(Google, YouTube\)/);
    } finally {
      await ext.close();
      await venue.close();
    }
  });
});
