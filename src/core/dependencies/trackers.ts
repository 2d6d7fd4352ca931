import type { ThirdParty, TrackerFinding } from '../report';
import type { DependencyContext } from './context';

/** Marks trackers among third parties (with why) and lists named trackers, proxied first-party analytics included. */
export function classifyTrackers(
  thirdParties: ThirdParty[],
  _context: DependencyContext,
): { thirdParties: ThirdParty[]; trackers: TrackerFinding[] | null } {
  return { thirdParties, trackers: null };
}
