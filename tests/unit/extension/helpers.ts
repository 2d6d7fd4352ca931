import { emptyTab, type RecordedTab } from '../../../src/collect/webrequest';
import type { RequestEvent, ResponseEvent } from '../../../src/extension/recorder';
import * as recorder from '../../../src/extension/recorder';

export const T0 = 1_700_000_000_000;

export function request(id: string, url: string, type = 'script', extra: Partial<RequestEvent> = {}): RequestEvent {
  return { requestId: id, url, tabId: 7, frameId: 0, type, timeStamp: T0 + Number(id) * 10, ...extra };
}

export function response(
  base: RequestEvent,
  headers: Record<string, string> = {},
  extra: Partial<ResponseEvent> = {},
): ResponseEvent {
  return {
    ...base,
    statusCode: 200,
    fromCache: false,
    responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
    ...extra,
  };
}

/** A tab whose top-level navigation to `url` has committed (document request id "1"). */
export function committedTab(url = 'https://www.example.fr/', documentBytes = '1000'): RecordedTab {
  const tab = emptyTab(7);
  const main = request('1', url, 'main_frame');
  recorder.onBeforeRequest(tab, main);
  recorder.onHeadersReceived(tab, response(main, { 'Content-Length': documentBytes, 'Content-Type': 'text/html; charset=utf-8' }));
  recorder.onCommitted(tab, { tabId: 7, frameId: 0, url, timeStamp: T0 + 50, documentId: 'DOC1' }, new Date(T0));
  recorder.onCompleted(tab, response(main, { 'Content-Length': documentBytes }));
  return tab;
}

/** Runs one request through its whole life. */
export function load(tab: RecordedTab, event: RequestEvent, headers: Record<string, string>, extra: Partial<ResponseEvent> = {}): void {
  recorder.onBeforeRequest(tab, event);
  recorder.onHeadersReceived(tab, response(event, headers, extra));
  recorder.onCompleted(tab, response(event, headers, extra));
}
