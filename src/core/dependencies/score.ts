import type { ObservedReport } from '../analyse';
import type { Report } from '../report';

/** The dependency score (0–100, A–E): additive, capped deductions, each with its reason (docs/scoring.md). */
export function scoreDependencies(_report: ObservedReport): Report['scores']['dependencies'] {
  return null;
}
