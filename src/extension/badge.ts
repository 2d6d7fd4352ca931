/**
 * The toolbar badge: the dependency grade (A–E) of each tab's page, as a
 * letter on a colour (the letter is the signal; the colour only repeats it),
 * with a tooltip naming the scale. Computed in the background from the tab's
 * recorded state, at most once a second per tab while the page loads, at
 * once when it completes or the tab is activated, and again for every open
 * tab when the service worker starts (the worker may have stopped mid-page).
 */
import { browser } from '#imports';
import { analyse } from '../core/analyse';
import type { DependencyGrade, Report } from '../core/report';
import { buildPassiveCapture, type RecordedTab } from '../collect/webrequest';
import { loadCatalogs } from '../data/index';
import { t, type Lang } from '../i18n/index';
import { analysisOptions } from './popup-controller';

/** Minimum time between two computations for one tab while its page loads. */
export const BADGE_INTERVAL_MS = 1000;
/**
 * The same while the tab's page is still loading: a grade computed from half
 * a page says little, and the computation (a report, storage reads, three
 * badge calls) would take the browser from the page. The page's completion
 * computes it at once; a page still loading after this long gets a badge of
 * what it has so far.
 */
export const BADGE_LOADING_INTERVAL_MS = 5000;

/** The popup's dependency colours (src/ui/popup.styles.ts), dark enough for white text. */
export const gradeColours: Record<DependencyGrade, string> = {
  A: '#1b6e3a',
  B: '#3d7a1f',
  C: '#6b6b00',
  D: '#a14a00',
  E: '#8c1020',
};
const NEUTRAL = '#5f6368';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** What the badge shows for a report (or for none: nothing recorded, or a paused site). */
export function badgeFor(report: Report | null, lang: Lang, paused = false): Badge {
  if (paused) return { text: '', color: NEUTRAL, title: t(lang, 'badge.paused') };
  const dependencies = report?.scores.dependencies ?? null;
  if (report === null || dependencies === null) return { text: '', color: NEUTRAL, title: t(lang, 'badge.none') };
  const key = report.page.complete ? 'badge.title' : 'badge.titleLoading';
  return {
    text: dependencies.grade,
    color: gradeColours[dependencies.grade],
    title: t(lang, key, { grade: dependencies.grade, score: dependencies.score }),
  };
}

/**
 * The report of a tab's recorded page view, as the popup would compute it but
 * without the action plan (null when nothing was recorded): the badge and the
 * history need only the grades, and this runs every second while a page
 * loads, where each planned action would cost one more analysis.
 */
export async function reportOfTab(tab: RecordedTab): Promise<Report | null> {
  const capture = buildPassiveCapture(tab);
  if (capture === null) return null;
  return analyse(capture, loadCatalogs(), { ...(await analysisOptions(capture.page.finalUrl)), plan: false });
}

export async function showBadge(tabId: number, badge: Badge): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has the same calls on `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  // A tab may close between the computation and these calls: nothing to show then.
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    action.setTitle({ tabId, title: badge.title }),
  ]).catch(() => undefined);
}

export interface BadgeDeps {
  /** the tab's current state (the store's copy, which may be ahead of storage) */
  read(tabId: number): Promise<RecordedTab | null>;
  language(): Promise<Lang>;
  /** whether the user paused Empreinte for this site (registrable domain) */
  isPaused(site: string | null): Promise<boolean>;
  /** called with every report computed for a site that is not paused (history) */
  onReport?(tabId: number, report: Report): Promise<void>;
  /** whether the tab's page view is still loading, as far as is known at once (no storage read) */
  loading?(tabId: number): boolean;
}

/** Keeps each tab's badge up to date, throttled per tab. */
export class BadgeUpdater {
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<number, Promise<void>>();

  constructor(
    private readonly deps: BadgeDeps,
    private readonly intervalMs = BADGE_INTERVAL_MS,
    private readonly loadingIntervalMs = BADGE_LOADING_INTERVAL_MS,
  ) {}

  /**
   * The tab changed: update its badge once the interval has passed (one
   * computation for a burst of changes). Even a page's first change waits,
   * whenever the tab last computed: its first requests say little, and a page
   * that loads within the interval gets its badge from `update()` at
   * completion, with nothing computed while it loads. While the tab is
   * loading, the wait is the longer BADGE_LOADING_INTERVAL_MS (checked again
   * when the interval ends: a new page's first request comes before its commit).
   */
  schedule(tabId: number): void {
    if (this.timers.has(tabId)) return;
    const firstAt = Date.now();
    const due = (): void => {
      const waited = Date.now() - firstAt;
      if (this.deps.loading?.(tabId) === true && waited < this.loadingIntervalMs) {
        this.timers.set(tabId, setTimeout(due, this.loadingIntervalMs - waited));
        return;
      }
      this.timers.delete(tabId);
      void this.update(tabId);
    };
    this.timers.set(tabId, setTimeout(due, this.deps.loading?.(tabId) === true ? this.loadingIntervalMs : this.intervalMs));
  }

  /** Updates the tab's badge now (page complete, tab activated, worker started). */
  update(tabId: number): Promise<void> {
    const timer = this.timers.get(tabId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(tabId);
    // One computation at a time per tab, in order.
    const previous = this.running.get(tabId) ?? Promise.resolve();
    const next = previous.then(() => this.compute(tabId)).catch((error: unknown) => {
      console.warn(`Empreinte: badge of tab ${tabId}: ${String(error)}`);
    });
    this.running.set(tabId, next);
    void next.then(() => {
      if (this.running.get(tabId) === next) this.running.delete(tabId);
    });
    return next;
  }

  forget(tabId: number): void {
    const timer = this.timers.get(tabId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(tabId);
  }

  /** Waits for every scheduled and running computation (tests). */
  async settle(): Promise<void> {
    for (const tabId of [...this.timers.keys()]) void this.update(tabId);
    await Promise.all(this.running.values());
  }

  private async compute(tabId: number): Promise<void> {
    const [tab, lang] = await Promise.all([this.deps.read(tabId), this.deps.language()]);
    const report = tab ? await reportOfTab(tab) : null;
    const paused = report !== null && (await this.deps.isPaused(report.page.site));
    await showBadge(tabId, badgeFor(paused ? null : report, lang, paused));
    if (report !== null && !paused) await this.deps.onReport?.(tabId, report);
  }
}
