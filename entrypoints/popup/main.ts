import { browser } from '#imports';
import { pickLanguage, t } from '../../src/i18n/index';
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
const lang = pickLanguage(navigator.languages);
document.documentElement.lang = lang;
document.title = t(lang, 'popup.title');

const app = document.querySelector('empreinte-popup') ?? document.body.appendChild(document.createElement('empreinte-popup'));
app.language = lang;

async function start(): Promise<void> {
  const tabId = await resolveTabId(location.search);
  if (tabId === null) {
    app.view = { kind: 'no-tab' };
    return;
  }
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
