import type { Catalogs } from '../data/index';
import type { PageCapture } from './capture';
import { DEFAULT_GRID_INTENSITY } from './co2';
import { footprintOf, type MeasuredFootprint } from './footprint';
import { notesOf } from './notes';
import { parseRequestUrl } from './party';
import { REPORT_SCHEMA_VERSION, type Report, type ThirdParty } from './report';
import { censusOf, type RequestCensus } from './requests';
import { thirdPartiesOf } from './third-parties';
import type { DependencyContext } from './dependencies/context';
import { attributeOrganisations, groupByParent } from './dependencies/organisations';
import { classifyTrackers } from './dependencies/trackers';
import { detectWidgets } from './dependencies/widgets';
import { analyseConsent } from './dependencies/consent';
import { findAccess } from './dependencies/access';
import { SCORING_VERSION, scoreDependencies, type ScoredFacts } from './dependencies/score';
import { createMemo, entityOfHost, type AnalysisMemo } from './dependencies/memo';
import { recommend } from './dependencies/recommendations';
import { weightBreakdown } from './footprint/weight';
import { checkRgesn } from './footprint/rgesn';
import { planOf } from './plan/plan';

export interface AnalyseOptions {
  /** the tool's version, written into `report.versions.tool` */
  toolVersion: string;
  /** grid intensity for CO2; default: SWD v4's global average (494 gCO2e/kWh, region `world`) */
  gridIntensity?: { gramsPerKwh: number; region: string };
  /** the site's hosting is green (an answer already fetched); null or absent: not checked */
  greenHosting?: boolean | null;
  /** compute the action plan (default true); false: the analysis alone (plan and planSummary null) */
  plan?: boolean;
}

export { SCORING_VERSION };

/**
 * Turns one page capture into a Report. Pure: no clock, no I/O, no browser or
 * Node API — the same function runs in the service worker, the CLI and tests.
 * The capture is trusted to match PageCapture (parse it first when it comes
 * from outside); the result always passes `Report.parse`. Throws RangeError
 * when `options.gridIntensity` is not a positive number (a caller's bug).
 */
export function analyse(capture: PageCapture, catalogs: Catalogs, options: AnalyseOptions): Report {
  const census = censusOf(capture, parseRequestUrl(capture.page.finalUrl).site);
  // One memo for the report and every simulation of its plan: the same URLs are matched against the catalogs once.
  const memo = createMemo(catalogs);
  const report = analyseCensus(capture, census, catalogs, options, memo);
  if (options.plan === false) return report;
  // Each candidate action is simulated through figuresOf, which never plans: no recursion.
  const figures = (simulated: PageCapture, simulatedCensus: RequestCensus) => figuresOf(simulated, simulatedCensus, catalogs, options, memo);
  return { ...report, ...planOf({ capture, census, report, catalogs, figures }) };
}

/**
 * The analysis of a capture whose census is already known (the plan derives a
 * simulated capture's census from the original one instead of parsing every URL
 * again). Never plans: `plan` and `planSummary` are null.
 */
export function analyseCensus(
  capture: PageCapture,
  census: RequestCensus,
  catalogs: Catalogs,
  options: AnalyseOptions,
  memo?: AnalysisMemo,
): Report {
  const seen = observe(capture, census, catalogs, options, memo);
  const { context, thirdParties, trackers, widgets, measured } = seen;
  const footprint = { ...measured, ...weightBreakdown({ footprint: measured, thirdParties, trackers, widgets }, context) };
  const ecoIndex = footprint.ecoIndex;

  // Everything observed, before judging it: the score and the recommendations
  // read only this, so that they explain themselves from the report's own facts.
  const facts: Omit<ObservedReport, 'rgesn'> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    versions: { tool: options.toolVersion, catalog: catalogs.version, scoring: SCORING_VERSION },
    page: seen.page,
    footprint,
    thirdParties,
    organisations: seen.organisations,
    trackers,
    cookies: seen.cookies,
    consent: seen.consent,
    widgets,
    scores: {
      environment: ecoIndex ? { score: ecoIndex.score, grade: ecoIndex.grade } : null,
    },
    access: seen.access,
    plan: null,
    planSummary: null,
    notes: notesOf(capture, census, footprint),
  };
  const observed: ObservedReport = { ...facts, rgesn: checkRgesn(facts, context) };
  return {
    ...observed,
    scores: { ...observed.scores, dependencies: scoreDependencies(observed) },
    recommendations: recommend(observed),
  };
}

/**
 * What a plan step reports of a simulated capture (./plan/gain.ts), computed
 * the way analyseCensus computes it but without what no step shows: the weight
 * breakdown, the RGESN checks, the recommendations and the notes. Pure, never
 * plans. `memo` carries catalog matches from one simulation to the next.
 */
export function figuresOf(
  capture: PageCapture,
  census: RequestCensus,
  catalogs: Catalogs,
  options: AnalyseOptions,
  memo?: AnalysisMemo,
): SimulatedFigures {
  const seen = observe(capture, census, catalogs, options, memo);
  return {
    footprint: seen.measured,
    thirdParties: seen.thirdParties,
    scores: { dependencies: scoreDependencies(seen) },
  };
}

/** The figures of a simulated capture: its measured totals, its third parties and its dependency score. */
export interface SimulatedFigures {
  footprint: MeasuredFootprint;
  thirdParties: ThirdParty[];
  scores: { dependencies: Report['scores']['dependencies'] };
}

/** The facts both a report and a simulation need: the dependency analysis and the measured totals. */
interface Observation extends ScoredFacts {
  context: DependencyContext;
  measured: MeasuredFootprint;
}

function observe(capture: PageCapture, census: RequestCensus, catalogs: Catalogs, options: AnalyseOptions, memo?: AnalysisMemo): Observation {
  const { page } = capture;
  const pageUrl = parseRequestUrl(page.finalUrl);
  const context: DependencyContext = {
    capture,
    counted: census.counted,
    pageSite: pageUrl.registrableDomain,
    catalogs,
    memo: memo?.catalogs === catalogs ? memo : createMemo(catalogs),
  };
  const parties = thirdPartiesOf(census.counted, catalogs.entities, (host) => entityOfHost(context, host));
  const attributed = attributeOrganisations(parties, context);
  const { thirdParties, trackers } = classifyTrackers(attributed, context);
  const { consent, cookies } = analyseConsent(trackers, thirdParties, context);
  const widgets = detectWidgets(context);
  const measured = footprintOf(capture, census.counted, {
    gridIntensity: options.gridIntensity ?? DEFAULT_GRID_INTENSITY,
    greenHosting: options.greenHosting ?? null,
  });
  return {
    context,
    measured,
    page: {
      url: page.url,
      finalUrl: page.finalUrl,
      title: page.title ?? capture.dom?.title ?? null,
      site: pageUrl.registrableDomain,
      capturedAt: page.capturedAt,
      method: page.method,
      consentState: page.consentState,
      softNavigation: page.softNavigation,
      complete: page.complete,
      agent: page.agent,
    },
    thirdParties,
    organisations: groupByParent(thirdParties),
    trackers,
    cookies,
    consent,
    widgets,
    access: findAccess(capture.dom),
  };
}

/** A report before its judgements: no dependency score, no recommendations yet. */
export type ObservedReport = Omit<Report, 'scores' | 'recommendations'> & {
  scores: Omit<Report['scores'], 'dependencies'>;
};
