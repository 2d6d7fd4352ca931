import type { ObservedReport } from '../analyse';
import type { Recommendation } from '../report';

/** An alternative with a short why for each finding, most important first. */
export function recommend(_report: ObservedReport): Recommendation[] | null {
  return null;
}
