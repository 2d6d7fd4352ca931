import { browser, defineContentScript } from '#imports';
import { probeDocument } from '../src/collect/probe';
import type { DomMessage, InteractionMessage, ProbeRequest } from '../src/extension/messages';

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

    const send = (message: DomMessage | InteractionMessage): void => {
      // The worker may be restarting, or the extension reloaded: nothing to do then.
      browser.runtime.sendMessage(message).catch(() => undefined);
    };
    const report = (): void => {
      send({ type: 'empreinte:dom', observation: probeDocument(document, { firstInteractionAt }) });
    };

    const onInteraction = (event: Event): void => {
      if (!event.isTrusted || firstInteractionAt !== null) return;
      firstInteractionAt = Math.round(performance.now() * 10) / 10;
      for (const type of interactionTypes) removeEventListener(type, onInteraction, listenerOptions);
      send({ type: 'empreinte:interaction', at: firstInteractionAt });
    };
    for (const type of interactionTypes) addEventListener(type, onInteraction, listenerOptions);

    report();
    // Pages keep building themselves after `load` (widgets, lazy content):
    // probe once more when that has settled.
    const settle = (): void => void setTimeout(report, SETTLE_MS);
    if (document.readyState === 'complete') settle();
    else addEventListener('load', settle, { once: true });

    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && (message as ProbeRequest | null)?.type === 'empreinte:probe') report();
      return undefined;
    });
  },
});

const SETTLE_MS = 2000;
const interactionTypes = ['click', 'keydown', 'touchstart'] as const;
const listenerOptions: AddEventListenerOptions = { capture: true, passive: true };
