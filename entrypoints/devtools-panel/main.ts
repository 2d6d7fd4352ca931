import { pickLanguage, t, type Lang } from '../../src/i18n/index';
import { applyDocumentLanguage, pageLanguage, watchLanguage } from '../../src/extension/language';
import { loadCatalogs } from '../../src/data/index';
import { toolVersion } from '../../src/version';
import { renderReportHtml } from '../../src/ui/html-report';
import { acceptContentMessage, PROBE_REQUEST } from '../../src/extension/messages';
import { analysisOptions } from '../../src/extension/popup-controller';
import { measurePrecisely, PreciseError, type DevtoolsFacade, type EvalResult, type PreciseStep } from '../../src/extension/precise';
import { buildPassiveCapture, type FrameDom } from '../../src/collect/webrequest';
import { readTab } from '../../src/extension/tab-store';
import type { Report } from '../../src/core/report';
import './precise-app';

// Thin wiring: the protocol lives in src/extension/precise.ts (tested with a
// fake facade), the view in ./precise-app.ts. The callback forms of the
// `chrome.*` APIs are used on purpose: they behave the same in Chrome and
// Firefox, while promise forms differ between the polyfill and native APIs.

interface ExceptionInfo {
  isError?: boolean;
  code?: string;
  description?: string;
  isException?: boolean;
  value?: string;
}
interface ChromeLike {
  devtools?: {
    inspectedWindow: {
      tabId: number;
      reload(options: { ignoreCache: boolean }): void;
      eval(expression: string, options: { frameURL?: string }, callback: (result: unknown, error?: ExceptionInfo) => void): void;
    };
    network: { getHAR(callback: (log: unknown) => void): void };
  };
  runtime: {
    id: string;
    onMessage: { addListener(listener: (message: unknown, sender: { id?: string; tab?: { id?: number }; frameId?: number }) => void): void };
  };
  tabs?: { sendMessage?(tabId: number, message: unknown, options: { frameId: number }, callback: () => void): void };
}

const chrome = (globalThis as unknown as { chrome: ChromeLike }).chrome;
let lang = pickLanguage(navigator.languages);
const app = document.querySelector('empreinte-precise') ?? document.body.appendChild(document.createElement('empreinte-precise'));
// The language chosen in the options (automatic, French, English), switchable at run time.
const useLanguage = (chosen: Lang): void => {
  lang = chosen;
  applyDocumentLanguage(lang, t(lang, 'precise.title'));
  app.language = lang;
};
useLanguage(lang);
void pageLanguage().then(useLanguage);
watchLanguage(useLanguage);

const EVAL_TIMEOUT_MS = 10_000;
const PROBE_WAIT_MS = 4_000;

/** The content script's latest probe of the inspected tab's top frame; reset at each reload. */
let observation: FrameDom | null = null;
let observations = 0;

function facadeOf(api: NonNullable<ChromeLike['devtools']>): DevtoolsFacade {
  const tabId = api.inspectedWindow.tabId;
  chrome.runtime.onMessage.addListener((raw, sender) => {
    // Content scripts' messages reach every extension page; the background answers them, never this page.
    if (sender.tab?.id !== tabId || sender.frameId !== 0) return;
    const accepted = acceptContentMessage(raw, sender, chrome.runtime.id);
    if (accepted?.message.type === 'empreinte:dom') {
      observation = accepted.message.observation;
      observations++;
    }
  });
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  return {
    async frameRequests() {
      // The background records the tab passively (storage.session); its
      // sub-frame requests fill what the DevTools log misses.
      const tab = await readTab(tabId);
      const capture = tab ? buildPassiveCapture(tab) : null;
      return capture ? capture.requests.filter((request) => request.frameId !== null) : [];
    },
    reload(options) {
      observation = null;
      api.inspectedWindow.reload(options);
    },
    eval(expression, options = {}) {
      return new Promise<EvalResult>((resolve) => {
        const timer = setTimeout(() => resolve({ value: undefined, error: 'timeout' }), EVAL_TIMEOUT_MS);
        api.inspectedWindow.eval(expression, options, (value, error) => {
          clearTimeout(timer);
          const failed = error && (error.isError || error.isException);
          resolve(failed ? { value: undefined, error: String(error.value ?? error.description ?? error.code) } : { value, error: null });
        });
      });
    },
    getHAR: () => new Promise((resolve) => api.network.getHAR(resolve)),
    async pageObservation() {
      // Ask for a fresh probe (after the scroll) where this page may message tabs; else keep the last one.
      const seen = observations;
      if (typeof chrome.tabs?.sendMessage === 'function') {
        chrome.tabs.sendMessage(tabId, PROBE_REQUEST, { frameId: 0 }, () => void (globalThis as { chrome?: { runtime?: { lastError?: unknown } } }).chrome?.runtime?.lastError);
        for (let waited = 0; waited < PROBE_WAIT_MS && observations === seen; waited += 100) await sleep(100);
      } else if (observation === null) {
        for (let waited = 0; waited < PROBE_WAIT_MS && observation === null; waited += 100) await sleep(100);
      }
      return observation;
    },
    sleep,
    now: () => new Date(),
  };
}

function show(state: typeof app.state): void {
  app.state = state;
  document.body.dataset.state = state.kind;
}

let lastReport: Report | null = null;

async function measure(devtools: DevtoolsFacade): Promise<void> {
  const steps: PreciseStep[] = [];
  show({ kind: 'measuring', steps });
  try {
    const result = await measurePrecisely(devtools, {
      catalogs: loadCatalogs(),
      toolVersion,
      settings: async (pageUrl) => {
        const { gridIntensity, greenHosting } = await analysisOptions(pageUrl);
        return { gridIntensity, greenHosting };
      },
      onStep: (step) => {
        steps.push(step);
        show({ kind: 'measuring', steps: [...steps] });
      },
    });
    lastReport = result.report;
    show({ kind: 'done', result, reportHtml: renderReportHtml(result.report, lang) });
  } catch (error) {
    const message =
      error instanceof PreciseError
        ? t(lang, error.key, error.params)
        : t(lang, 'precise.error.unexpected', { reason: error instanceof Error ? error.message : String(error) });
    show({ kind: 'error', message });
  }
}

function download(report: Report): void {
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  let host = 'page';
  try {
    host = new URL(report.page.finalUrl).hostname || host;
  } catch {
    // keep the generic name
  }
  link.download = `empreinte-precise-${host}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

if (!chrome?.devtools) {
  show({ kind: 'error', message: t(lang, 'precise.error.noDevtools') });
} else {
  const devtools = facadeOf(chrome.devtools);
  show({ kind: 'idle' });
  app.addEventListener('empreinte-measure', () => void measure(devtools));
  app.addEventListener('empreinte-download', () => {
    if (lastReport) download(lastReport);
  });
}
