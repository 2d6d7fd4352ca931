/**
 * Applies what the content script reported (DOM probe, Resource Timing
 * batches, the first interaction) to a tab's recorded state. Pure, like the
 * webRequest side in ./recorder.ts, which re-exports it.
 */
import type { RecordedTab } from '../collect/webrequest';
import { MAX_TIMINGS_PER_TAB, usefulTimings } from '../collect/resource-timing';
import type { AcceptedMessage } from './messages';

/**
 * Stores what the content script reported, if it comes from the page view
 * the tab shows now (a late message from the previous page is dropped).
 * Returns false when nothing changed.
 */
export function applyContentMessage(tab: RecordedTab, accepted: AcceptedMessage): boolean {
  if (tab.url === null) return false;
  if (accepted.frameId === 0) {
    if (accepted.documentId !== null && tab.documentId !== null) {
      if (accepted.documentId !== tab.documentId) return false;
    } else if (accepted.url !== null && originOf(accepted.url) !== originOf(tab.url)) {
      return false;
    }
  }
  const { message } = accepted;
  if (message.type === 'empreinte:targets') return false;
  if (message.type === 'empreinte:dom') {
    tab.frames[String(accepted.frameId)] = message.observation;
    return true;
  }
  if (message.type === 'empreinte:timing') {
    // Bounded per page view: a page cannot fill the session storage through us.
    const room = MAX_TIMINGS_PER_TAB - tab.timings.length;
    // A batch may come twice (sent again after a worker restart): keep each entry once.
    const seen = new Set(tab.timings.map(timingKey));
    const entries = usefulTimings(message.entries)
      .filter((entry) => !seen.has(timingKey(entry)))
      .slice(0, Math.max(0, room));
    if (entries.length === 0) return false;
    tab.timings.push(...entries);
    return true;
  }
  // The first interaction of the page view is the one of the top frame.
  if (accepted.frameId !== 0 || tab.firstInteractionAt !== null) return false;
  tab.firstInteractionAt = message.at;
  return true;
}

function timingKey(entry: { name: string; startTime: number }): string {
  return `${entry.startTime}|${entry.name}`;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
