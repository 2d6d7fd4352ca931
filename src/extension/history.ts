/**
 * History: per site (registrable domain), a compact summary of the last
 * reports, so that a venue can see whether its site improved. Kept in
 * `storage.local` under one versioned item (WXT runs the migrations); bounded
 * (50 reports per site, 200 sites, the least recently visited evicted) so it
 * stays far within the 10 MB quota (about 400 bytes per summary: 4 MB at
 * most). Nothing is kept for private windows nor for paused sites.
 */
import { storage } from '#imports';
import type { Report } from '../core/report';
import { z } from '../core/zod';

export const MAX_ENTRIES_PER_SITE = 50;
export const MAX_SITES = 200;

const Grade = z.string().max(2);
export const HistoryEntry = z.strictObject({
  /** when the page view was captured (ISO) */
  at: z.string().max(64),
  url: z.string().max(2048),
  method: z.string().max(16),
  dependencies: z.strictObject({ score: z.number(), grade: Grade }).nullable(),
  environment: z.strictObject({ score: z.number(), grade: Grade }).nullable(),
  bytes: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
  thirdParties: z.number().int().nonnegative(),
  /** null when not evaluated */
  trackersBeforeInteraction: z.number().int().nonnegative().nullable(),
  /** the catalog and scoring versions: a trend never joins points of different scales */
  catalog: z.string().max(64).nullable(),
  scoring: z.string().max(64).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const SiteHistory = z.strictObject({
  /** the last time a report was added (ISO): the least recent site is evicted first */
  lastAt: z.string().max(64),
  /** oldest first */
  entries: z.array(HistoryEntry).max(MAX_ENTRIES_PER_SITE),
});
export type SiteHistory = z.infer<typeof SiteHistory>;

export const History = z.strictObject({
  sites: z.record(z.string().max(253), SiteHistory),
  /** sites the user paused: no history, no badge */
  paused: z.array(z.string().max(253)).max(1000),
});
export type History = z.infer<typeof History>;

export const HISTORY_VERSION = 2;
export const emptyHistory = (): History => ({ sites: {}, paused: [] });

/**
 * Version 1 (before versions were recorded) kept, per site, a list of
 * `{date, url, dependencyScore, dependencyGrade, ecoIndex, ecoGrade, bytes, requests}`.
 * Its points carry no catalog or scoring version: they come out with `null`
 * ones, so the trend shows them apart rather than on today's scale.
 */
export function migrateV1(old: unknown): History {
  const history = emptyHistory();
  if (!old || typeof old !== 'object') return history;
  for (const [site, list] of Object.entries(old as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const entries = list.flatMap((item: Record<string, unknown>) => {
      const parsed = HistoryEntry.safeParse({
        at: item['date'],
        url: item['url'],
        method: 'passive',
        dependencies:
          typeof item['dependencyScore'] === 'number' ? { score: item['dependencyScore'], grade: item['dependencyGrade'] } : null,
        environment: typeof item['ecoIndex'] === 'number' ? { score: item['ecoIndex'], grade: item['ecoGrade'] } : null,
        bytes: item['bytes'],
        requests: item['requests'],
        thirdParties: item['thirdParties'] ?? 0,
        trackersBeforeInteraction: null,
        catalog: null,
        scoring: null,
      });
      return parsed.success ? [parsed.data] : [];
    });
    const last = entries.at(-1);
    if (last) history.sites[site] = { lastAt: last.at, entries: entries.slice(-MAX_ENTRIES_PER_SITE) };
  }
  return history;
}

/** The storage item; a function so that tests can seed an older shape before it migrates. */
export function defineHistoryItem() {
  return storage.defineItem<History>('local:history', {
    fallback: emptyHistory(),
    version: HISTORY_VERSION,
    migrations: { 2: migrateV1 },
  });
}

/** The compact summary of a report kept in the history. */
export function summarise(report: Report): HistoryEntry {
  const { dependencies, environment } = report.scores;
  return {
    at: report.page.capturedAt,
    url: report.page.finalUrl.slice(0, 2048),
    method: report.page.method,
    dependencies: dependencies && { score: dependencies.score, grade: dependencies.grade },
    environment: environment && { score: environment.score, grade: environment.grade },
    bytes: report.footprint.bytes,
    requests: report.footprint.requests,
    thirdParties: report.thirdParties.length,
    trackersBeforeInteraction: report.consent?.trackersBeforeInteraction ?? null,
    catalog: report.versions.catalog,
    scoring: report.versions.scoring,
  };
}

/** Adds (or, for the same page view, replaces) a summary; pure. */
export function addEntry(history: History, site: string, entry: HistoryEntry): History {
  if (history.paused.includes(site)) return history;
  const previous = history.sites[site]?.entries ?? [];
  const last = previous.at(-1);
  // A page view is recorded once: later computations of it (late DOM data) replace it.
  const same = last !== undefined && last.at === entry.at && last.url === entry.url;
  if (same && JSON.stringify(last) === JSON.stringify(entry)) return history;
  const kept = same ? previous.slice(0, -1) : previous;
  const sites = { ...history.sites, [site]: { lastAt: entry.at, entries: [...kept, entry].slice(-MAX_ENTRIES_PER_SITE) } };
  const names = Object.keys(sites);
  if (names.length > MAX_SITES) {
    names.sort((a, b) => (sites[a]?.lastAt ?? '').localeCompare(sites[b]?.lastAt ?? ''));
    for (const name of names.slice(0, names.length - MAX_SITES)) delete sites[name];
  }
  return { ...history, sites };
}

/** Reads and writes the history, one change at a time (the background and the options page both write). */
export class HistoryStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly item = defineHistoryItem()) {}

  async read(): Promise<History> {
    const parsed = History.safeParse(await this.item.getValue().catch(() => null));
    return parsed.success ? parsed.data : emptyHistory();
  }

  /** Records a completed page view, unless it was in a private window or its site is paused. */
  record(report: Report, options: { incognito: boolean }): Promise<void> {
    const site = report.page.site;
    if (options.incognito || site === null || !report.page.complete) return Promise.resolve();
    return this.change((history) => addEntry(history, site, summarise(report)));
  }

  async entries(site: string): Promise<HistoryEntry[]> {
    return (await this.read()).sites[site]?.entries ?? [];
  }

  async isPaused(site: string | null): Promise<boolean> {
    return site !== null && (await this.read()).paused.includes(site);
  }

  /** Pausing a site stops recording it (what was kept stays until cleared). */
  setPaused(site: string, paused: boolean): Promise<void> {
    return this.change((history) => {
      const others = history.paused.filter((name) => name !== site);
      return { ...history, paused: paused ? [...others, site].slice(-1000) : others };
    });
  }

  /** Clears one site's history, or every site's (pauses stay: they are settings). */
  clear(site?: string): Promise<void> {
    return this.change((history) => {
      if (site === undefined) return { ...history, sites: {} };
      const sites = { ...history.sites };
      delete sites[site];
      return { ...history, sites };
    });
  }

  private change(apply: (history: History) => History): Promise<void> {
    const next = this.queue.then(async () => {
      const before = await this.read();
      const after = apply(before);
      if (after !== before) await this.item.setValue(after);
    });
    this.queue = next.catch((error: unknown) => console.warn(`Empreinte: history not saved (${String(error)})`));
    return next;
  }

  /** Calls `onChange` when the history changes (another page wrote it). */
  watch(onChange: () => void): () => void {
    return this.item.watch(() => onChange());
  }

  /** Calls `onChange` when the list of paused sites changes (not on every recorded report). */
  watchPaused(onChange: () => void): () => void {
    return this.item.watch((next, previous) => {
      if (JSON.stringify(next?.paused ?? []) !== JSON.stringify(previous?.paused ?? [])) onChange();
    });
  }
}
