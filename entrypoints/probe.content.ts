import { browser, defineContentScript } from '#imports';
import { askPageGlobals } from '../src/collect/globals-bridge';
import { probeDocument } from '../src/collect/probe';
import type { ProbeTargets } from '../src/core/dependencies/probe-targets';
import type { DomMessage, InteractionMessage, ProbeRequest, TargetsRequest } from '../src/extension/messages';

/**
 * Runs the DOM probe in the page and reports it, with the time of the first
 * trusted interaction. Kept small on purpose: plain data out, no zod, no lit;
 * the background validates what it receives. Every frame could run it (the
 * background files observations by frame id); for now only the top frame does.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: false,
  main() {
    let firstInteractionAt: number | null = null;
    // What to look for comes from the background (the catalogs stay out of this script).
    let targets: ProbeTargets | null = null;

    const send = (message: DomMessage | InteractionMessage | TargetsRequest): Promise<unknown> =>
      // The worker may be restarting, or the extension reloaded: nothing to do then.
      browser.runtime.sendMessage(message).catch(() => null);
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
      firstInteractionAt = Math.round((performance.timeOrigin + performance.now()) * 10) / 10;
      for (const type of interactionTypes) removeEventListener(type, onInteraction, listenerOptions);
      void send({ type: 'empreinte:interaction', at: firstInteractionAt });
    };
    for (const type of interactionTypes) addEventListener(type, onInteraction, listenerOptions);

    void report();
    // Pages keep building themselves after `load` (widgets, lazy content):
    // probe once more when that has settled.
    const settle = (): void => void setTimeout(() => void report(), SETTLE_MS);
    if (document.readyState === 'complete') settle();
    else addEventListener('load', settle, { once: true });

    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && (message as ProbeRequest | null)?.type === 'empreinte:probe') void report();
      return undefined;
    });
  },
});

const SETTLE_MS = 2000;
const interactionTypes = ['click', 'keydown', 'touchstart'] as const;
const listenerOptions: AddEventListenerOptions = { capture: true, passive: true };
