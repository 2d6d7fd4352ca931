import type { Catalogs } from '../data/index';
import { analyseCensus, type AnalyseOptions } from './analyse';
import type { PageCapture } from './capture';
import { parseRequestUrl } from './party';
import type { Report } from './report';
import { censusOf } from './requests';
import type { ActionSpec } from './plan/actions';
import { applyActions } from './plan/apply';

export type { ActionSpec } from './plan/actions';

/**
 * What-if: the report of `capture` as if `actions` were done — their requests
 * and everything those triggered removed, what they add added (a facade's
 * thumbnail, self-hosted font files, a static map), the services that are gone
 * taken out of the DOM observation and the cookies — then analysed again.
 * Pure, like analyse(); it never plans inside a simulation (`plan` and
 * `planSummary` are null). The capture is never changed. Throws RangeError for
 * an action whose target the catalogs do not know.
 */
export function simulate(
  capture: PageCapture,
  actions: readonly ActionSpec[],
  catalogs: Catalogs,
  options: AnalyseOptions,
): Report {
  const census = censusOf(capture, parseRequestUrl(capture.page.finalUrl).site);
  const applied = applyActions(capture, census, actions, catalogs);
  const report = analyseCensus(applied.capture, applied.census, catalogs, { ...options, plan: false });
  return { ...report, notes: [...report.notes, ...applied.notes] };
}
