import type { Footprint, ThirdParty, TrackerFinding, Widget } from '../report';
import type { MeasuredFootprint } from '../footprint';
import type { DependencyContext } from '../dependencies/context';
import type { CountedRequest } from '../requests';
import { QUANTILES } from '../ecoindex';
import { ALMANAC_KB } from '../estimates';
import { purposesOf, type Purpose } from './purpose';

export interface WeightInput {
  footprint: MeasuredFootprint;
  thirdParties: readonly ThirdParty[];
  trackers: readonly TrackerFinding[] | null;
  widgets: readonly Widget[] | null;
}

type Breakdown = Pick<Footprint, 'byPurpose' | 'byOrganisation' | 'comparison'>;

/**
 * Web Almanac 2025 (HTTP Archive, July 2025 crawl, page weight chapter),
 * desktop, all pages (home and inner): median 2,412 KB and 77 requests. A
 * capture does not say whether it is a home page (median 2,862 KB / 80
 * requests) or an inner page (1,963 KB), so the all-pages median is the fair
 * yardstick. The chapter's KB are 1,024 bytes, as in ../estimates.ts.
 */
export const WEB_ALMANAC_MEDIAN = {
  // A citation, not a sentence: reports show it as-is in French and English.
  source: 'HTTP Archive, Web Almanac 2025 — Page Weight, desktop, p50 (2 412 KB, 77)',
  bytes: 2412 * ALMANAC_KB,
  requests: 77,
} as const;

/**
 * The middle (11th of 21) quantiles of EcoIndex's tables: a page exactly there
 * on all three inputs scores 50 (100 − 5 × 10). Read from the published tables
 * (../ecoindex.ts) rather than copied: 603 elements, 78 requests, 1,448.32 kB.
 */
export const ECOINDEX_MEDIANS = {
  dom: QUANTILES.dom[10]!,
  requests: QUANTILES.requests[10]!,
  sizeKb: QUANTILES.size[10]!,
} as const;

const ratio = (value: number, median: number): number => Math.round((value / median) * 1000) / 1000;

/** Where the weight goes: by purpose, by organisation, and against the Web Almanac and EcoIndex medians. */
export function weightBreakdown(input: WeightInput, context: DependencyContext): Breakdown {
  const { footprint } = input;
  return {
    byPurpose: byPurpose(input, context),
    byOrganisation: byOrganisation(input.thirdParties),
    comparison: {
      webAlmanac: {
        source: WEB_ALMANAC_MEDIAN.source,
        medianBytes: WEB_ALMANAC_MEDIAN.bytes,
        medianRequests: WEB_ALMANAC_MEDIAN.requests,
        // the page's totals, dropped requests included: the Almanac counts every request
        bytesRatio: ratio(footprint.bytes, WEB_ALMANAC_MEDIAN.bytes),
        requestsRatio: ratio(footprint.requests, WEB_ALMANAC_MEDIAN.requests),
      },
      ecoIndexMedians: { ...ECOINDEX_MEDIANS },
    },
  };
}

/**
 * Every counted request in exactly one purpose (rules in ./purpose.ts). Requests
 * the capture dropped (PageCapture.droppedRequests) have no URL or type left to
 * judge: they are not attributed, so the purposes add up to the counted
 * requests, i.e. `footprint.requests − droppedRequests.count`.
 */
function byPurpose(input: WeightInput, context: DependencyContext): NonNullable<Footprint['byPurpose']> {
  const tallies: Record<Purpose, { requests: number; bytes: number }> = {
    content: { requests: 0, bytes: 0 },
    tracking: { requests: 0, bytes: 0 },
    embeds: { requests: 0, bytes: 0 },
    fonts: { requests: 0, bytes: 0 },
    other: { requests: 0, bytes: 0 },
  };
  const purposes = purposesOf(input, context);
  context.counted.forEach((item: CountedRequest, i) => {
    const tally = tallies[purposes[i]!];
    tally.requests++;
    tally.bytes += item.bytes;
  });
  return tallies;
}

/** Third-party traffic per organisation (uncatalogued ones together under null), most bytes first. */
function byOrganisation(thirdParties: readonly ThirdParty[]): NonNullable<Footprint['byOrganisation']> {
  const groups = new Map<string | null, { organisation: string | null; parent: string | null; requests: number; bytes: number }>();
  for (const party of thirdParties) {
    let group = groups.get(party.organisation);
    if (!group) {
      group = { organisation: party.organisation, parent: party.organisation === null ? null : party.parent, requests: 0, bytes: 0 };
      groups.set(party.organisation, group);
    }
    group.requests += party.requests;
    group.bytes += party.bytes;
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.bytes - a.bytes ||
      b.requests - a.requests ||
      // the unknown group after named ones at equal weight; names in code-point order (locale-independent)
      (a.organisation === null ? 1 : 0) - (b.organisation === null ? 1 : 0) ||
      ((a.organisation ?? '') < (b.organisation ?? '') ? -1 : (a.organisation ?? '') > (b.organisation ?? '') ? 1 : 0),
  );
}
