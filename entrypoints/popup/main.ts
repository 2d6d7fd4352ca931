import { browser } from '#imports';
import { t, type Lang } from '../../src/i18n/index';
import { applyDocumentLanguage, pageLanguage, watchLanguage } from '../../src/extension/language';
import { HistoryStore } from '../../src/extension/history';
import {
  ALL_SITES,
  checkGreenHosting,
  computeView,
  requestProbe,
  resolveTabId,
  watchTab,
} from '../../src/extension/popup-controller';
import '../../src/ui/popup-app';

// Thin wiring: the decisions live in src/extension/popup-controller.ts, the
// rendering in src/ui (neither needs this page to be tested).
const app = document.querySelector('empreinte-popup') ?? document.body.appendChild(document.createElement('empreinte-popup'));
const history = new HistoryStore();

function setLanguage(lang: Lang): void {
  applyDocumentLanguage(lang, t(lang, 'popup.title'));
  app.language = lang;
}

async function start(): Promise<void> {
  setLanguage(await pageLanguage());
  watchLanguage(setLanguage);
  const tabId = await resolveTabId(location.search);
  if (tabId === null) {
    app.view = { kind: 'no-tab' };
    return;
  }
  app.tabId = tabId;
  let site: string | null = null;
  const refreshHistory = async (): Promise<void> => {
    if (site === null) return;
    [app.history, app.paused] = await Promise.all([history.entries(site), history.isPaused(site)]);
  };
  history.watch(() => void refreshHistory());
  app.addEventListener('empreinte-pause', (event) => {
    void history.setPaused(event.detail.site, event.detail.paused).then(refreshHistory);
  });
  let pending = false;
  let latest = 0;
  let greenChecked = false;
  const refresh = async (): Promise<void> => {
    // Refreshes overlap while a page loads: only the newest one may draw.
    const run = ++latest;
    const { view, url } = await computeView(tabId);
    if (run !== latest) return;
    app.view = view;
    app.host = hostOf(url);
    document.body.dataset.state = view.kind === 'report' ? (view.loading ? 'loading' : 'ready') : view.kind;
    const nextSite = view.kind === 'report' ? view.report.page.site : null;
    if (nextSite !== site) {
      site = nextSite;
      void refreshHistory();
    }
    if (view.kind === 'report' && !greenChecked) {
      // Once per opening, and only if the user turned online checks on (checkGreenHosting decides).
      greenChecked = true;
      void checkGreenHosting(view.report.page.finalUrl).then((changed) => (changed ? refresh() : undefined));
    }
  };
  // Storage changes come in bursts while a page loads: redraw at most every 250 ms.
  watchTab(tabId, () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      void refresh();
    }, 250);
  });
  app.addEventListener('empreinte-grant', () => {
    // Must run in the click's user gesture: no await before it.
    void browser.permissions.request(ALL_SITES).then(() => refresh());
  });
  requestProbe(tabId);
  await refresh();
}

function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).host || null : null;
  } catch {
    return null;
  }
}

void start();
