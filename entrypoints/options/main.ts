import { browser } from '#imports';
import { t, type Lang } from '../../src/i18n/index';
import { DEFAULT_GRID_INTENSITY, gridIntensityForCountry, gridIntensityRegions } from '../../src/core/co2';
import { readSettings, writeSettings } from '../../src/extension/settings';
import { applyDocumentLanguage, pageLanguage, watchLanguage } from '../../src/extension/language';
import { HistoryStore, type History } from '../../src/extension/history';
import { CACHE_KEY } from '../../src/extension/green-hosting';
import { ALL_SITES } from '../../src/extension/popup-controller';
import type { GridChoice } from '../../src/ui/options-app';
import type { SiteEntries } from '../../src/ui/history-sites';
import '../../src/ui/options-app';

// Thin wiring: the settings live in src/extension/settings.ts, the history in
// src/extension/history.ts, the view in src/ui/options-app.ts.
const app = document.querySelector('empreinte-options') ?? document.body.appendChild(document.createElement('empreinte-options'));
const history = new HistoryStore();
let lang: Lang = 'fr';

function setLanguage(next: Lang): void {
  lang = next;
  applyDocumentLanguage(lang, t(lang, 'options.title'));
  app.language = lang;
}

/** SWD v4's world average first, France next, then every region @tgwf/co2 has data for. */
function gridChoices(): GridChoice[] {
  const regions = gridIntensityRegions()
    // SWD v4's own global figure stands for the world; the data's WORLD row would duplicate it.
    .filter((code) => code !== 'WORLD')
    .sort((a, b) => (a === 'FRA' ? -1 : b === 'FRA' ? 1 : a.localeCompare(b)));
  return [
    { code: DEFAULT_GRID_INTENSITY.region, gramsPerKwh: DEFAULT_GRID_INTENSITY.gramsPerKwh },
    ...regions.flatMap((code) => {
      const intensity = gridIntensityForCountry(code);
      return intensity ? [{ code, gramsPerKwh: intensity.gramsPerKwh }] : [];
    }),
  ];
}

/** Sites with history or paused, the most recently visited first. */
function siteList(stored: History): SiteEntries[] {
  const names = new Set([...Object.keys(stored.sites), ...stored.paused]);
  return [...names]
    .map((site) => ({ site, entries: stored.sites[site]?.entries ?? [], paused: stored.paused.includes(site), lastAt: stored.sites[site]?.lastAt ?? '' }))
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt) || a.site.localeCompare(b.site))
    .map(({ site, entries, paused }) => ({ site, entries, paused }));
}

async function refreshHistory(): Promise<void> {
  app.sites = siteList(await history.read());
}

async function refreshAccess(): Promise<void> {
  app.access = await browser.permissions.contains(ALL_SITES).catch(() => false);
}

async function start(): Promise<void> {
  setLanguage(await pageLanguage());
  watchLanguage(setLanguage);
  app.choices = gridChoices();
  app.value = await readSettings();
  await Promise.all([refreshAccess(), refreshHistory()]);
  history.watch(() => void refreshHistory());
  document.body.dataset.state = 'ready';
  app.addEventListener('empreinte-options-change', (event) => {
    void writeSettings(event.detail).then((saved) => {
      app.value = saved;
      app.status = t(lang, 'options.saved');
    });
  });
  app.addEventListener('empreinte-grant', () => {
    // Must run in the click's user gesture: no await before it.
    void browser.permissions.request(ALL_SITES).catch(() => false).then(() => refreshAccess());
  });
  app.addEventListener('empreinte-history-action', (event) => {
    const { action, site } = event.detail;
    const done = action === 'clear' ? history.clear(site) : history.setPaused(site, action === 'pause');
    void done.then(() => refreshHistory()).then(() => (app.status = t(lang, 'options.saved')));
  });
  app.addEventListener('empreinte-clear-data', () => {
    void Promise.all([history.clear(), browser.storage.local.remove(CACHE_KEY)])
      .then(() => refreshHistory())
      .then(() => (app.status = t(lang, 'options.cleared')));
  });
}

void start();
