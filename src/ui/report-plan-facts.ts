import type { PlanAfter, PlanRemoved, PlanStep, Report } from '../core/report';
import { formatBytes, formatNumber, t, type Lang } from '../i18n/index';
import type { LabelledValue } from './dependency-facts';

/**
 * The action plan of a report (`plan[]`, `planSummary`) as translated strings,
 * shared by the popup line, the full report, the standalone HTML report, the
 * debate sheet and the terminal summary. Each step is set against the report
 * as measured: "D (55/100) → B (78/100)", "2,4 Mo → 1,2 Mo (−1,2 Mo)". Plain
 * strings, not escaped: every renderer escapes for its own medium.
 */

export interface PlanStepFacts {
  id: string;
  title: string;
  how: string;
  /** dependencies, weight, requests, EcoIndex, CO2, organisations no longer reached */
  changes: LabelledValue[];
  /** "D → B, −1,2 Mo": the short form used in one line */
  short: string;
  notes: string[];
}

export interface PlanFacts {
  /** "not evaluated" or "nothing to suggest"; null when there are steps */
  status: string | null;
  steps: PlanStepFacts[];
  /** the first steps together; null without a summary */
  cumulative: { heading: string; changes: LabelledValue[] } | null;
  /** "Trois changements : D → B, −1,2 Mo"; null without a summary */
  line: string | null;
}

const MINUS = '\u2212';

/** A signed difference: "−1,2 Mo", "+12 ko", "±0 o". */
function signedBytes(lang: Lang, delta: number): string {
  if (delta === 0) return `±${formatBytes(lang, 0)}`;
  return `${delta < 0 ? MINUS : '+'}${formatBytes(lang, Math.abs(delta))}`;
}

function signedCount(lang: Lang, delta: number): string {
  if (delta === 0) return '±0';
  return `${delta < 0 ? MINUS : '+'}${formatNumber(lang, Math.abs(delta), 0)}`;
}

function arrow(lang: Lang, before: string, after: string): string {
  return t(lang, 'debate.plan.arrow', { before, after });
}

/** What changes between the report as measured and `after`, row by row. */
export function planChanges(report: Report, after: PlanAfter, removed: PlanRemoved, lang: Lang): LabelledValue[] {
  const { footprint } = report;
  const grade = (value: { grade: string; score: number }) =>
    t(lang, 'debate.plan.grade', { grade: value.grade, score: Math.round(value.score) });
  const rows: LabelledValue[] = [];
  const dependencies = report.scores.dependencies;
  if (dependencies) {
    rows.push({
      label: t(lang, 'debate.plan.change.dependencies'),
      value: arrow(lang, grade(dependencies), grade(after.scores.dependencies)),
    });
  }
  const bytesDelta = after.footprint.bytes - footprint.bytes;
  rows.push({
    label: t(lang, 'debate.plan.change.bytes'),
    value: `${arrow(lang, formatBytes(lang, footprint.bytes), formatBytes(lang, after.footprint.bytes))} (${signedBytes(lang, bytesDelta)})`,
  });
  const requestsDelta = after.footprint.requests - footprint.requests;
  rows.push({
    label: t(lang, 'debate.plan.change.requests'),
    value: `${arrow(lang, formatNumber(lang, footprint.requests, 0), formatNumber(lang, after.footprint.requests, 0))} (${signedCount(lang, requestsDelta)})`,
  });
  if (footprint.ecoIndex && after.footprint.ecoIndex) {
    rows.push({ label: t(lang, 'debate.plan.change.ecoIndex'), value: arrow(lang, grade(footprint.ecoIndex), grade(after.footprint.ecoIndex)) });
  }
  const grams = (value: number) => t(lang, 'debate.plan.grams', { grams: formatNumber(lang, value, value < 1 ? 3 : 2) });
  rows.push({ label: t(lang, 'debate.plan.change.co2'), value: arrow(lang, grams(footprint.co2.grams), grams(after.footprint.co2.grams)) });
  rows.push({
    label: t(lang, 'debate.plan.change.organisations'),
    value: removed.organisations.length > 0 ? removed.organisations.join(', ') : t(lang, 'debate.plan.change.noOrganisation'),
  });
  return rows;
}

/** "D → B, −1,2 Mo" (the grade part only when the dependency score was evaluated). */
export function shortChange(report: Report, after: PlanAfter, lang: Lang): string {
  const bytes = signedBytes(lang, after.footprint.bytes - report.footprint.bytes);
  const before = report.scores.dependencies;
  return before ? `${arrow(lang, before.grade, after.scores.dependencies.grade)}, ${bytes}` : bytes;
}

export function planStepFacts(report: Report, step: PlanStep, lang: Lang): PlanStepFacts {
  return {
    id: step.id,
    title: t(lang, step.title.key, step.title.params),
    how: t(lang, step.how.key, step.how.params),
    changes: planChanges(report, step.after, step.removed, lang),
    short: shortChange(report, step.after, lang),
    notes: step.notes.map((note) => t(lang, note.key, note.params)),
  };
}

export function planFacts(report: Report, lang: Lang): PlanFacts {
  const plan = report.plan;
  const summary = report.planSummary ?? null;
  const status = plan === null ? t(lang, 'debate.plan.notEvaluated') : plan.length === 0 ? t(lang, 'debate.plan.none') : null;
  const line = summary ? planLine(report, lang) : null;
  return {
    status,
    steps: (plan ?? []).map((step) => planStepFacts(report, step, lang)),
    cumulative: summary
      ? {
          heading: summary.steps === 1 ? t(lang, 'debate.plan.cumulative.1') : t(lang, 'debate.plan.cumulative', { count: summary.steps }),
          changes: planChanges(report, summary.after, summary.removed, lang),
        }
      : null,
    line,
  };
}

/** The popup's line: "Trois changements : D → B, −1,2 Mo"; null when there is no plan summary. */
export function planLine(report: Report, lang: Lang): string | null {
  const summary = report.planSummary ?? null;
  if (!summary) return null;
  const steps = t(lang, `debate.plan.steps.${Math.min(3, Math.max(1, summary.steps))}`);
  const before = report.scores.dependencies;
  const bytes = signedBytes(lang, summary.after.footprint.bytes - report.footprint.bytes);
  if (!before) return t(lang, 'debate.plan.lineBytes', { steps, bytes });
  return t(lang, 'debate.plan.line', {
    steps,
    grades: arrow(lang, before.grade, summary.after.scores.dependencies.grade),
    bytes,
  });
}
