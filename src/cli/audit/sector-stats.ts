/**
 * The sector report's figures, computed from audit rows alone (pure: no I/O,
 * no language), so that report.html says exactly what summary.csv holds.
 * Pages count in their untouched state (./sector-facts.ts `baselineRows`);
 * shares of sites are over the sites with at least one measured page.
 */
import { dependencyGrades, ecoIndexGrades, type DependencyGrade, type EcoIndexGrade, type PlanAction } from '../../core/report';
import { WEB_ALMANAC_MEDIAN } from '../../core/footprint/weight';
import type { AuditRow, ConsentMode, FailureKind } from './row';
import { sectorWins, type SectorWins } from './sector-wins';
import { aiWidgetsOf, baselineRows, median, parentsOf, organisationsOf, routesOf, ticketingOf, trackerCounts } from './sector-facts';

export interface Prevalence {
  name: string;
  sites: number;
  /** 0–1, of the sites measured */
  share: number;
}

export interface SiteLine {
  site: string;
  name: string | null;
  category: string | null;
  region: string | null;
  entry: string;
  pages: number;
  pagesOk: number;
  failures: FailureKind[];
  /** the home page's (or, when it failed, the first measured page's) grades */
  dependency: { score: number; grade: DependencyGrade } | null;
  ecoIndex: { score: number; grade: EcoIndexGrade } | null;
  /** median bytes of the measured pages */
  bytes: number | null;
  thirdParties: number;
  /** most trackers before interaction on one page; null when unknown */
  trackersBefore: number | null;
  /** most trackers that fired only after a successful refusal on one page; null when not measured */
  trackersAfterRefusal: number | null;
  aiWidgets: string[];
  ticketing: string[];
  /** some page showed a phone, an address or opening hours; null when not evaluated */
  route: boolean | null;
  /** the first step of the lead page's action plan; null when none or not evaluated */
  firstAction: { action: PlanAction; target: string; name: string } | null;
}

export interface SectorStats {
  sample: {
    sites: number;
    pages: number;
    rows: number;
    modes: Record<ConsentMode, number>;
    ok: number;
    failed: number;
    failures: { kind: FailureKind; count: number }[];
    firstStartedAt: string | null;
    lastFinishedAt: string | null;
    tools: string[];
    catalogs: string[];
    scorings: string[];
    /** rows come from different catalog or scoring versions: figures may not compare */
    mixedVersions: boolean;
  };
  sitesMeasured: number;
  pagesMeasured: number;
  dependencyGrades: Record<DependencyGrade, number>;
  ecoIndexGrades: Record<EcoIndexGrade, number>;
  /** measured pages without a dependency grade / without an EcoIndex */
  ungraded: { dependency: number; ecoIndex: number };
  parents: Prevalence[];
  organisations: Prevalence[];
  trackersBefore: { sitesWith: number; sitesKnown: number };
  /** null when no row measured the refuse state */
  afterRefusal: { sitesMeasured: number; sitesRefused: number; sitesWithTrackers: number; sitesWithTrackersAfter: number } | null;
  aiWidgets: Prevalence[];
  ticketing: Prevalence[];
  weight: { pages: number; medianBytes: number | null; medianRequests: number | null; almanacBytes: number; almanacRequests: number; almanacSource: string };
  noRoute: { sites: string[]; evaluated: number };
  /** the most common plan actions and the sector after each site's first three (./sector-wins.ts) */
  quickWins: SectorWins;
  sites: SiteLine[];
}

const count = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
const sortedSet = (values: Iterable<string>): string[] => [...new Set(values)].sort();

function prevalence(namesBySite: Map<string, Set<string>>, measured: number): Prevalence[] {
  const sites = new Map<string, number>();
  for (const names of namesBySite.values()) for (const name of names) sites.set(name, (sites.get(name) ?? 0) + 1);
  return [...sites]
    .map(([name, n]) => ({ name, sites: n, share: measured === 0 ? 0 : n / measured }))
    .sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name));
}

function addAll(map: Map<string, Set<string>>, site: string, names: readonly string[]): void {
  const set = map.get(site) ?? new Set<string>();
  for (const name of names) set.add(name);
  map.set(site, set);
}

export function sectorStats(rows: readonly AuditRow[]): SectorStats {
  const reports = rows.flatMap((row) => (row.report ? [row.report] : []));
  const modes = count(['none', 'refuse', 'accept'] as const);
  const failures = new Map<FailureKind, number>();
  for (const row of rows) {
    modes[row.consent.requested]++;
    if (row.failure) failures.set(row.failure.kind, (failures.get(row.failure.kind) ?? 0) + 1);
  }
  const catalogs = sortedSet(reports.map((report) => report.versions.catalog));
  const scorings = sortedSet(reports.map((report) => report.versions.scoring));
  const starts = rows.map((row) => row.startedAt).sort();
  const ends = rows.map((row) => row.finishedAt).sort();

  const baseline = baselineRows(rows);
  const measured = baseline.filter((row) => row.report !== null);
  const dependency = count(dependencyGrades);
  const eco = count(ecoIndexGrades);
  let noDependency = 0;
  let noEco = 0;
  for (const { report } of measured) {
    if (report!.scores.dependencies) dependency[report!.scores.dependencies.grade]++;
    else noDependency++;
    if (report!.scores.environment) eco[report!.scores.environment.grade]++;
    else noEco++;
  }

  const parents = new Map<string, Set<string>>();
  const organisations = new Map<string, Set<string>>();
  const ai = new Map<string, Set<string>>();
  const ticketing = new Map<string, Set<string>>();
  for (const row of measured) {
    addAll(parents, row.site, parentsOf(row.report!));
    addAll(organisations, row.site, organisationsOf(row.report!));
    addAll(ai, row.site, aiWidgetsOf(row.report!));
    addAll(ticketing, row.site, ticketingOf(row.report!));
  }
  const quickWins = sectorWins(rows);
  const sites = siteLines(rows, baseline, quickWins);
  const measuredSites = sites.filter((site) => site.pagesOk > 0);
  const sitesMeasured = measuredSites.length;

  const refuseRows = rows.filter((row) => row.consent.requested === 'refuse' && row.report !== null);
  const refusedRows = refuseRows.filter((row) => row.consent.outcome === 'done');
  const afterRefusal =
    refuseRows.length === 0
      ? null
      : {
          sitesMeasured: new Set(refuseRows.map((row) => row.site)).size,
          sitesRefused: new Set(refusedRows.map((row) => row.site)).size,
          sitesWithTrackers: new Set(refusedRows.filter((row) => trackerCounts(row.report!).all > 0).map((row) => row.site)).size,
          sitesWithTrackersAfter: new Set(refusedRows.filter((row) => (trackerCounts(row.report!).afterOnly ?? 0) > 0).map((row) => row.site)).size,
        };

  const comparison = measured.map((row) => row.report!.footprint.comparison?.webAlmanac).find((value) => value !== undefined);
  return {
    sample: {
      sites: new Set(rows.map((row) => row.site)).size,
      pages: new Set(rows.map((row) => row.url)).size,
      rows: rows.length,
      modes,
      ok: rows.filter((row) => row.status === 'ok').length,
      failed: rows.filter((row) => row.status === 'failed').length,
      failures: [...failures].map(([kind, n]) => ({ kind, count: n })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
      firstStartedAt: starts[0] ?? null,
      lastFinishedAt: ends[ends.length - 1] ?? null,
      tools: sortedSet(reports.map((report) => report.versions.tool)),
      catalogs,
      scorings,
      mixedVersions: catalogs.length > 1 || scorings.length > 1,
    },
    sitesMeasured,
    pagesMeasured: measured.length,
    dependencyGrades: dependency,
    ecoIndexGrades: eco,
    ungraded: { dependency: noDependency, ecoIndex: noEco },
    parents: prevalence(parents, sitesMeasured),
    organisations: prevalence(organisations, sitesMeasured),
    trackersBefore: {
      sitesWith: measuredSites.filter((site) => (site.trackersBefore ?? 0) > 0).length,
      sitesKnown: measuredSites.filter((site) => site.trackersBefore !== null).length,
    },
    afterRefusal,
    aiWidgets: prevalence(ai, sitesMeasured),
    ticketing: prevalence(ticketing, sitesMeasured),
    weight: {
      pages: measured.length,
      medianBytes: median(measured.map((row) => row.report!.footprint.bytes)),
      medianRequests: median(measured.map((row) => row.report!.footprint.requests)),
      // the reference the reports themselves carry, else the one the core compares with
      almanacBytes: comparison?.medianBytes ?? WEB_ALMANAC_MEDIAN.bytes,
      almanacRequests: comparison?.medianRequests ?? WEB_ALMANAC_MEDIAN.requests,
      almanacSource: comparison?.source ?? WEB_ALMANAC_MEDIAN.source,
    },
    noRoute: {
      sites: measuredSites.filter((site) => site.route === false).map((site) => site.site),
      evaluated: measuredSites.filter((site) => site.route !== null).length,
    },
    quickWins,
    sites,
  };
}

function siteLines(rows: readonly AuditRow[], baseline: readonly AuditRow[], wins: SectorWins): SiteLine[] {
  const bySite = new Map<string, AuditRow[]>();
  // home page first, then by URL: the same lines whatever order the rows (or shards) came in
  const ordered = [...baseline].sort((a, b) => Number(a.role !== 'home') - Number(b.role !== 'home') || a.url.localeCompare(b.url));
  for (const row of ordered) bySite.set(row.site, [...(bySite.get(row.site) ?? []), row]);
  return [...bySite]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([site, pages]) => {
      const ok = pages.filter((row) => row.report !== null);
      const lead = ok.find((row) => row.role === 'home') ?? ok[0];
      const first = pages[0]!;
      const counts = ok.map((row) => trackerCounts(row.report!));
      const befores = counts.map((c) => c.before);
      const refused = rows.filter((row) => row.site === site && row.consent.requested === 'refuse' && row.consent.outcome === 'done' && row.report !== null);
      const afters = refused.map((row) => trackerCounts(row.report!).afterOnly).filter((n): n is number => n !== null);
      const routes = ok.map((row) => routesOf(row.report!)).filter((route) => route !== null);
      return {
        site,
        name: pages.find((row) => row.name !== null)?.name ?? null,
        category: first.category,
        region: first.region,
        entry: first.entry,
        pages: pages.length,
        pagesOk: ok.length,
        failures: sortedSet(rows.filter((row) => row.site === site && row.failure).map((row) => row.failure!.kind)) as FailureKind[],
        dependency: lead?.report?.scores.dependencies ? { score: lead.report.scores.dependencies.score, grade: lead.report.scores.dependencies.grade } : null,
        ecoIndex: lead?.report?.scores.environment ?? null,
        bytes: median(ok.map((row) => row.report!.footprint.bytes)),
        thirdParties: new Set(ok.flatMap((row) => row.report!.thirdParties.map((party) => party.domain))).size,
        trackersBefore: ok.length === 0 || befores.some((n) => n === null) ? null : Math.max(...(befores as number[])),
        trackersAfterRefusal: afters.length === 0 ? null : Math.max(...afters),
        aiWidgets: sortedSet(ok.flatMap((row) => aiWidgetsOf(row.report!))),
        ticketing: sortedSet(ok.flatMap((row) => ticketingOf(row.report!))),
        route: routes.length === 0 ? null : routes.some((route) => route.phone || route.address || route.hours),
        firstAction: firstActionOf(wins, site),
      };
    });
}

function firstActionOf(wins: SectorWins, site: string): SiteLine['firstAction'] {
  const step = wins.firstActions.get(site) ?? null;
  return step === null ? null : { action: step.action, target: step.target, name: step.targetName };
}
