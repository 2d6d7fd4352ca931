import { browser } from '#imports';
import { pickLanguage, t, type Lang } from '../../src/i18n/index';
import { applyDocumentLanguage, pageLanguage, watchLanguage } from '../../src/extension/language';
import { buildPassiveCapture } from '../../src/collect/webrequest';
import { computeView, requestProbe, resolveTabId, watchTab } from '../../src/extension/popup-controller';
import { readTab } from '../../src/extension/tab-store';
import { download, exportFile } from '../../src/ui/export-files';
import type { ReportEntry, ReportPage } from '../../src/ui/report-page';
import '../../src/ui/report-page';
import { harTextOf, openHar } from './har-open';

/**
 * Wiring shared by report.html and sidepanel.html: the full report of
 * `?tab=ID` (or of the active tab, followed as it changes when `follow`),
 * redrawn as the tab's stored state changes; `?har` opens a HAR file instead.
 * The decisions live in src/extension (computeView) and the rendering in src/ui.
 */
export function startReportPage(options: { follow: boolean }): void {
  let lang = pickLanguage(navigator.languages);
  const app = document.querySelector('empreinte-report-page') ?? document.body.appendChild(document.createElement('empreinte-report-page'));
  // The language chosen in the options (automatic, French, English), switchable at run time.
  const useLanguage = (chosen: Lang): void => {
    lang = chosen;
    applyDocumentLanguage(lang, t(lang, 'fullreport.title'));
    app.language = lang;
  };
  useLanguage(lang);
  void pageLanguage().then(useLanguage);
  watchLanguage(useLanguage);
  const params = new URLSearchParams(location.search);
  let entries: ReportEntry[] = [];

  app.addEventListener('empreinte-export', (event) => {
    const entry = entries[event.detail.index];
    if (!entry) return;
    const { kind } = event.detail;
    const file = exportFile(kind, entry.report, lang, entry.capture, kind === 'har' && entry.capture ? harTextOf(entry.capture) : null);
    if (file) download(file);
  });

  if (params.has('har')) {
    app.mode = 'har';
    document.body.dataset.state = 'har';
    app.addEventListener('empreinte-har-text', (event) => {
      const opened = openHar(event.detail.text);
      entries = opened.ok ? opened.entries : [];
      app.entries = entries;
      app.harError = opened.ok ? null : opened.message;
      document.body.dataset.state = opened.ok ? 'har-ready' : 'har-error';
    });
    return;
  }
  void followTabs(app, options.follow, (next) => (entries = next));
}

async function followTabs(app: ReportPage, follow: boolean, setEntries: (entries: ReportEntry[]) => void): Promise<void> {
  let stop: (() => void) | null = null;
  const show = async (tabId: number | null) => {
    stop?.();
    stop = null;
    if (tabId === null) {
      app.view = { kind: 'no-tab' };
      return;
    }
    stop = watchReport(app, tabId, setEntries);
  };
  await show(await resolveTabId(location.search));
  if (follow && !new URLSearchParams(location.search).has('tab')) {
    const win = await browser.windows.getCurrent().catch(() => null);
    browser.tabs.onActivated.addListener((info) => {
      if (win?.id === undefined || info.windowId === win.id) void show(info.tabId);
    });
  }
}

/** Draws the tab's report now and whenever its stored state changes; returns a function that stops watching. */
function watchReport(app: ReportPage, tabId: number, setEntries: (entries: ReportEntry[]) => void): () => void {
  let latest = 0;
  let pending = false;
  const refresh = async () => {
    // Refreshes overlap while a page loads: only the newest one may draw.
    const run = ++latest;
    const { view, url } = await computeView(tabId);
    const recorded = view.kind === 'report' ? await readTab(tabId).catch(() => null) : null;
    const capture = recorded && view.kind === 'report' ? buildPassiveCapture(recorded, { agent: view.report.page.agent }) : null;
    if (run !== latest) return;
    app.view = view;
    app.capture = capture;
    app.host = hostOf(url);
    setEntries(view.kind === 'report' ? [{ report: view.report, capture }] : []);
    document.body.dataset.state = view.kind === 'report' ? (view.loading ? 'loading' : 'ready') : view.kind;
  };
  // Storage changes come in bursts while a page loads: redraw at most every 250 ms.
  const unwatch = watchTab(tabId, () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      void refresh();
    }, 250);
  });
  requestProbe(tabId);
  void refresh();
  return () => {
    latest++;
    unwatch();
  };
}

function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).host || null : null;
  } catch {
    return null;
  }
}
