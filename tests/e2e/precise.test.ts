// Precise mode in real Chromium, through the real DevTools: Chromium starts
// with DevTools open on every tab (--auto-open-devtools-for-tabs works
// headless), the test shows the "Empreinte" panel in the DevTools front-end
// and clicks « Mesurer précisément » inside the panel's own frame. Nothing is
// injected: the panel uses the browser's chrome.devtools API.
//
// Playwright does not expose DevTools' own targets as pages, so the test talks
// CDP to them (Target.attachToTarget without flatten + sendMessageToTarget).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import { ELEMENT_COUNT_EXPRESSION } from '../../src/collect/devtools';
import { pickLanguage, t } from '../../src/i18n/index';
import { chromiumArgs, chromiumPath, fakeInternetArgs } from './support/chromium';
import { extensionDir } from './support/extension';

const SITE = 'https://www.salle-exemple.fr/';
let server: SiteServer;
let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  server = await startSiteServer({ root: 'tests/fixtures/sites/salle' });
  userDataDir = await mkdtemp(join(tmpdir(), 'empreinte-precise-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'fr-FR',
    args: [
      ...chromiumArgs,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--auto-open-devtools-for-tabs',
      ...fakeInternetArgs(server.port),
    ],
  });
}, 60_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await server?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/** CDP to targets Playwright does not manage (DevTools front-end, extension frames inside it). */
class Targets {
  private seq = 0;
  private readonly pending = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.receivedMessageFromTarget', ({ message }: { message: string }) => {
      const parsed = JSON.parse(message) as { id?: number; result?: unknown; error?: unknown };
      if (parsed.id !== undefined) this.pending.get(parsed.id)?.(parsed);
    });
  }
  async list(): Promise<{ targetId: string; type: string; url: string }[]> {
    return ((await this.cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] })
      .targetInfos;
  }
  async attach(targetId: string): Promise<string> {
    return (await this.cdp.send('Target.attachToTarget', { targetId, flatten: false })).sessionId;
  }
  /** Evaluates an expression (promises awaited) in an attached target; returns its JSON value. */
  evaluate(sessionId: string, expression: string): Promise<unknown> {
    const id = ++this.seq;
    const answer = new Promise<{ result?: unknown; error?: unknown }>((resolve) => this.pending.set(id, resolve));
    const params = { expression, awaitPromise: true, returnByValue: true };
    void this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params }) });
    return answer.then((message) => {
      this.pending.delete(id);
      const result = message.result as { result?: { value?: unknown }; exceptionDetails?: { text?: string } } | undefined;
      if (!result || result.exceptionDetails) throw new Error(`evaluate failed: ${JSON.stringify(message).slice(0, 300)}`);
      return result.result?.value;
    });
  }
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface PanelResult {
  state: string;
  error: string | null;
  method: string;
  requests: { url: string; bytes: number | null; bytesSource: string | null }[];
  elements: number | null;
  framesCounted: number;
  framesSeen: number;
  reportBytes: number;
  reportMethod: string;
  grade: string;
  sandbox: string | null;
  srcdocHasReport: boolean;
}

describe('precise mode: the Empreinte DevTools panel in real Chromium', () => {
  it('reloads without cache, takes exact bytes from the DevTools log and counts DOM elements across frames', async () => {
    const page = await context.newPage();
    await page.goto(SITE, { waitUntil: 'load' });
    const targets = new Targets(await context.browser()!.newBrowserCDPSession());

    // The DevTools window inspecting our page, once it has created the extension's panel.
    const { session, panelId } = await until(
      'the DevTools front-end with the Empreinte panel',
      async () => {
        for (const target of (await targets.list()).filter((t) => t.url.startsWith('devtools://'))) {
          const session = await targets.attach(target.targetId);
          const found = (await targets.evaluate(
            session,
            `(async () => {
              const UI = await import('./ui/legacy/legacy.js');
              const SDK = await import('./core/sdk/sdk.js');
              const inspected = SDK.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL() ?? '';
              const id = UI.InspectorView.InspectorView.instance().tabbedPane.tabIds().find((tab) => tab.endsWith('Empreinte'));
              return inspected.startsWith(${JSON.stringify(SITE)}) && id ? id : null;
            })()`,
          )) as string | null;
          if (found) return { session, panelId: found };
        }
        return null;
      },
      30_000,
    );
    await targets.evaluate(
      session,
      `(async () => { const UI = await import('./ui/legacy/legacy.js'); await UI.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId)}); return true; })()`,
    );

    const panel = await until(
      'the panel frame',
      async () => {
        const frame = (await targets.list()).find((t) => t.url.endsWith('/devtools-panel.html'));
        if (!frame) return null;
        const session = await targets.attach(frame.targetId);
        const ready = `document.body.dataset.state === 'idle' && !!document.querySelector('empreinte-precise')?.shadowRoot?.querySelector('#measure')`;
        return (await targets.evaluate(session, ready)) === true ? session : null;
      },
      20_000,
    );
    const intro = (await targets.evaluate(panel, `document.querySelector('empreinte-precise').shadowRoot.textContent`)) as string;
    // Playwright's locale reaches the pages it drives, not DevTools' frames: the panel follows the browser's languages.
    const lang = pickLanguage((await targets.evaluate(panel, '[...navigator.languages]')) as string[]);
    expect(intro).toContain(t(lang, 'precise.measure'));
    expect(intro).toContain(t(lang, 'precise.reloadWarning'));

    const servedBefore = server.served.length;
    await targets.evaluate(panel, `document.querySelector('empreinte-precise').shadowRoot.querySelector('#measure').click(), true`);
    await until(
      'the measurement',
      async () => {
        const state = await targets.evaluate(panel, 'document.body.dataset.state');
        return state === 'done' || state === 'error' ? state : null;
      },
      120_000,
    );
    const result = (await targets.evaluate(
      panel,
      `(() => {
        const app = document.querySelector('empreinte-precise');
        const state = app.state;
        if (state.kind !== 'done') return { state: state.kind, error: state.message ?? null };
        const { capture, report, framesCounted, framesSeen } = state.result;
        const frame = app.shadowRoot.querySelector('iframe');
        return {
          state: state.kind, error: null, method: capture.page.method,
          requests: capture.requests.map((r) => ({ url: r.url, bytes: r.bytes, bytesSource: r.bytesSource })),
          elements: capture.dom ? capture.dom.elements : null, framesCounted, framesSeen,
          reportBytes: report.footprint.bytes, reportMethod: report.page.method,
          grade: app.shadowRoot.querySelector('#grade').textContent,
          sandbox: frame.getAttribute('sandbox'), srcdocHasReport: frame.srcdoc.includes('<html'),
        };
      })()`,
    )) as PanelResult;

    expect(result.error).toBeNull();
    expect(result.state).toBe('done');
    expect(result.method).toBe('precise');
    expect(result.reportMethod).toBe('precise');
    expect(result.grade).toMatch(/^EcoIndex [A-G] \(\d+\/100\)$/);
    // The report is shown in a frame that may not run scripts.
    expect(result.sandbox).toBe('');
    expect(result.srcdocHasReport).toBe(true);

    // Exact bytes from the DevTools log; the cross-site video frame's document is in it.
    const fromLog = result.requests.filter((r) => r.bytesSource === 'devtools');
    expect(fromLog.some((r) => r.url.startsWith('https://player.vimeo.com/'))).toBe(true);
    // Each logged request's bytes against what the server wrote for it during the reload (headers included).
    // The browser's own traffic (favicon, account checks) is not the page's.
    const served = server.served
      .slice(servedBefore)
      .filter((record) => !record.path.endsWith('/favicon.ico') && record.host !== 'accounts.google.com');
    const logged = fromLog.filter((r) => !r.url.endsWith('/favicon.ico'));
    for (const request of logged) {
      const record = served.find((item) => `https://${item.host}${item.path}` === request.url.split('?')[0]);
      expect(record, request.url).toBeDefined();
      expect(Math.abs((request.bytes ?? 0) - record!.bytes) / record!.bytes, request.url).toBeLessThan(0.02);
    }
    // Chromium's DevTools log leaves out the requests made inside the out-of-process frame (its
    // script and poster image): they come from the passive observer, with their own byte source,
    // so that every request the server saw is in the report once, and the report says how it knows.
    const reported = result.requests.filter((r) => !r.url.endsWith('/favicon.ico')).map((r) => r.url.split('?')[0] ?? r.url);
    const servedUrls = served.map((record) => `https://${record.host}${record.path}`);
    expect([...reported].sort()).toEqual([...servedUrls].sort());
    const fromFrames = result.requests.filter((r) => r.bytesSource !== 'devtools');
    expect(fromFrames.map((r) => r.url.split('?')[0] ?? r.url).every((url) => /^https:\/\/(player\.vimeo\.com\/player\.js|i\.vimeocdn\.com\/)/.test(url)), JSON.stringify(fromFrames)).toBe(true);
    expect(fromFrames.every((r) => r.bytesSource === null || ['content-length', 'resource-timing'].includes(r.bytesSource))).toBe(true);

    // Elements by the EcoIndex method in every frame, counted independently through Playwright.
    let expected = 0;
    for (const frame of page.frames()) expected += ((await frame.evaluate(ELEMENT_COUNT_EXPRESSION)) as { elements: number }).elements;
    expect(page.frames().length).toBeGreaterThan(1);
    expect(result.framesCounted).toBe(page.frames().length);
    expect(result.framesSeen).toBe(page.frames().length);
    expect(result.elements).toBe(expected);
  }, 240_000);

});
