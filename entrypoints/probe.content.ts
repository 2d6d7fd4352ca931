import { browser, defineContentScript } from '#imports';
import { askPageGlobals } from '../src/collect/globals-bridge';
import { probeDocument } from '../src/collect/probe';
import { MAX_TIMINGS_PER_MESSAGE } from '../src/collect/timing-limits';
import type { ResourceTimingEntry } from '../src/collect/resource-timing';
import type { ProbeTargets } from '../src/core/dependencies/probe-targets';
import type {
  DomMessage,
  InteractionMessage,
  ProbeRequest,
  TargetsRequest,
  TimingMessage,
} from '../src/extension/messages';

/**
 * Runs in every frame (EcoIndex counts the elements of frames too; the
 * background files observations by frame id and adds them up): the DOM probe
 * once the document is parsed, the time of the first trusted interaction, and
 * the Resource Timing sizes of the frame's resources. It starts at
 * `document_start` so that its PerformanceObserver sees every entry (the
 * browser's timing buffer keeps only 250). Kept small on purpose: plain data
 * out, no zod, no lit; the background validates what it receives.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  // Frames written by script (about:blank, ad slots) have elements too.
  matchAboutBlank: true,
  main() {
    let firstInteractionAt: number | null = null;
    // What to look for comes from the background (the catalogs stay out of this script).
    let targets: ProbeTargets | null = null;

    const send = (message: DomMessage | InteractionMessage | TargetsRequest | TimingMessage): Promise<unknown> =>
      // The worker may be restarting, or the extension reloaded: nothing to do then.
      browser.runtime.sendMessage(message).catch(() => null);
    // Timing entries are observed once: a batch caught by a stopping worker
    // would be lost for good, so it is sent again until the background says it
    // saved it (the worker restarts on the next message; it drops duplicates).
    const deliver = async (message: TimingMessage): Promise<void> => {
      for (let attempt = 0; attempt < 4; attempt++) {
        // The background answers once the batch is saved; anything else means it was not.
        const answer = (await send(message)) as { stored?: unknown } | null | undefined;
        if (answer?.stored === true) return;
        await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
      }
    };
    const report = async (): Promise<void> => {
      targets ??= ((await send({ type: 'empreinte:targets' })) as ProbeTargets | null) ?? null;
      const observation = probeDocument(document, { markers: targets?.markers, firstInteractionAt });
      // This world cannot see the page's globals: the main-world script answers for them.
      observation.globals = askPageGlobals(document, targets?.globals ?? []) ?? [];
      void send({ type: 'empreinte:dom', observation });
    };

    const onInteraction = (event: Event): void => {
      if (!event.isTrusted || firstInteractionAt !== null) return;
      // On the epoch clock of webRequest's timeStamp, not performance.now()'s own origin.
      firstInteractionAt = epoch(performance.now());
      for (const type of interactionTypes) removeEventListener(type, onInteraction, listenerOptions);
      void send({ type: 'empreinte:interaction', at: firstInteractionAt });
    };
    for (const type of interactionTypes) addEventListener(type, onInteraction, listenerOptions);

    // The page loads first: walking the DOM and sending messages while it
    // loads would take its main thread and the browser's from it. The probe
    // and the timing batches start at the first idle moment after `load`, or
    // LOAD_WAIT_MS after the document is parsed for a page that never ends
    // loading (a request that hangs).
    const afterLoad = new Promise<void>((resolve) => {
      let started = false;
      const start = (): void => {
        if (started) return;
        started = true;
        whenIdle(resolve);
      };
      if (document.readyState === 'complete') return start();
      addEventListener('load', start, { once: true });
      const parsed = (): void => void setTimeout(start, LOAD_WAIT_MS);
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', parsed, { once: true });
      else parsed();
    });

    observeTimings((entries) => void deliver({ type: 'empreinte:timing', entries }), afterLoad);

    // Pages keep building themselves after `load` (widgets, lazy content):
    // probe once it has loaded, and once more when that has settled.
    void afterLoad.then(() => {
      void report();
      setTimeout(() => void report(), SETTLE_MS);
    });

    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && (message as ProbeRequest | null)?.type === 'empreinte:probe') void report();
      return undefined;
    });
  },
});

const SETTLE_MS = 2000;
/** The longest wait for an idle moment. */
const IDLE_MS = 1000;
/** A page still loading this long after it was parsed is probed anyway. */
const LOAD_WAIT_MS = 5000;
/** Entries are sent in batches, at most this long after they were observed. */
const BATCH_MS = 1000;
const interactionTypes = ['click', 'keydown', 'touchstart'] as const;
const listenerOptions: AddEventListenerOptions = { capture: true, passive: true };

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: IDLE_MS });
  else setTimeout(run, 0);
}

function epoch(sinceOrigin: number): number {
  return Math.round((performance.timeOrigin + sinceOrigin) * 10) / 10;
}

/**
 * Follows the frame's Resource Timing (its document and its resources) and
 * hands over batches of the entries that carry a size: cross-origin
 * resources without `Timing-Allow-Origin` report 0 and tell nothing. Entries
 * are gathered from the start (the browser's buffer keeps only 250) but
 * handed over only once `ready` (the page has loaded), then in batches.
 */
function observeTimings(deliver: (entries: ResourceTimingEntry[]) => void, ready: Promise<void>): void {
  if (typeof PerformanceObserver !== 'function') return;
  const pending: ResourceTimingEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sending = false;
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    while (pending.length > 0) deliver(pending.splice(0, MAX_TIMINGS_PER_MESSAGE));
  };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      if (!(entry.transferSize > 0 || entry.encodedBodySize > 0) || !/^https?:/.test(entry.name)) continue;
      pending.push({
        name: entry.name.slice(0, 65536),
        transferSize: Math.round(entry.transferSize),
        encodedBodySize: Math.round(entry.encodedBodySize),
        startTime: epoch(entry.startTime),
        initiatorType: entry.initiatorType.slice(0, 40),
      });
    }
    if (sending && pending.length > 0) timer ??= setTimeout(flush, BATCH_MS);
  });
  void ready.then(() => {
    sending = true;
    flush();
  });
  for (const type of ['resource', 'navigation']) {
    try {
      observer.observe({ type, buffered: true });
    } catch {
      // an older browser without this entry type: the other one still counts
    }
  }
  // The page goes away: what was observed must not be lost with it.
  addEventListener('pagehide', flush);
}
