import type { ParentGroup, ThirdParty } from '../report';
import type { DependencyContext } from './context';

/** Fills each third party's organisation, parent company, country and jurisdiction from the catalogs. */
export function attributeOrganisations(thirdParties: ThirdParty[], _context: DependencyContext): ThirdParty[] {
  return thirdParties;
}

/** Groups third parties by parent company with each parent's share of third-party requests and bytes. */
export function groupByParent(_thirdParties: readonly ThirdParty[]): ParentGroup[] | null {
  return null;
}
