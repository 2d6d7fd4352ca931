import type { PageCapture } from './capture';
import type { Footprint, Message } from './report';
import type { RequestCensus } from './requests';

/**
 * What the reader must know about how far the figures can be trusted, as
 * i18n keys (texts in src/i18n/messages/common.ts), in a fixed order.
 */
export function notesOf(capture: PageCapture, census: RequestCensus, footprint: Footprint): Message[] {
  const notes: Message[] = [];
  const note = (key: string, params: Message['params'] = {}) => notes.push({ key, params });
  const { page } = capture;

  if (!page.complete) note('note.capture.incomplete');
  if (page.documentFromCache) note('note.document.fromCache');
  if (page.softNavigation) note('note.navigation.soft');
  if (footprint.requests === 0) note('note.requests.none');

  const estimatedRequests = census.counted.filter((item) => item.source === 'estimated').length;
  if (estimatedRequests > 0) {
    const share = Math.round((1 - footprint.bytesMeasuredShare) * 100);
    note('note.bytes.estimated', { share, requests: estimatedRequests });
  }
  if (footprint.requestsFromCache > 0) note('note.requests.fromCache', { count: footprint.requestsFromCache });
  const failed = census.counted.filter((item) => item.failed).length;
  if (failed > 0) note('note.requests.failed', { count: failed });
  if (capture.droppedRequests.count > 0) note('note.requests.dropped', { count: capture.droppedRequests.count });
  if (census.notNetwork > 0) note('note.requests.notNetwork', { count: census.notNetwork });
  if (capture.dom === null) note('note.dom.missing');
  return notes;
}
