import type { Footprint, ThirdParty, TrackerFinding, Widget } from '../report';
import type { MeasuredFootprint } from '../footprint';
import type { DependencyContext } from '../dependencies/context';

export interface WeightInput {
  footprint: MeasuredFootprint;
  thirdParties: readonly ThirdParty[];
  trackers: readonly TrackerFinding[] | null;
  widgets: readonly Widget[] | null;
}

/** Where the weight goes: by purpose, by organisation, and against the Web Almanac and EcoIndex medians. */
export function weightBreakdown(
  _input: WeightInput,
  _context: DependencyContext,
): Pick<Footprint, 'byPurpose' | 'byOrganisation' | 'comparison'> {
  return { byPurpose: null, byOrganisation: null, comparison: null };
}
