import type { Organisation } from '../../data/index';
import type { ParentGroup, ThirdParty } from '../report';
import type { DependencyContext } from './context';
import { organisationOf } from './lookup';
import { organisationOfHost } from './memo';

/**
 * Fills each third party's organisation, parent company, country and jurisdiction
 * from the catalogs (src/data/organisations.json): each of its hosts is looked up
 * by its third-party-web entity first, then by host suffix (./lookup.ts).
 *
 * A registrable domain whose hosts belong to different organisations (rare:
 * shared infrastructure such as amazonaws.com buckets of several vendors is one
 * organisation, Amazon) is attributed to the organisation with most requests,
 * ties to the name first in alphabetical order — the same rule as the entity
 * choice in ../third-parties.ts, so that one row names one company.
 * Third parties nothing maps stay null (reported as "unknown", never guessed).
 */
export function attributeOrganisations(thirdParties: ThirdParty[], context: DependencyContext): ThirdParty[] {
  const { catalogs } = context;
  const requestsByHost = new Map<string, number>();
  for (const item of context.counted) {
    if (item.thirdParty && item.url.host !== null) requestsByHost.set(item.url.host, (requestsByHost.get(item.url.host) ?? 0) + 1);
  }

  return thirdParties.map((thirdParty) => {
    const counts = new Map<Organisation, number>();
    for (const host of thirdParty.hosts) {
      const organisation = organisationOfHost(context, host);
      if (organisation) counts.set(organisation, (counts.get(organisation) ?? 0) + (requestsByHost.get(host) ?? 0));
    }
    const organisation = mostRequested(counts) ?? organisationOf(null, thirdParty.entity, catalogs);
    if (!organisation) return thirdParty;
    return {
      ...thirdParty,
      organisation: organisation.name,
      parent: organisation.parent,
      country: organisation.country,
      jurisdiction: organisation.jurisdiction,
    };
  });
}

function mostRequested(counts: Map<Organisation, number>): Organisation | null {
  let best: Organisation | null = null;
  let bestCount = -1;
  for (const [organisation, count] of counts) {
    if (count > bestCount || (count === bestCount && best && compareText(organisation.name, best.name) < 0)) {
      best = organisation;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Groups third parties by parent company, with each parent's share of all
 * third-party requests and bytes (0 when there are none). Third parties of no
 * catalogued organisation form one group whose parent is null. Groups are
 * ordered by requests, then bytes, then parent name (the unknown group last on
 * a tie); organisations and domains inside a group alphabetically.
 */
export function groupByParent(thirdParties: readonly ThirdParty[]): ParentGroup[] {
  const totalRequests = thirdParties.reduce((sum, tp) => sum + tp.requests, 0);
  const totalBytes = thirdParties.reduce((sum, tp) => sum + tp.bytes, 0);
  const groups = new Map<string | null, ThirdParty[]>();
  for (const thirdParty of thirdParties) {
    const key = thirdParty.parent;
    const members = groups.get(key);
    if (members) members.push(thirdParty);
    else groups.set(key, [thirdParty]);
  }
  return [...groups.entries()]
    .map(([parent, members]): ParentGroup => {
      const requests = members.reduce((sum, tp) => sum + tp.requests, 0);
      const bytes = members.reduce((sum, tp) => sum + tp.bytes, 0);
      return {
        parent,
        // a parent's organisations share its headquarters; if the catalog ever disagrees, say nothing
        country: parent === null ? null : agreed(members.map((tp) => tp.country)),
        jurisdiction: parent === null ? null : agreed(members.map((tp) => tp.jurisdiction)),
        organisations: uniqueSorted(members.map((tp) => tp.organisation)),
        domains: uniqueSorted(members.map((tp) => tp.domain)),
        requests,
        bytes,
        requestShare: share(requests, totalRequests),
        byteShare: share(bytes, totalBytes),
      };
    })
    .sort(
      (a, b) =>
        b.requests - a.requests ||
        b.bytes - a.bytes ||
        (a.parent === null ? 1 : 0) - (b.parent === null ? 1 : 0) ||
        compareText(a.parent ?? '', b.parent ?? ''),
    );
}

function share(part: number, total: number): number {
  return total > 0 ? Math.min(1, part / total) : 0;
}

function agreed<T>(values: readonly (T | null)[]): T | null {
  const first = values[0] ?? null;
  return values.every((value) => value === first) ? first : null;
}

function uniqueSorted(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))].sort(compareText);
}

/** Locale-independent comparison (localeCompare would depend on the runtime's locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
