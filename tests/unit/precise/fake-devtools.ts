import type { CapturedRequest } from '../../../src/core/capture';
import { ELEMENT_COUNT_EXPRESSION, SCROLL_EXPRESSION } from '../../../src/collect/devtools';
import type { FrameDom } from '../../../src/collect/webrequest';
import type { DevtoolsFacade, EvalResult } from '../../../src/extension/precise';

/**
 * A scripted inspected page behind the DevTools facade, on a virtual clock
 * advanced only by `sleep`: requests appear at given times after the reload,
 * lazy ones only once the page has been scrolled, and every call is logged
 * so that tests can check the protocol's order.
 */
export interface ScriptedEntry {
  /** ms after the reload at which the request shows in the log */
  at: number;
  /** shows only after the scroll (lazy loading), `at` ms after it */
  afterScroll?: boolean;
  entry: Record<string, unknown>;
}

export interface FakePage {
  url: string;
  entries: ScriptedEntry[];
  /** ms after the reload at which document.readyState becomes complete */
  loadedAt: number;
  /** element counts by frame URL (null key: the top frame); a missing frame fails like a gone frame */
  elements: Map<string | null, number>;
  observation?: FrameDom | null;
  /** the page never reloads (a DevTools-side failure) */
  ignoresReload?: boolean;
  /** entries already in the log before the reload (Preserve log on), under page "page_0" */
  earlierEntries?: Record<string, unknown>[];
  /** what the passive observer saw in sub-frames */
  frameRequests?: CapturedRequest[];
}

export class FakeDevtools implements DevtoolsFacade {
  clock = 0;
  calls: string[] = [];
  private reloadedAt: number | null = null;
  private scrolledAt: number | null = null;

  constructor(private readonly page: FakePage) {}

  reload(options: { ignoreCache: boolean }): void {
    this.calls.push(`reload ${JSON.stringify(options)}`);
    if (!this.page.ignoresReload) this.reloadedAt = this.clock;
  }

  eval(expression: string, options: { frameURL?: string } = {}): Promise<EvalResult> {
    const since = this.reloadedAt === null ? null : this.clock - this.reloadedAt;
    if (expression === 'performance.timeOrigin') return ok(this.reloadedAt === null ? 1000 : 1000 + this.reloadedAt + 1);
    if (expression === 'document.readyState') {
      this.calls.push('readyState');
      return ok(since !== null && since >= this.page.loadedAt ? 'complete' : 'loading');
    }
    if (expression === SCROLL_EXPRESSION) {
      this.calls.push('scroll');
      this.scrolledAt = this.clock;
      return ok(true);
    }
    if (expression === ELEMENT_COUNT_EXPRESSION) {
      const key = options.frameURL ?? null;
      this.calls.push(`count ${key ?? 'top'}`);
      const elements = this.page.elements.get(key);
      if (elements === undefined) return Promise.resolve({ value: undefined, error: 'E_NOTFOUND' });
      return ok({ elements, url: key ?? this.page.url, title: key ? 'frame' : 'Théâtre' });
    }
    return Promise.resolve({ value: undefined, error: `unexpected expression ${expression.slice(0, 40)}` });
  }

  frameRequests(): Promise<CapturedRequest[]> {
    this.calls.push('frameRequests');
    return Promise.resolve(this.page.frameRequests ?? []);
  }

  getHAR(): Promise<unknown> {
    this.calls.push('getHAR');
    const since = this.reloadedAt === null ? -1 : this.clock - this.reloadedAt;
    const visible = this.page.entries
      .filter((item) =>
        item.afterScroll
          ? this.scrolledAt !== null && this.clock - this.scrolledAt >= item.at
          : since >= item.at,
      )
      .map((item) => ({ pageref: 'page_1', ...item.entry }));
    const earlier = (this.page.earlierEntries ?? []).map((entry) => ({ pageref: 'page_0', ...entry }));
    const pages = [
      ...(earlier.length > 0 ? [{ id: 'page_0', startedDateTime: '2025-05-01T09:59:00.000Z', title: 'before' }] : []),
      { id: 'page_1', startedDateTime: '2025-05-01T10:00:00.000Z', title: this.page.url },
    ];
    return Promise.resolve({ version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages, entries: [...earlier, ...visible] });
  }

  pageObservation(): Promise<FrameDom | null> {
    this.calls.push('observation');
    return Promise.resolve(this.page.observation ?? null);
  }

  sleep(ms: number): Promise<void> {
    this.clock += ms;
    return Promise.resolve();
  }

  now(): Date {
    return new Date(Date.UTC(2025, 4, 1, 10, 0, 0) + this.clock);
  }
}

function ok(value: unknown): Promise<EvalResult> {
  return Promise.resolve({ value, error: null });
}

/** A Chrome DevTools HAR entry with an exact transfer size. */
export function entry(url: string, resourceType: string, transferSize: number, extra: Record<string, unknown> = {}) {
  return {
    startedDateTime: '2025-05-01T10:00:00.100Z',
    _resourceType: resourceType,
    request: { method: 'GET', url, headers: [] },
    response: {
      status: 200,
      content: { mimeType: resourceType === 'document' ? 'text/html' : 'application/octet-stream', size: transferSize },
      headersSize: -1,
      bodySize: -1,
      _transferSize: transferSize,
    },
    ...extra,
  };
}
