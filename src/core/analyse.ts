import type { Catalogs } from '../data/index';
import type { PageCapture } from './capture';
import { DEFAULT_GRID_INTENSITY } from './co2';
import { footprintOf } from './footprint';
import { notesOf } from './notes';
import { parseRequestUrl } from './party';
import { REPORT_SCHEMA_VERSION, type Report } from './report';
import { censusOf, type RequestCensus } from './requests';
import { thirdPartiesOf } from './third-parties';
import type { DependencyContext } from './dependencies/context';
import { attributeOrganisations, groupByParent } from './dependencies/organisations';
import { classifyTrackers } from './dependencies/trackers';
import { detectWidgets } from './dependencies/widgets';
import { analyseConsent } from './dependencies/consent';
import { findAccess } from './dependencies/access';
import { SCORING_VERSION, scoreDependencies } from './dependencies/score';
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
  /** compute the action plan (default true); simulations pass false, so that analyse never recurses */
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
  const report = analyseCensus(capture, census, catalogs, options);
  if (options.plan === false) return report;
  // Each candidate action is simulated through analyseCensus with plan off: no recursion.
  return { ...report, ...planOf({ capture, census, report, catalogs, options, analyseCensus }) };
}

/**
 * The analysis of a capture whose census is already known (the plan derives a
 * simulated capture's census from the original one instead of parsing every URL
 * again). Never plans: `plan` and `planSummary` are null.
 */
export function analyseCensus(capture: PageCapture, census: RequestCensus, catalogs: Catalogs, options: AnalyseOptions): Report {
  const { page } = capture;
  const pageUrl = parseRequestUrl(page.finalUrl);

  const context: DependencyContext = { capture, counted: census.counted, pageSite: pageUrl.registrableDomain, catalogs };
  const attributed = attributeOrganisations(thirdPartiesOf(census.counted, catalogs.entities), context);
  const { thirdParties, trackers } = classifyTrackers(attributed, context);
  const { consent, cookies } = analyseConsent(trackers, thirdParties, context);
  const widgets = detectWidgets(context);
  const measured = footprintOf(capture, census.counted, {
    gridIntensity: options.gridIntensity ?? DEFAULT_GRID_INTENSITY,
    greenHosting: options.greenHosting ?? null,
  });
  const footprint = { ...measured, ...weightBreakdown({ footprint: measured, thirdParties, trackers, widgets }, context) };
  const ecoIndex = footprint.ecoIndex;

  // Everything observed, before judging it: the score and the recommendations
  // read only this, so that they explain themselves from the report's own facts.
  const facts: Omit<ObservedReport, 'rgesn'> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    versions: { tool: options.toolVersion, catalog: catalogs.version, scoring: SCORING_VERSION },
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
    footprint,
    thirdParties,
    organisations: groupByParent(thirdParties),
    trackers,
    cookies,
    consent,
    widgets,
    scores: {
      environment: ecoIndex ? { score: ecoIndex.score, grade: ecoIndex.grade } : null,
    },
    access: findAccess(capture.dom),
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

/** A report before its judgements: no dependency score, no recommendations yet. */
export type ObservedReport = Omit<Report, 'scores' | 'recommendations'> & {
  scores: Omit<Report['scores'], 'dependencies'>;
};
