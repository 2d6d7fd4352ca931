/**
 * The figures of one audit row that the sector outputs share: summary.csv,
 * the statistics and the site table must count trackers, routes and services
 * the same way, or the report and the CSV would disagree.
 */
import type { Report } from '../../core/report';
import type { AuditRow, ConsentMode } from './row';

export interface TrackerCounts {
  /** tracker third parties plus trackers served through the site's own domain (as the core counts them) */
  all: number;
  /** those with a request before the first interaction; null when the capture could not tell */
  before: number | null;
  /** those that fired only after the interaction (the refuse or accept click) */
  afterOnly: number | null;
}

/** Counted like `consent.trackersBeforeInteraction` in src/core/dependencies/consent.ts, unknown kept unknown. */
export function trackerCounts(report: Report): TrackerCounts {
  const parties = report.thirdParties.filter((party) => party.tracker === true);
  const proxied = (report.trackers ?? []).filter((tracker) => tracker.party === 'first');
  const flags = [...parties.map((party) => party.beforeInteraction), ...proxied.map((tracker) => tracker.beforeInteraction)];
  const known = flags.every((flag) => flag !== null);
  return {
    all: flags.length,
    // not consent.trackersBeforeInteraction: it counts an unknown (HAR) as "not before", which would read as zero
    before: known ? flags.filter((flag) => flag === true).length : null,
    afterOnly: known ? flags.filter((flag) => flag === false).length : null,
  };
}

/** Parent companies behind the page's third parties (the organisation when no parent is catalogued). */
export function parentsOf(report: Report): string[] {
  const names = report.thirdParties.map((party) => party.parent ?? party.organisation).filter((name): name is string => name !== null);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

export function organisationsOf(report: Report): string[] {
  const names = report.thirdParties.map((party) => party.organisation).filter((name): name is string => name !== null);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/** Names of the AI widgets (any AI class but `none`). */
export function aiWidgetsOf(report: Report): string[] {
  return [...new Set((report.widgets ?? []).filter((widget) => widget.ai !== 'none').map((widget) => widget.name))].sort();
}

export function ticketingOf(report: Report): string[] {
  return [...new Set((report.widgets ?? []).filter((widget) => widget.kind === 'ticketing').map((widget) => widget.name))].sort();
}

export type RouteFound = { phone: boolean; address: boolean; hours: boolean } | null;

/** Phone, address and opening hours found on the page; null when not evaluated (a HAR has no DOM). */
export function routesOf(report: Report): RouteFound {
  if (report.access === null) return null;
  return { phone: report.access.phone.found, address: report.access.address.found, hours: report.access.openingHours.found };
}

const MODE_ORDER: Record<ConsentMode, number> = { none: 0, refuse: 1, accept: 2 };

/**
 * The row that stands for a page when several consent modes were measured:
 * the untouched one (`none`), else refusal, else acceptance. Keyed by URL.
 */
export function baselineRows(rows: readonly AuditRow[]): AuditRow[] {
  const byUrl = new Map<string, AuditRow>();
  for (const row of rows) {
    const current = byUrl.get(row.url);
    if (current === undefined || MODE_ORDER[row.consent.requested] < MODE_ORDER[current.consent.requested]) byUrl.set(row.url, row);
  }
  return [...byUrl.values()];
}

/**
 * The measured page that stands for each site where one page per site is
 * needed (grades in the site table, quick wins): the home page, else the
 * first measured page by URL; among `baselineRows`. Sorted by site.
 */
export function siteLeads(baseline: readonly AuditRow[]): AuditRow[] {
  const bySite = new Map<string, AuditRow>();
  const ordered = baseline
    .filter((row) => row.report !== null)
    .sort((a, b) => Number(a.role !== 'home') - Number(b.role !== 'home') || a.url.localeCompare(b.url));
  for (const row of ordered) if (!bySite.has(row.site)) bySite.set(row.site, row);
  return [...bySite.values()].sort((a, b) => a.site.localeCompare(b.site));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
