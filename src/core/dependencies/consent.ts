import type { ConsentFinding, CookieFinding, ThirdParty, TrackerFinding } from '../report';
import type { DependencyContext } from './context';

/** Cookies, consent managers, a choice given earlier, and what fired before the first interaction. */
export function analyseConsent(
  _trackers: readonly TrackerFinding[] | null,
  _thirdParties: readonly ThirdParty[],
  _context: DependencyContext,
): { consent: ConsentFinding | null; cookies: CookieFinding[] | null } {
  return { consent: null, cookies: null };
}
