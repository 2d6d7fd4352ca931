import type { SimulatedFigures } from '../analyse';
import type { PlanAfter, Report } from '../report';

/**
 * The ordering figure of a plan step (docs/scoring.md, "Action plan"):
 *   gain = Δdependency score
 *        + 30 × (bytes saved ÷ bytes before)
 *        + 0.3 × Δ EcoIndex score
 *        + 10 × (CO2 saved ÷ CO2 before)
 * The dependency score counts first (its points are the unit); cutting the whole
 * page's weight would be worth 30 points, the EcoIndex score's 100 points 30, and
 * CO2 (proportional to bytes in the SWD model) adds a little on top. Rounded to 0.01.
 */
export function gainOf(before: Report, after: PlanAfter): number {
  const dependencies = after.scores.dependencies.score - (before.scores.dependencies?.score ?? after.scores.dependencies.score);
  const bytes = ratio(before.footprint.bytes - after.footprint.bytes, before.footprint.bytes);
  const eco = before.footprint.ecoIndex && after.footprint.ecoIndex ? after.footprint.ecoIndex.score - before.footprint.ecoIndex.score : 0;
  const co2 = ratio(before.footprint.co2.grams - after.footprint.co2.grams, before.footprint.co2.grams);
  return Math.round((dependencies + 30 * bytes + 0.3 * eco + 10 * co2) * 100) / 100;
}

function ratio(saved: number, total: number): number {
  return total > 0 ? saved / total : 0;
}

/** The figures of a simulated report (or of analyse.ts `figuresOf`) that the plan shows. */
export function afterOf(report: Pick<SimulatedFigures, 'footprint' | 'scores'>): PlanAfter | null {
  const dependencies = report.scores.dependencies;
  if (dependencies === null) return null;
  const { footprint } = report;
  return {
    footprint: {
      bytes: footprint.bytes,
      requests: footprint.requests,
      ecoIndex: footprint.ecoIndex ? { score: footprint.ecoIndex.score, grade: footprint.ecoIndex.grade } : null,
      co2: { grams: footprint.co2.grams },
      domElements: footprint.domElements,
    },
    scores: { dependencies: { score: dependencies.score, grade: dependencies.grade } },
  };
}
