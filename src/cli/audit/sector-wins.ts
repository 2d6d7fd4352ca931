/**
 * The sector's quick wins, from the action plans the reports already carry
 * (pure: no I/O, no language). Each site counts once, through the page that
 * stands for it (./sector-facts.ts `siteLeads`: the home page in its
 * untouched state), so that a site with five sampled pages does not weigh
 * five times. For each action (`<action>:<target>`, e.g. "remove-tracker:
 * meta-pixel"): on how many sites it applies, and what it would change there
 * done alone — bytes and requests per page view (net of what it adds),
 * sites whose dependency grade would go up, organisations no longer reached.
 * Then the sector if every site did its own first three actions
 * (`planSummary`). Nothing is simulated again here: these are the core's
 * figures, added up.
 */
import { dependencyGrades, type DependencyGrade, type PlanAction, type PlanAfter, type PlanStep, type Report } from '../../core/report';
import type { AuditRow } from './row';
import { baselineRows, median, siteLeads } from './sector-facts';

export interface QuickWin {
  /** `<action>:<target>`, as the plan steps' ids */
  id: string;
  action: PlanAction;
  target: string;
  /** the target's name for people (page-independent in the catalog; a domain otherwise) */
  name: string;
  /** sites where the action applies, sorted */
  sites: string[];
  /** 0–1, of the sites whose plan was evaluated */
  share: number;
  /** per page view, net of what the action adds: the sum over the sites and the median site */
  bytesSaved: { total: number; median: number };
  requestsRemoved: { total: number; median: number };
  /** sites whose dependency grade goes up with this action alone, of `graded` sites with a grade */
  gradeUps: number;
  graded: number;
  /** organisations the page no longer reaches, with the number of sites for each */
  organisations: { name: string; sites: number }[];
}

export interface PlanEffect {
  /** sites whose first actions were applied (a planSummary), of the sites whose plan was evaluated */
  sitesChanged: number;
  /** dependency grades of the sites' lead pages, before and after each does its first three actions */
  gradesBefore: Record<DependencyGrade, number>;
  gradesAfter: Record<DependencyGrade, number>;
  /** sites with a dependency grade, and those whose grade goes up */
  graded: number;
  gradeUps: number;
  medianBytes: { before: number | null; after: number | null };
  medianRequests: { before: number | null; after: number | null };
  /** per page view, summed over the sites */
  bytesSaved: number;
}

export interface SectorWins {
  /** sites with a measured page */
  sitesMeasured: number;
  /** of them, those whose plan was evaluated (`plan` not null) */
  sitesPlanned: number;
  /** most sites first, then most bytes saved */
  wins: QuickWin[];
  effect: PlanEffect;
  /** each site's first action (null: nothing to suggest or not evaluated), by site */
  firstActions: Map<string, PlanStep | null>;
}

const gradeIndex = (grade: DependencyGrade): number => dependencyGrades.indexOf(grade);

/** Whether `after` is a better dependency grade than the report's (A is best). */
function gradeUp(report: Report, after: PlanAfter): boolean | null {
  const before = report.scores.dependencies;
  if (!before) return null;
  return gradeIndex(after.scores.dependencies.grade) < gradeIndex(before.grade);
}

interface Tally {
  step: PlanStep;
  sites: string[];
  bytes: number[];
  requests: number[];
  gradeUps: number;
  graded: number;
  organisations: Map<string, Set<string>>;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const emptyGrades = (): Record<DependencyGrade, number> => Object.fromEntries(dependencyGrades.map((grade) => [grade, 0])) as Record<DependencyGrade, number>;

export function sectorWins(rows: readonly AuditRow[]): SectorWins {
  const leads = siteLeads(baselineRows(rows));
  const planned = leads.filter((row) => row.report!.plan !== null);
  const tallies = new Map<string, Tally>();
  const firstActions = new Map<string, PlanStep | null>();
  for (const row of leads) firstActions.set(row.site, row.report!.plan?.[0] ?? null);

  for (const row of planned) {
    const report = row.report!;
    for (const step of report.plan!) {
      const id = `${step.action}:${step.target}`;
      const tally = tallies.get(id) ?? { step, sites: [], bytes: [], requests: [], gradeUps: 0, graded: 0, organisations: new Map<string, Set<string>>() };
      tallies.set(id, tally);
      // a plan lists an action once; guard anyway so that a site never counts twice
      if (tally.sites.includes(row.site)) continue;
      tally.sites.push(row.site);
      tally.bytes.push(report.footprint.bytes - step.after.footprint.bytes);
      tally.requests.push(report.footprint.requests - step.after.footprint.requests);
      const up = gradeUp(report, step.after);
      if (up !== null) tally.graded++;
      if (up === true) tally.gradeUps++;
      for (const name of step.removed.organisations) tally.organisations.set(name, (tally.organisations.get(name) ?? new Set<string>()).add(row.site));
    }
  }

  const wins: QuickWin[] = [...tallies].map(([id, tally]) => ({
    id,
    action: tally.step.action,
    target: tally.step.target,
    name: tally.step.targetName,
    sites: [...tally.sites].sort(),
    share: planned.length === 0 ? 0 : tally.sites.length / planned.length,
    bytesSaved: { total: sum(tally.bytes), median: median(tally.bytes) ?? 0 },
    requestsRemoved: { total: sum(tally.requests), median: median(tally.requests) ?? 0 },
    gradeUps: tally.gradeUps,
    graded: tally.graded,
    organisations: [...tally.organisations]
      .map(([name, sites]) => ({ name, sites: sites.size }))
      .sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name)),
  }));
  wins.sort((a, b) => b.sites.length - a.sites.length || b.bytesSaved.total - a.bytesSaved.total || a.id.localeCompare(b.id));

  return { sitesMeasured: leads.length, sitesPlanned: planned.length, wins, effect: planEffect(planned), firstActions };
}

/** The sector as measured, and as if every site did its own first three actions (a site with none stays as it is). */
function planEffect(planned: readonly AuditRow[]): PlanEffect {
  const gradesBefore = emptyGrades();
  const gradesAfter = emptyGrades();
  let graded = 0;
  let gradeUps = 0;
  let sitesChanged = 0;
  const bytes: { before: number[]; after: number[] } = { before: [], after: [] };
  const requests: { before: number[]; after: number[] } = { before: [], after: [] };
  for (const row of planned) {
    const report = row.report!;
    const after = report.planSummary?.after ?? null;
    if (after !== null) sitesChanged++;
    bytes.before.push(report.footprint.bytes);
    bytes.after.push(after?.footprint.bytes ?? report.footprint.bytes);
    requests.before.push(report.footprint.requests);
    requests.after.push(after?.footprint.requests ?? report.footprint.requests);
    const dependencies = report.scores.dependencies;
    if (!dependencies) continue;
    graded++;
    gradesBefore[dependencies.grade]++;
    gradesAfter[after?.scores.dependencies.grade ?? dependencies.grade]++;
    if (after !== null && gradeUp(report, after)) gradeUps++;
  }
  return {
    sitesChanged,
    gradesBefore,
    gradesAfter,
    graded,
    gradeUps,
    medianBytes: { before: median(bytes.before), after: median(bytes.after) },
    medianRequests: { before: median(requests.before), after: median(requests.after) },
    bytesSaved: sum(bytes.before) - sum(bytes.after),
  };
}
