import { elementsOnly } from '../../../../src/collect/probe';
import type { CapturedRequest, PageCapture, ResourceType } from '../../../../src/core/capture';

/** Builders for hand-written captures: only what a case cares about is spelt out. */
export function req(
  url: string,
  type: ResourceType,
  bytes: number | null,
  overrides: Partial<CapturedRequest> = {},
): CapturedRequest {
  return {
    url,
    type,
    status: 200,
    mimeType: null,
    fromCache: false,
    bytes,
    bytesSource: bytes === null ? null : 'cdp',
    startTime: null,
    frameId: null,
    initiator: null,
    error: null,
    ...overrides,
  };
}

export function capture(
  finalUrl: string,
  requests: CapturedRequest[],
  overrides: { page?: Partial<PageCapture['page']>; dom?: PageCapture['dom']; dropped?: PageCapture['droppedRequests'] } = {},
): PageCapture {
  return {
    schemaVersion: 1,
    page: {
      url: finalUrl,
      finalUrl,
      title: 'Page',
      capturedAt: '2025-10-01T18:30:00.000Z',
      method: 'cdp',
      consentState: 'untouched',
      softNavigation: false,
      documentFromCache: false,
      complete: true,
      agent: 'Chromium 156',
      viewport: { width: 1920, height: 1080 },
      ...overrides.page,
    },
    requests,
    droppedRequests: overrides.dropped ?? { count: 0, bytes: 0 },
    cookies: [],
    dom: overrides.dom === undefined ? dom(500) : overrides.dom,
  };
}

export function dom(elements: number): NonNullable<PageCapture['dom']> {
  return elementsOnly(elements);
}

/** Freezes a value deeply, so that a test proves analyse() does not mutate its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
