/**
 * History: per site (registrable domain), a compact summary of the last
 * reports, so that a venue can see whether its site improved. Kept in
 * `storage.local`: a versioned index (`history`: each site's last visit, the
 * paused sites; WXT runs the migrations) and one item per site
 * (`history-site:<site>`), so that recording a page view writes one site's
 * reports and not everyone's: a full history as one item (about 3 MB) took
 * Chromium a quarter of a second to store at every page view. Bounded (50
 * reports per site, 200 sites, the least recently visited evicted) so it
 * stays far within the 10 MB quota (about 300 bytes per summary: 3 MB at
 * most). Nothing is kept for private windows nor for paused sites.
 */
import { browser, storage } from '#imports';
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

export const HISTORY_VERSION = 3;
export const emptyHistory = (): History => ({ sites: {}, paused: [] });

/** What the `history` item holds: each site's last visit (its reports are in an item of its own) and the paused sites. */
export const HistoryIndex = z.strictObject({
  sites: z.record(z.string().max(253), z.strictObject({ lastAt: z.string().max(64) })),
  paused: History.shape.paused,
});
export type HistoryIndex = z.infer<typeof HistoryIndex>;
const emptyIndex = (): HistoryIndex => ({ sites: {}, paused: [] });

/** One site's reports, oldest first, in the item `history-site:<site>`. */
const SiteItem = z.strictObject({ entries: SiteHistory.shape.entries });

const SITE_PREFIX = 'history-site:';
const siteKey = (site: string) => `local:${SITE_PREFIX}${site}` as const;

/** The index of a whole history. */
function indexOf(history: History): HistoryIndex {
  const sites: HistoryIndex['sites'] = {};
  for (const [name, site] of Object.entries(history.sites)) sites[name] = { lastAt: site.lastAt };
  return { sites, paused: history.paused };
}

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

/** Version 2 kept every site's reports in the one item: each site's go to an item of its own. */
export async function splitSites(old: unknown): Promise<HistoryIndex> {
  const parsed = History.safeParse(old);
  const history = parsed.success ? parsed.data : emptyHistory();
  const items = Object.entries(history.sites).map(([name, site]) => ({ key: siteKey(name), value: { entries: site.entries } }));
  if (items.length > 0) await storage.setItems(items);
  return indexOf(history);
}

/** The index item; a function so that tests can seed an older shape before it migrates. */
export function defineHistoryItem() {
  return storage.defineItem<HistoryIndex>('local:history', {
    fallback: emptyIndex(),
    version: HISTORY_VERSION,
    migrations: { 2: migrateV1, 3: splitSites },
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

  /** Each site's last visit and the paused sites: small, read at every badge. */
  async index(): Promise<HistoryIndex> {
    const parsed = HistoryIndex.safeParse(await this.item.getValue().catch(() => null));
    return parsed.success ? parsed.data : emptyIndex();
  }

  /** The whole history, every site's reports (the options page lists them all). */
  async read(): Promise<History> {
    const index = await this.index();
    const sites = Object.entries(index.sites);
    const stored = sites.length > 0 ? await storage.getItems(sites.map(([name]) => siteKey(name))) : [];
    const history: History = { sites: {}, paused: index.paused };
    sites.forEach(([name, { lastAt }], i) => {
      const parsed = SiteItem.safeParse(stored[i]?.value);
      if (parsed.success) history.sites[name] = { lastAt, entries: parsed.data.entries };
    });
    return history;
  }

  /** Records a completed page view, unless it was in a private window or its site is paused. */
  record(report: Report, options: { incognito: boolean }): Promise<void> {
    const site = report.page.site;
    if (options.incognito || site === null || !report.page.complete) return Promise.resolve();
    return this.change(async (index) => {
      if (index.paused.includes(site)) return null;
      // The index and this one site's reports are all addEntry needs: other sites are evicted by their last visit.
      const partial: History = { sites: {}, paused: index.paused };
      for (const [name, { lastAt }] of Object.entries(index.sites)) partial.sites[name] = { lastAt, entries: [] };
      partial.sites[site] = { lastAt: index.sites[site]?.lastAt ?? '', entries: await this.siteEntries(site, index) };
      const next = addEntry(partial, site, summarise(report));
      if (next === partial) return null;
      const kept = next.sites[site];
      if (kept) await storage.setItem(siteKey(site), { entries: kept.entries });
      const evicted = Object.keys(index.sites).filter((name) => !(name in next.sites));
      if (evicted.length > 0) await storage.removeItems(evicted.map(siteKey));
      // the same page view computed again: the index has not changed
      const same = evicted.length === 0 && index.sites[site]?.lastAt === kept?.lastAt;
      return same ? null : indexOf(next);
    });
  }

  async entries(site: string): Promise<HistoryEntry[]> {
    return this.siteEntries(site, await this.index());
  }

  private async siteEntries(site: string, index: HistoryIndex): Promise<HistoryEntry[]> {
    if (!(site in index.sites)) return [];
    const parsed = SiteItem.safeParse(await storage.getItem(siteKey(site)).catch(() => null));
    return parsed.success ? parsed.data.entries : [];
  }

  async isPaused(site: string | null): Promise<boolean> {
    return site !== null && (await this.index()).paused.includes(site);
  }

  /** Pausing a site stops recording it (what was kept stays until cleared). */
  setPaused(site: string, paused: boolean): Promise<void> {
    return this.change(async (index) => {
      const others = index.paused.filter((name) => name !== site);
      return { ...index, paused: paused ? [...others, site].slice(-1000) : others };
    });
  }

  /** Clears one site's history, or every site's (pauses stay: they are settings). */
  clear(site?: string): Promise<void> {
    return this.change(async (index) => {
      const names = site === undefined ? Object.keys(index.sites) : [site];
      if (names.length > 0) await storage.removeItems(names.map(siteKey));
      const sites = { ...index.sites };
      for (const name of names) delete sites[name];
      return { ...index, sites };
    });
  }

  /** Runs one change after the others; the index it returns is written (null: nothing to write). */
  private change(apply: (index: HistoryIndex) => Promise<HistoryIndex | null>): Promise<void> {
    const next = this.queue.then(async () => {
      const after = await apply(await this.index());
      if (after !== null) await this.item.setValue(after);
    });
    this.queue = next.catch((error: unknown) => console.warn(`Empreinte: history not saved (${String(error)})`));
    return next;
  }

  /** Calls `onChange` when the history changes (another page wrote it): the index or any site's reports. */
  watch(onChange: () => void): () => void {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((key) => key === 'history' || key.startsWith(SITE_PREFIX))) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }

  /** Calls `onChange` when the list of paused sites changes (not on every recorded report). */
  watchPaused(onChange: () => void): () => void {
    return this.item.watch((next, previous) => {
      if (JSON.stringify(next?.paused ?? []) !== JSON.stringify(previous?.paused ?? [])) onChange();
    });
  }
}
