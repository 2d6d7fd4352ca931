/**
 * summary.csv (one row per page and consent mode), organisations.csv (one
 * row per site and organisation) and quick-wins.csv (one row per plan action
 * across the sample, ./sector-wins.ts). Same format as the report's CSV exports
 * (src/ui/export-csv.ts): BOM, `;` and decimal comma in French, CRLF, quotes,
 * formula-looking cells neutralised — URLs, titles and names come from the
 * audited sites. Column names are stable identifiers, the same in both
 * languages, so that scripts can read any audit (docs/auditing.md lists them).
 */
import { toCsv, type Cell } from '../../ui/export-csv';
import type { Lang } from '../../i18n/index';
import type { AuditRow } from './row';
import type { SectorWins } from './sector-wins';
import { actionTitle } from './sector-wins-html';
import { aiWidgetsOf, baselineRows, parentsOf, routesOf, ticketingOf, trackerCounts } from './sector-facts';

/** Lists inside one cell: a separator that neither `;` nor `,` spreadsheets split on. */
const LIST = ' | ';

export const SUMMARY_COLUMNS = [
  'url', 'finalUrl', 'site', 'name', 'category', 'region', 'role',
  'consentRequested', 'consentObtained', 'consentOutcome', 'consentManager',
  'status', 'failureKind', 'failureMessage', 'httpStatus', 'method',
  'dependencyScore', 'dependencyGrade', 'ecoIndexScore', 'ecoIndexGrade',
  'bytes', 'bytesMeasuredShare', 'requests', 'domElements', 'co2Grams',
  'thirdParties', 'trackers', 'trackersBeforeInteraction', 'parents', 'aiWidgets', 'ticketing',
  'phoneFound', 'addressFound', 'hoursFound', 'catalogVersion', 'scoringVersion', 'capturedAt',
] as const;

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

export function summaryRow(row: AuditRow): Cell[] {
  const report = row.report;
  const footprint = report?.footprint;
  const trackers = report ? trackerCounts(report) : null;
  const routes = report ? routesOf(report) : null;
  const cells: Record<(typeof SUMMARY_COLUMNS)[number], Cell> = {
    url: row.url,
    finalUrl: report?.page.finalUrl ?? null,
    site: row.site,
    name: row.name,
    category: row.category,
    region: row.region,
    role: row.role,
    consentRequested: row.consent.requested,
    consentObtained: report?.page.consentState ?? null,
    consentOutcome: row.consent.outcome,
    consentManager: row.consent.manager,
    status: row.status,
    failureKind: row.failure?.kind ?? null,
    failureMessage: row.failure?.message ?? null,
    httpStatus: row.failure?.httpStatus ?? null,
    method: report?.page.method ?? null,
    dependencyScore: report?.scores.dependencies ? round(report.scores.dependencies.score, 1) : null,
    dependencyGrade: report?.scores.dependencies?.grade ?? null,
    ecoIndexScore: report?.scores.environment?.score ?? null,
    ecoIndexGrade: report?.scores.environment?.grade ?? null,
    bytes: footprint?.bytes ?? null,
    bytesMeasuredShare: footprint ? round(footprint.bytesMeasuredShare, 3) : null,
    requests: footprint?.requests ?? null,
    domElements: footprint?.domElements ?? null,
    co2Grams: footprint ? round(footprint.co2.grams, 3) : null,
    thirdParties: report?.thirdParties.length ?? null,
    trackers: trackers?.all ?? null,
    trackersBeforeInteraction: trackers?.before ?? null,
    parents: report ? parentsOf(report).join(LIST) : null,
    aiWidgets: report ? aiWidgetsOf(report).join(LIST) : null,
    ticketing: report ? ticketingOf(report).join(LIST) : null,
    phoneFound: routes?.phone ?? null,
    addressFound: routes?.address ?? null,
    hoursFound: routes?.hours ?? null,
    catalogVersion: report?.versions.catalog ?? null,
    scoringVersion: report?.versions.scoring ?? null,
    capturedAt: report?.page.capturedAt ?? row.finishedAt,
  };
  return SUMMARY_COLUMNS.map((column) => cells[column]);
}

export function summaryCsv(rows: readonly AuditRow[], lang: Lang): string {
  return toCsv([...SUMMARY_COLUMNS], rows.map(summaryRow), lang);
}

export const ORGANISATION_COLUMNS = [
  'site', 'name', 'organisation', 'parent', 'country', 'jurisdiction', 'domains',
  'pages', 'requests', 'bytes', 'requestShare', 'tracker', 'beforeInteraction',
] as const;

interface OrganisationTally {
  organisation: string | null;
  parent: string | null;
  country: string | null;
  jurisdiction: string | null;
  domains: Set<string>;
  pages: Set<string>;
  requests: number;
  bytes: number;
  tracker: boolean | null;
  before: boolean | null;
}

/** `true` wins over `false`, a known value over null: "some domain of it was a tracker". */
const anyTrue = (a: boolean | null, b: boolean | null): boolean | null => (a === true || b === true ? true : a === false || b === false ? false : null);

/**
 * One row per site and organisation, over the site's measured pages in the
 * untouched state (./sector-facts.ts `baselineRows`). Uncatalogued domains
 * keep one row each, with an empty organisation. `requestShare` is the
 * organisation's share of the site's third-party requests.
 */
export function organisationRows(rows: readonly AuditRow[]): Cell[][] {
  const bySite = new Map<string, { name: string | null; tallies: Map<string, OrganisationTally> }>();
  for (const row of baselineRows(rows)) {
    if (row.report === null) continue;
    const site = bySite.get(row.site) ?? { name: row.name, tallies: new Map<string, OrganisationTally>() };
    bySite.set(row.site, site);
    for (const party of row.report.thirdParties) {
      const key = party.organisation === null ? `domain:${party.domain}` : `org:${party.organisation}`;
      const tally = site.tallies.get(key) ?? {
        organisation: party.organisation, parent: party.parent, country: party.country, jurisdiction: party.jurisdiction,
        domains: new Set<string>(), pages: new Set<string>(), requests: 0, bytes: 0, tracker: null, before: null,
      };
      tally.domains.add(party.domain);
      tally.pages.add(row.url);
      tally.requests += party.requests;
      tally.bytes += party.bytes;
      tally.tracker = anyTrue(tally.tracker, party.tracker);
      tally.before = anyTrue(tally.before, party.beforeInteraction);
      site.tallies.set(key, tally);
    }
  }
  const out: Cell[][] = [];
  for (const [site, { name, tallies }] of [...bySite].sort(([a], [b]) => a.localeCompare(b))) {
    const total = [...tallies.values()].reduce((sum, tally) => sum + tally.requests, 0);
    const sorted = [...tallies.values()].sort((a, b) => b.requests - a.requests || (a.organisation ?? '').localeCompare(b.organisation ?? ''));
    for (const tally of sorted) {
      out.push([
        site, name, tally.organisation, tally.parent, tally.country, tally.jurisdiction, [...tally.domains].sort().join(LIST),
        tally.pages.size, tally.requests, tally.bytes, total === 0 ? 0 : round(tally.requests / total, 3), tally.tracker, tally.before,
      ]);
    }
  }
  return out;
}

export function organisationsCsv(rows: readonly AuditRow[], lang: Lang): string {
  return toCsv([...ORGANISATION_COLUMNS], organisationRows(rows), lang);
}

export const QUICK_WIN_COLUMNS = [
  'rank', 'id', 'action', 'target', 'title', 'sites', 'share',
  'bytesSavedTotal', 'bytesSavedMedian', 'requestsRemovedTotal', 'requestsRemovedMedian',
  'gradeUps', 'graded', 'organisations', 'siteList',
] as const;

/** One row per action, in the report's order; `title` in the audit's language, the rest stable identifiers and numbers. */
export function quickWinRows(wins: SectorWins, lang: Lang): Cell[][] {
  return wins.wins.map((win, index) => [
    index + 1, win.id, win.action, win.target, actionTitle(lang, win.action, win.name, win.target), win.sites.length, round(win.share, 3),
    win.bytesSaved.total, round(win.bytesSaved.median, 0), win.requestsRemoved.total, round(win.requestsRemoved.median, 1),
    win.gradeUps, win.graded, win.organisations.map((org) => org.name).join(LIST), win.sites.join(LIST),
  ]);
}

export function quickWinsCsv(wins: SectorWins, lang: Lang): string {
  return toCsv([...QUICK_WIN_COLUMNS], quickWinRows(wins, lang), lang);
}
