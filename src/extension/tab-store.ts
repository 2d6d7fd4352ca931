/**
 * Per-tab recorded state, kept in `storage.session` so that an MV3 service
 * worker stopped by the browser loses nothing (as Ghostery keeps
 * `tabStats:v1`). The worker's memory is only a cache of what storage holds:
 * after a restart, the first event for a tab reads it back before applying.
 *
 * Writes are batched: changes are written together once the events pause for
 * a short moment, and at the latest a second after the first unsaved one,
 * instead of one write per request (a page that loads sends events without
 * pause: every write copies the whole state, and ten a second took the worker
 * more time than everything else it does for a page). Each tab is
 * stored as one JSON string: the browser copies a string into storage about
 * ten times faster than the same state as nested objects (12 ms against 0.9 ms
 * for 100 requests, measured in Chromium; docs/benchmarks.md), and these
 * writes run while the page loads. Operations on one tab run one after
 * another, so that an event arriving while the state is being read back is
 * applied after it, never to a stale copy.
 */
import { browser } from '#imports';
import { describeIssues } from '../core/zod';
import { RecordedTab, TAB_STATE_VERSION, emptyTab } from '../collect/webrequest';

/** The storage key of a tab's state; the version changes when the shape does. */
export function tabKey(tabId: number): string {
  return `tab:v${TAB_STATE_VERSION}:${tabId}`;
}

/** Milliseconds without a change before the changes are written. */
export const WRITE_DELAY_MS = 100;
/**
 * The longest a change waits for its write while changes keep coming: what a
 * worker stopped mid-load by force could lose (the browser stops a worker only
 * after 30 s without events; storage.session itself ends with the browser).
 */
export const MAX_WRITE_WAIT_MS = 1000;
/** The write delay grows by WRITE_DELAY_MS for each this many stored requests … */
const REQUESTS_PER_DELAY_STEP = 200;
/** … up to this many times WRITE_DELAY_MS. */
const MAX_DELAY_FACTOR = 10;

/**
 * Parses a stored value: the JSON text the store writes (an object is read
 * too). Anything that does not match the current schema (an older version, a
 * tampered or cut value) is treated as absent, with a warning.
 */
export function parseStoredTab(value: unknown): RecordedTab | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      console.warn('Empreinte: stored tab state ignored (not JSON)');
      return null;
    }
  }
  const parsed = RecordedTab.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn(`Empreinte: stored tab state ignored (${describeIssues(parsed.error)})`);
  return null;
}

/** Reads a tab's state from storage (extension pages use it too: storage is the truth). */
export async function readTab(tabId: number): Promise<RecordedTab | null> {
  const key = tabKey(tabId);
  const stored = await browser.storage.session.get(key);
  return parseStoredTab(stored[key]);
}

/** What a change did: `false` means nothing worth writing happened. */
export type TabMutation = (tab: RecordedTab) => boolean | void;

export class TabStore {
  private readonly cache = new Map<number, RecordedTab>();
  private readonly queues = new Map<number, Promise<void>>();
  private readonly dirty = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** when the first change not yet written, and the latest change, were made */
  private firstChangeAt = 0;
  private lastChangeAt = 0;
  /** callers of saved() waiting for the next write */
  private waiting: (() => void)[] = [];

  constructor(
    private readonly delayMs = WRITE_DELAY_MS,
    private readonly maxWaitMs = MAX_WRITE_WAIT_MS,
  ) {}

  /** Applies a change to a tab's state, after any change already queued for that tab. */
  update(tabId: number, mutate: TabMutation): Promise<void> {
    // The common case, one event per request: the state is in memory and
    // nothing is queued for the tab, so apply it now, without a promise chain.
    const cached = this.cache.get(tabId);
    if (cached && !this.queues.has(tabId)) {
      try {
        this.apply(tabId, cached, mutate);
      } catch (error) {
        console.warn(`Empreinte: tab ${tabId}: ${String(error)}`);
      }
      return Promise.resolve();
    }
    return this.enqueue(tabId, async () => {
      let tab = this.cache.get(tabId);
      if (!tab) {
        tab = (await readTab(tabId)) ?? emptyTab(tabId);
        this.cache.set(tabId, tab);
      }
      this.apply(tabId, tab, mutate);
    });
  }

  /** Runs the change; a tab it changed is written with the next batch. */
  private apply(tabId: number, tab: RecordedTab, mutate: TabMutation): void {
    if (mutate(tab) === false) return;
    this.dirty.add(tabId);
    this.schedule();
  }

  /** The tab's state if it is in memory, at once (no storage read, no wait for queued changes). */
  peek(tabId: number): RecordedTab | undefined {
    return this.cache.get(tabId);
  }

  /** The tab's current state (ahead of storage by at most one write), after any queued change. */
  async read(tabId: number): Promise<RecordedTab | null> {
    let result: RecordedTab | null = null;
    await this.enqueue(tabId, async () => {
      result = this.cache.get(tabId) ?? (await readTab(tabId));
    });
    return result;
  }

  /** Forgets a closed tab: memory and storage. */
  remove(tabId: number): Promise<void> {
    return this.enqueue(tabId, async () => {
      this.cache.delete(tabId);
      this.dirty.delete(tabId);
      // After any write already under way, so that it cannot bring the state back.
      this.writing = this.writing
        .then(() => browser.storage.session.remove(tabKey(tabId)))
        .catch((error: unknown) => console.warn(`Empreinte: could not free tab ${tabId} (${String(error)})`));
      await this.writing;
    });
  }

  /** Writes every pending change now. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await Promise.all(this.queues.values());
    const items: Record<string, string> = {};
    for (const tabId of this.dirty) {
      const tab = this.cache.get(tabId);
      if (tab) items[tabKey(tabId)] = JSON.stringify(tab);
    }
    this.dirty.clear();
    const waiting = this.waiting.splice(0);
    if (Object.keys(items).length > 0) {
      this.writing = this.writing.then(() =>
        browser.storage.session.set(items).catch((error: unknown) => {
          // storage.session holds 10 MB; a failed write must not stop recording.
          console.warn(`Empreinte: could not save tab state (${String(error)})`);
        }),
      );
    }
    const written = this.writing;
    if (waiting.length > 0) void written.then(() => waiting.forEach((resolve) => resolve()));
    return written;
  }

  /**
   * Resolves once every change applied so far is in storage: with the next
   * scheduled write, not an extra one (the content script's timing batches
   * wait for it, and arrive many times a second on a busy page).
   */
  saved(): Promise<void> {
    if (this.dirty.size === 0) return this.writing;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private schedule(): void {
    this.lastChangeAt = Date.now();
    if (this.timer !== null) return;
    this.firstChangeAt = this.lastChangeAt;
    this.timer = setTimeout(() => this.due(), this.delayFor());
  }

  /** Writes once the changes have paused for the delay, or have waited the longest allowed. */
  private due(): void {
    this.timer = null;
    const now = Date.now();
    const delay = this.delayFor();
    const untilQuiet = this.lastChangeAt + delay - now;
    const untilLatest = this.firstChangeAt + Math.max(this.maxWaitMs, delay) - now;
    if (untilQuiet > 0 && untilLatest > 0) {
      this.timer = setTimeout(() => this.due(), Math.min(untilQuiet, untilLatest));
      return;
    }
    void this.flush();
  }

  /**
   * Each write copies a tab's whole state into the browser's storage: on a
   * page of thousands of requests, ten writes a second would cost the
   * browser more than the page itself. The delay (and so the longest wait,
   * when it is longer than MAX_WRITE_WAIT_MS) grows with the largest
   * state to write, up to ten times the base (a stopped worker loses at most
   * that much of a very heavy page's events).
   */
  private delayFor(): number {
    let largest = 0;
    for (const tabId of this.dirty) largest = Math.max(largest, this.cache.get(tabId)?.requests.length ?? 0);
    return this.delayMs * Math.min(MAX_DELAY_FACTOR, 1 + Math.floor(largest / REQUESTS_PER_DELAY_STEP));
  }

  private enqueue(tabId: number, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(task).catch((error: unknown) => {
      console.warn(`Empreinte: tab ${tabId}: ${String(error)}`);
    });
    this.queues.set(tabId, next);
    void next.then(() => {
      if (this.queues.get(tabId) === next) this.queues.delete(tabId);
    });
    return next;
  }
}
