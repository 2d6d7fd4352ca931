/**
 * Captures one page with Playwright over CDP, by the EcoIndex protocol: load,
 * wait for the network to go quiet (bounded), scroll to the bottom, wait
 * again, then run the DOM probe in every frame. Each page gets a fresh
 * browser context (no cache, no cookies) and a desktop 1920×1080 viewport
 * (or a phone's with `mobile`). With a consent driver, the refuse/accept click
 * happens between the first quiet network and the scroll, so that what fires
 * after the choice is measured too; the click is the first interaction.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Frame } from 'playwright-core';
import type { ConsentDriver, ConsentOutcome } from './audit/consent';
import { consentStateOf, contextOptions, interactionSinceStart, pageLinks, withInteraction } from './audit/capture-extras';
export { consentStateOf, MOBILE_VIEWPORT } from './audit/capture-extras';
import { CdpNetworkRecorder, mergeFrameObservations } from '../collect/cdp';
import type { FrameObservation } from '../collect/probe';
import { PageCapture } from '../core/capture';
import { probeTargets } from '../core/dependencies/probe-targets';
import { loadCatalogs } from '../data/index';
import { describeIssues } from '../core/zod';

export interface CaptureOptions {
  /** hard limit for the whole page, in ms */
  timeoutMs: number;
  viewport?: { width: number; height: number };
  /** progress lines (stderr) */
  log?: (line: string) => void;
  /** replaces the browser's own user agent */
  userAgent?: string;
  /** a phone: 390×844 CSS pixels, device scale 3, touch (the user agent stays the given one) */
  mobile?: boolean;
  /** finds the consent manager and clicks; absent: no interaction at all */
  consent?: ConsentDriver;
  /** take a viewport screenshot (PNG) at the end */
  screenshot?: boolean;
}

export interface CaptureResult {
  capture: PageCapture;
  /** what the consent driver did; null without one */
  consent: ConsentOutcome | null;
  screenshot: Buffer | null;
  /** the top document's links (absolute http(s) URLs) with their text */
  links: { href: string; text: string }[];
}


/** The page could not be loaded at all (DNS, refused connection, timeout): not a bug. */
export class UnreachableError extends Error {}

const QUIET_MS = 1000;
const QUIET_MAX_MS = 15_000;

/** dist/probe.js, inlined by the build; read from disk when the sources run unbundled. */
function probeScript(): string {
  if (typeof __PROBE_SCRIPT__ === 'string') return __PROBE_SCRIPT__;
  const here = dirname(fileURLToPath(import.meta.url));
  return readFileSync(join(here, '../../dist/probe.js'), 'utf8');
}

type Send = (method: string, params?: Record<string, unknown>) => Promise<unknown>;
type Listener = (method: string, params: Record<string, never>) => void;
/** A CDP message from a child target, unwrapped from `Target.receivedMessageFromTarget`. */
interface ChildMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: unknown;
}

/**
 * Follows every child target (out-of-process iframes, workers) of the page.
 *
 * Why not flattened sessions: Playwright's CDPSession cannot reach them — its
 * connection drops every message whose `sessionId` it did not create itself,
 * so `Target.setAutoAttach {flatten: true}` on our session attaches targets
 * whose events never reach us. In the non-flattened mode each child's
 * messages arrive wrapped in `Target.receivedMessageFromTarget` on the
 * parent session and we talk to it with `Target.sendMessageToTarget`; that
 * nests for iframes inside iframes. Children start paused
 * (`waitForDebuggerOnStart`) so that no request escapes before
 * `Network.enable`; they are then resumed. tests/e2e/cli-audit.test.ts proves
 * it with a cross-site iframe whose payload must be counted.
 */
function followTargets(send: Send, subscribe: (listener: Listener) => void, recorder: CdpNetworkRecorder): void {
  const children = new Map<string, (message: ChildMessage) => void>();
  subscribe((method, params) => {
    if (method === 'Target.attachedToTarget') {
      const sessionId = String(params['sessionId']);
      let nextId = 1;
      const pending = new Map<number, (value: unknown) => void>();
      const listeners: Listener[] = [];
      const childSend: Send = (childMethod, childParams = {}) => {
        const id = nextId++;
        const reply = new Promise((resolve) => pending.set(id, resolve));
        const sent = send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: childMethod, params: childParams }),
        });
        return Promise.all([sent, reply]).then(([, value]) => value);
      };
      children.set(sessionId, (message) => {
        if (typeof message.id === 'number') {
          pending.get(message.id)?.(message.result ?? message.error);
          pending.delete(message.id);
        } else if (message.method) {
          recorder.handle(message.method, message.params ?? {});
          for (const listener of listeners) listener(message.method, (message.params ?? {}) as Record<string, never>);
        }
      });
      followTargets(childSend, (listener) => listeners.push(listener), recorder);
      // Errors (a worker without Target domain, a target gone) must not stop the page.
      const type = (params['targetInfo'] as { type?: string } | undefined)?.type;
      void childSend('Network.enable')
        .then(() => (type === 'iframe' ? childSend('Target.setAutoAttach', autoAttach) : undefined))
        .catch(() => undefined)
        .finally(() => childSend('Runtime.runIfWaitingForDebugger').catch(() => undefined));
    } else if (method === 'Target.receivedMessageFromTarget') {
      const route = children.get(String(params['sessionId']));
      try {
        if (route) route(JSON.parse(String(params['message'])));
      } catch {
        // a malformed message from a child is ignored, not fatal
      }
    } else if (method === 'Target.detachedFromTarget') {
      children.delete(String(params['sessionId']));
    }
  });
}

const networkEvents = [
  'Network.requestWillBeSent',
  'Network.responseReceived',
  'Network.requestServedFromCache',
  'Network.dataReceived',
  'Network.responseReceivedExtraInfo',
  'Network.loadingFinished',
  'Network.loadingFailed',
];
const targetEvents = ['Target.attachedToTarget', 'Target.receivedMessageFromTarget', 'Target.detachedFromTarget'];

const autoAttach = { autoAttach: true, waitForDebuggerOnStart: true, flatten: false };

async function waitForQuiet(recorder: CdpNetworkRecorder, deadline: number): Promise<boolean> {
  const limit = Math.min(deadline, Date.now() + QUIET_MAX_MS);
  while (Date.now() < limit) {
    if (recorder.inFlight === 0 && Date.now() - recorder.lastActivity >= QUIET_MS) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

let probeCall: string | null = null;
/** The probe's call with what the catalogs ask it to look for (JS globals, DOM markers), built once. */
function probeExpression(): string {
  probeCall ??= `globalThis.__empreinteProbe(${JSON.stringify(probeTargets(loadCatalogs()))})`;
  return probeCall;
}

async function probeFrame(frame: Frame, script: string): Promise<FrameObservation | null> {
  try {
    await frame.evaluate(script);
    // Playwright evaluates in the frame's main world: the page's own globals are visible.
    return (await frame.evaluate(probeExpression())) as FrameObservation;
  } catch {
    return null; // a frame that navigated away or was detached meanwhile
  }
}

export async function capturePage(browser: Browser, url: string, options: CaptureOptions): Promise<PageCapture> {
  return (await capturePageDetailed(browser, url, options)).capture;
}



export async function capturePageDetailed(browser: Browser, url: string, options: CaptureOptions): Promise<CaptureResult> {
  const { viewport, context: contextSettings } = contextOptions(options);
  const deadline = Date.now() + options.timeoutMs;
  const capturedAt = new Date().toISOString();
  const context = await browser.newContext(contextSettings);
  try {
    const page = await context.newPage();
    if (options.consent) await options.consent.install(page);
    const session: CDPSession = await context.newCDPSession(page);
    const recorder = new CdpNetworkRecorder();
    const send: Send = (method, params) => session.send(method as never, params as never);
    // Playwright types `on` per protocol event; we listen by name.
    const on = (session as unknown as { on(event: string, listener: (params: Record<string, never>) => void): void }).on.bind(session);
    for (const event of networkEvents) on(event, (params) => recorder.handle(event, params));
    // The wall-clock time of the request the recorder counts from, so that the
    // consent click (a Date.now() in the page) lands on the requests' clock.
    let navigationWallMs: number | null = null;
    on('Network.requestWillBeSent', (params: Record<string, unknown>) => {
      const url = (params['request'] as { url?: string } | undefined)?.url ?? '';
      if (navigationWallMs === null && params['type'] === 'Document' && /^https?:/i.test(url)) {
        navigationWallMs = Number(params['wallTime']) * 1000 || null;
      }
    });
    followTargets(send, (listener) => targetEvents.forEach((event) => on(event, (params) => listener(event, params))), recorder);
    await send('Network.enable');
    await send('Target.setAutoAttach', autoAttach);

    let response;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: Math.max(1000, deadline - Date.now()) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const timedOut = /Timeout/i.test(message) ? `timed out after ${options.timeoutMs} ms` : null;
      const reason = /net::[A-Z_]+/.exec(message)?.[0] ?? timedOut ?? message.split('\n')[0];
      throw new UnreachableError(reason ?? 'navigation failed');
    }
    let complete = await waitForQuiet(recorder, deadline);
    let consent: ConsentOutcome | null = null;
    if (options.consent) {
      options.log?.('looking for a consent manager');
      consent = await options.consent.act(context, deadline);
      // What the choice triggers (trackers loading, or not) belongs to the measure.
      if (consent.interactionEpochMs !== null) complete = (await waitForQuiet(recorder, deadline)) && complete;
    }
    options.log?.('scrolling to the bottom');
    await page.evaluate(async () => {
      // Step by a viewport so that lazy images and iframes on the way load too.
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
    });
    complete = (await waitForQuiet(recorder, deadline)) && complete;

    const script = probeScript();
    const main = await probeFrame(page.mainFrame(), script);
    const others: FrameObservation[] = [];
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const observed = await probeFrame(frame, script);
      if (observed) others.push(observed);
    }
    const cookiesBefore = consent?.cookiesBefore ?? null;
    const cookies = recorder
      .classifyCookies(await context.cookies())
      .map((cookie) => (cookiesBefore ? { ...cookie, beforeInteraction: cookiesBefore.has(`${cookie.name} ${cookie.domain}`) } : cookie));
    const interactionAt = interactionSinceStart(navigationWallMs, consent);
    const requests = recorder.requests();
    const mainDocument = requests.find((r) => r.type === 'document' && r.frameId === null);
    const title = main?.title ?? ((await page.title().catch(() => '')) || null);

    const capture = {
      schemaVersion: 1,
      page: {
        url,
        finalUrl: page.url() || response?.url() || url,
        title,
        capturedAt,
        method: 'cdp',
        consentState: consentStateOf(options.consent?.action ?? null, consent),
        softNavigation: false,
        documentFromCache: mainDocument?.fromCache ?? false,
        complete,
        agent: `Chromium ${browser.version()}`,
        viewport,
      },
      requests,
      droppedRequests: recorder.droppedRequests(),
      cookies,
      dom: main ? withInteraction(mergeFrameObservations(main, others), interactionAt) : null,
    };
    const parsed = PageCapture.safeParse(capture);
    if (!parsed.success) throw new Error(`invalid capture: ${describeIssues(parsed.error)}`);
    const links = await pageLinks(page);
    let screenshot: Buffer | null = null;
    if (options.screenshot) {
      // The top of the page, as a visitor first sees it (the protocol scrolled to the bottom).
      await page.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
      screenshot = await page.screenshot({ type: 'png', timeout: Math.max(1000, Math.min(10_000, deadline - Date.now())) }).catch(() => null);
    }
    return { capture: parsed.data, consent, screenshot, links };
  } finally {
    await context.close().catch(() => undefined);
  }
}
