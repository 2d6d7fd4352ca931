/**
 * Drives @duckduckgo/autoconsent inside a Playwright page: finds the consent
 * manager (its rule name) and clicks refuse or accept, the way its own
 * Playwright test runner does (the `autoconsent.playwright.js` bundle in every
 * frame plus an exposed `autoconsentSendMessage` binding that answers `init`
 * and `eval`).
 *
 * autoAction is null on purpose: autoconsent then reports `popupFound` and
 * waits for our `optOut`/`optIn` message. That lets us take the cookie
 * snapshot ("set before the interaction") just before the click, which an
 * automatic action would race.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { AuditRow } from './row';

export type ConsentAction = 'refuse' | 'accept';

export interface ConsentOutcome {
  manager: string | null;
  outcome: AuditRow['consent']['outcome'];
  /** epoch ms of the consent click (the first interaction); null when nothing was clicked */
  interactionEpochMs: number | null;
  /** `name domain` of the cookies present just before the click; null when nothing was clicked */
  cookiesBefore: Set<string> | null;
}

/** How long autoconsent may look for a consent manager's popup after load, once it found the manager. */
const DETECT_MS = 10_000;
/**
 * Without any manager found by then (after at least two detection rounds in
 * the top frame), there is none. autoconsent itself would only give up after
 * 20 rounds that each wait for a DOM change, up to a minute on a static page.
 */
const NO_CMP_MS = 3_000;
/** How long a refuse/accept click sequence may take (autoconsent waits for buttons itself). */
const ACT_MS = 10_000;
/** After the top frame reported "nothing detected", other frames get this long to report one. */
const FRAMES_GRACE_MS = 1_000;

interface Rule {
  name: string;
  runContext?: { urlPattern?: string };
}

let assets: { script: string; rules: Rule[] } | null = null;
/** The bundle and the full rules (compact rules lack the opt-in steps), read once from the package. */
function autoconsentAssets(): { script: string; rules: Rule[] } {
  if (assets) return assets;
  // Read at run time from the installed package (a runtime dependency), not bundled.
  const packages = createRequire(import.meta.url);
  const dist = dirname(packages.resolve('@duckduckgo/autoconsent'));
  const script = readFileSync(join(dist, 'autoconsent.playwright.js'), 'utf8');
  const bundle = JSON.parse(readFileSync(packages.resolve('@duckduckgo/autoconsent/rules/rules.json'), 'utf8')) as { autoconsent: Rule[] };
  assets = { script, rules: bundle.autoconsent };
  return assets;
}

/** Rules that can apply to a frame: generic ones plus site-specific ones whose pattern matches its URL. */
export function rulesFor(rules: readonly Rule[], url: string): Rule[] {
  return rules.filter((rule) => {
    const pattern = rule.runContext?.urlPattern;
    if (!pattern) return true;
    try {
      return new RegExp(pattern).test(url);
    } catch {
      return false;
    }
  });
}

/** Records every click (trusted or not: autoconsent's are not) by the wall clock (Date.now), in every frame. */
const CLICK_RECORDER = `(() => {
  if (window.__empreinteClicks) return;
  const clicks = [];
  const now = Date.now.bind(Date); // kept before any page script could replace it
  Object.defineProperty(window, '__empreinteClicks', { value: clicks });
  document.addEventListener('click', () => clicks.push(now()), true);
})();`;

const CONFIG = {
  enabled: true,
  autoAction: null,
  disabledCmps: [],
  enablePrehide: false,
  // A cosmetic rule hides a banner without answering it: that is no refusal.
  enableCosmeticRules: false,
  enableGeneratedRules: true,
  detectRetries: 20,
  isMainWorld: false,
  prehideTimeout: 2000,
  enableHeuristicDetection: true,
  enablePopupMutationObserver: false,
  visualTest: false,
  logs: { lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false },
};

interface Message {
  type?: string;
  cmp?: string;
  id?: string;
  code?: string;
  result?: boolean;
  mainFrame?: boolean;
  state?: { lifecycle?: string; findCmpAttempts?: number };
}

function reply(frame: Frame, message: Record<string, unknown>): void {
  // A frame that navigated away meanwhile cannot be answered: not an error.
  void frame.evaluate((m) => (window as unknown as { autoconsentReceiveMessage?: (m: unknown) => unknown }).autoconsentReceiveMessage?.(m), message).catch(() => undefined);
}

export class ConsentDriver {
  private manager: string | null = null;
  private popup: { cmp: string; frame: Frame } | null = null;
  private result: boolean | null = null;
  private topNothingAt: number | null = null;
  private topAttempts = 0;

  constructor(readonly action: ConsentAction) {}

  /** Before navigation: the binding, the click recorder and autoconsent in every frame. */
  async install(page: Page): Promise<void> {
    const { script, rules } = autoconsentAssets();
    await page.exposeBinding('autoconsentSendMessage', ({ frame }: { frame: Frame }, message: Message) => {
      if (!message || typeof message !== 'object') return;
      switch (message.type) {
        case 'init':
          reply(frame, { type: 'initResp', config: CONFIG, rules: { autoconsent: rulesFor(rules, frame.url()) } });
          break;
        case 'eval':
          void frame
            .evaluate(String(message.code))
            .catch(() => false)
            .then((result: unknown) => reply(frame, { type: 'evalResp', id: message.id, result }));
          break;
        case 'cmpDetected':
          // The top frame's manager wins over one found in an embedded frame.
          if (this.manager === null || frame.parentFrame() === null) this.manager = message.cmp ?? null;
          break;
        case 'popupFound':
          this.popup ??= { cmp: message.cmp ?? 'unknown', frame };
          this.manager = this.popup.cmp;
          break;
        case 'optOutResult':
        case 'optInResult':
          this.result = message.result === true;
          break;
        case 'report':
          if (!message.mainFrame) break;
          if (message.state?.lifecycle === 'nothingDetected') this.topNothingAt ??= Date.now();
          this.topAttempts = Math.max(this.topAttempts, Number(message.state?.findCmpAttempts) || 0);
          break;
      }
    });
    await page.addInitScript(CLICK_RECORDER);
    await page.addInitScript(script);
  }

  /** After load: waits for the popup, clicks, and waits for autoconsent's verdict. */
  async act(context: BrowserContext, deadline: number): Promise<ConsentOutcome> {
    const none = (outcome: ConsentOutcome['outcome']): ConsentOutcome => ({
      manager: this.manager,
      outcome,
      interactionEpochMs: null,
      cookiesBefore: null,
    });
    const started = Date.now();
    const detectUntil = Math.min(deadline, started + DETECT_MS);
    while (this.popup === null && Date.now() < detectUntil) {
      if (this.manager === null) {
        if (this.topNothingAt !== null && Date.now() - this.topNothingAt >= FRAMES_GRACE_MS) break;
        if (this.topAttempts >= 2 && Date.now() - started >= NO_CMP_MS) break;
      }
      await sleep(100);
    }
    if (this.popup === null) return none(this.manager === null ? 'no-consent-manager' : 'failed');

    const cookiesBefore = new Set((await context.cookies()).map((cookie) => `${cookie.name} ${cookie.domain}`));
    const sentAt = Date.now();
    reply(this.popup.frame, { type: this.action === 'refuse' ? 'optOut' : 'optIn' });
    const actUntil = Math.min(deadline, Date.now() + ACT_MS);
    while (this.result === null && Date.now() < actUntil) await sleep(100);

    const clicks = (await this.popup.frame
      .evaluate(() => (window as unknown as { __empreinteClicks?: number[] }).__empreinteClicks ?? [])
      .catch(() => [])) as number[];
    // The first click since we asked is the consent click (page and Node read the same system clock).
    const clicked = clicks.find((at) => at >= sentAt);
    return {
      manager: this.manager,
      outcome: this.result === true ? 'done' : 'failed',
      interactionEpochMs: clicked ?? sentAt,
      cookiesBefore,
    };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
