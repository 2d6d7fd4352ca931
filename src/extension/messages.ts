/**
 * The message protocol between the content script and the background.
 * The content script stays small and sends plain data; the receiving side
 * validates every message with zod and checks its sender (as Privacy Badger
 * does): a message from another extension, from no tab, or of an unknown
 * type is dropped.
 */
import { z } from '../core/zod';
import { FrameDom } from '../collect/webrequest';
import { MAX_TIMINGS_PER_MESSAGE, ResourceTimingEntry } from '../collect/resource-timing';

export const DomMessage = z.strictObject({
  type: z.literal('empreinte:dom'),
  observation: FrameDom,
});
export type DomMessage = z.infer<typeof DomMessage>;

export const InteractionMessage = z.strictObject({
  type: z.literal('empreinte:interaction'),
  /**
   * The first trusted click, key or touch in ms since the epoch
   * (`performance.timeOrigin + performance.now()`): webRequest's clock, so
   * that the background can compare it with request times.
   */
  at: z.number().nonnegative().max(1e14),
});
export type InteractionMessage = z.infer<typeof InteractionMessage>;

/**
 * Resource Timing sizes observed in a frame since `document_start`, in
 * batches (src/collect/resource-timing.ts).
 */
export const TimingMessage = z.strictObject({
  type: z.literal('empreinte:timing'),
  entries: z.array(ResourceTimingEntry).min(1).max(MAX_TIMINGS_PER_MESSAGE),
});
export type TimingMessage = z.infer<typeof TimingMessage>;

/** Content script → background: what should the probe look for? Answered with `ProbeTargets`. */
export const TargetsRequest = z.strictObject({ type: z.literal('empreinte:targets') });
export type TargetsRequest = z.infer<typeof TargetsRequest>;

/** Content script → background. */
export const ContentMessage = z.discriminatedUnion('type', [DomMessage, InteractionMessage, TimingMessage, TargetsRequest]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/** Extension page → content script: probe again now (the popup asks when it opens). */
export interface ProbeRequest {
  type: 'empreinte:probe';
}
export const PROBE_REQUEST: ProbeRequest = { type: 'empreinte:probe' };

/** The parts of `runtime.MessageSender` that we check. */
export interface Sender {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
  url?: string;
  /** Chrome 106+ */
  documentId?: string;
}

export interface AcceptedMessage {
  tabId: number;
  frameId: number;
  url: string | null;
  documentId: string | null;
  message: ContentMessage;
}

/**
 * Validates a message received by the background. Returns null (and logs why)
 * for anything that is not ours: another sender, no tab, an unknown type or
 * a malformed payload.
 */
export function acceptContentMessage(raw: unknown, sender: Sender, runtimeId: string): AcceptedMessage | null {
  if (sender.id !== runtimeId) return reject('foreign sender');
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) return reject('no tab');
  // Content scripts' messages always name their frame; a malformed one is not a frame of the tab.
  const frameId = sender.frameId ?? 0;
  if (!Number.isSafeInteger(frameId) || frameId < 0) return reject('no frame');
  const parsed = ContentMessage.safeParse(raw);
  if (!parsed.success) return reject('invalid message');
  return {
    tabId,
    frameId,
    url: sender.url ?? null,
    documentId: sender.documentId ?? null,
    message: parsed.data,
  };
}

function reject(reason: string): null {
  console.warn(`Empreinte: message dropped (${reason})`);
  return null;
}
