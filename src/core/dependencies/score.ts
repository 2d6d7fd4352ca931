import type { DependencyGrade, Report } from '../report';
import { evaluateRules, type ScoredFacts } from './score-rules';

export type { ScoredFacts };

/**
 * Version of the scoring rules, written into `report.versions.scoring`.
 * '1': the first dependency score (docs/scoring.md). Bump it whenever a rule,
 * a cost, a cap or a grade threshold changes.
 */
export const SCORING_VERSION = '1';

/** Lowest score of each grade; below the last one, E. */
export const GRADE_THRESHOLDS: readonly (readonly [DependencyGrade, number])[] = [
  ['A', 85],
  ['B', 70],
  ['C', 50],
  ['D', 30],
];

export function dependencyGrade(score: number): DependencyGrade {
  return GRADE_THRESHOLDS.find(([, lowest]) => score >= lowest)?.[0] ?? 'E';
}

/**
 * The dependency score (0–100, A–E): 100 minus additive, capped deductions,
 * each with its reason, so that the score explains itself: the deductions'
 * points add up to 100 − score (or more, when the score stops at 0).
 * Zero-point entries say what the reader must know (consent given on an
 * earlier visit; a part that could not be judged).
 * Null only when the third parties cannot be judged at all: neither their
 * organisations nor their trackers were evaluated.
 */
export function scoreDependencies(report: ScoredFacts): Report['scores']['dependencies'] {
  if (report.organisations === null && report.trackers === null && report.thirdParties.every(unjudged)) return null;
  const findings = evaluateRules(report);
  const lost = findings.reduce((total, finding) => total + finding.points, 0);
  const score = Math.max(0, 100 - lost);
  return {
    score,
    grade: dependencyGrade(score),
    // Largest first; the zero-point notes last. (Array.prototype.sort is stable.)
    deductions: [...findings].sort((a, b) => b.points - a.points).map((finding) => ({
      id: finding.id,
      points: finding.points,
      reason: { key: `score.deduction.${finding.id}`, params: finding.params },
    })),
  };
}

function unjudged(party: Report['thirdParties'][number]): boolean {
  return party.tracker === null && party.jurisdiction === null && party.parent === null;
}
