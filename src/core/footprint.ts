import { resourceTypes, type PageCapture, type ResourceType } from './capture';
import { computeCo2, type GridIntensity } from './co2';
import { computeEcoIndex } from './ecoindex';
import type { Footprint, Tally } from './report';
import type { CountedRequest } from './requests';

export interface FootprintOptions {
  gridIntensity: GridIntensity;
  greenHosting: boolean | null;
}

/** bySource key for the bytes of requests the capture dropped (counted, but by an unrecorded method). */
export const DROPPED_SOURCE = 'dropped';

const emptyTally = (): Tally => ({ requests: 0, bytes: 0 });

/**
 * Totals of one page load. Dropped requests (see PageCapture.droppedRequests)
 * count in `requests` and `bytes`, and their bytes as measured (the capturer
 * counted them before dropping the details), but they have no type or party:
 * byType and byParty add up to the counted requests only.
 */
/** The measured totals; the breakdowns that need the dependency analysis (purpose, organisation, comparison) come after. */
export type MeasuredFootprint = Omit<Footprint, 'byPurpose' | 'byOrganisation' | 'comparison'>;

export function footprintOf(
  capture: PageCapture,
  counted: readonly CountedRequest[],
  options: FootprintOptions,
): MeasuredFootprint {
  const byType = Object.fromEntries(resourceTypes.map((type) => [type, emptyTally()])) as Record<ResourceType, Tally>;
  const byParty = { first: emptyTally(), third: emptyTally() };
  const bySource: Record<string, number> = {};
  let bytes = 0;
  let estimated = 0;
  let fromCache = 0;

  for (const item of counted) {
    const type = byType[item.request.type];
    type.requests++;
    type.bytes += item.bytes;
    const party = item.thirdParty ? byParty.third : byParty.first;
    party.requests++;
    party.bytes += item.bytes;
    if (item.source !== null) bySource[item.source] = (bySource[item.source] ?? 0) + item.bytes;
    if (item.source === 'estimated') estimated += item.bytes;
    if (item.request.fromCache) fromCache++;
    bytes += item.bytes;
  }

  const dropped = capture.droppedRequests;
  if (dropped.count > 0 || dropped.bytes > 0) bySource[DROPPED_SOURCE] = dropped.bytes;
  bytes += dropped.bytes;
  const requests = counted.length + dropped.count;
  const domElements = capture.dom?.elements ?? null;

  return {
    bytes,
    bytesMeasuredShare: bytes === 0 ? 1 : (bytes - estimated) / bytes,
    requests,
    requestsFromCache: fromCache,
    domElements,
    ecoIndex: domElements === null ? null : computeEcoIndex(domElements, requests, bytes / 1000),
    co2: computeCo2(bytes, options.gridIntensity, options.greenHosting),
    byType,
    byParty,
    bySource,
  };
}
