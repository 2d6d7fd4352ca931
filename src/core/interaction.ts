import type { CapturedRequest, PageCapture } from './capture';

/**
 * Did this request fire before the visitor's first trusted interaction?
 * - true when the capture saw no interaction at all (the CLI never interacts;
 *   a visitor who only looks) and the page was probed, or when the request
 *   started before the interaction;
 * - false when it started at or after the interaction;
 * - null when it cannot be told: no DOM probe ran (a HAR file), or the
 *   request's start time is unknown while an interaction happened.
 * Times are both milliseconds since navigation start (PageCapture v1).
 */
export function firedBeforeInteraction(request: CapturedRequest, capture: PageCapture): boolean | null {
  if (capture.dom === null) return null;
  const at = capture.dom.firstInteractionAt;
  if (at === null) return true;
  if (request.startTime === null) return null;
  return request.startTime < at;
}
