import type { ObservedReport } from '../analyse';
import type { RgesnCheck } from '../report';
import type { DependencyContext } from '../dependencies/context';
import { cachingHeaders, compression, imageFormats, protocolAndHosts } from './rgesn-network';
import { autoplay, fonts, imageSizes } from './rgesn-page';
import { result } from './rgesn-support';

/**
 * RGESN 6.1 asks the service to declare its own budget; none is declared to
 * us, so the page is set against this default, an assumption of ours (no
 * official figure): 1 MB and 40 requests per screen, well under the Web
 * Almanac 2025 median page (2.4 MB, 77 requests) that ./weight.ts compares
 * with (docs/methodology.md, "RGESN").
 */
export const DEFAULT_BUDGET = { bytes: 1_000_000, requests: 40 } as const;

/**
 * The RGESN 2024 criteria a page load can check (4.1, 4.8, 5.1, 6.2, 6.3, 6.4,
 * 6.7: pass, fail or not applicable) and the indicators it can give (6.1, 4.4,
 * 2.10: measured figures that inform a criterion but cannot decide it). A
 * check the capture cannot decide (no headers, no protocol, no DOM probe) is
 * an `indicator` with the key `rgesn.<id>.unknown`. In criterion order.
 */
export function checkRgesn(facts: Omit<ObservedReport, 'rgesn'>, context: DependencyContext): RgesnCheck[] | null {
  const { counted, capture } = context;
  const dom = capture.dom;
  const trackerSites = new Set(facts.thirdParties.filter((party) => party.tracker === true).map((party) => party.domain));
  return [
    servicesInUse(facts),
    autoplay(dom),
    beforeInteraction(facts),
    fonts(dom, counted),
    imageFormats(counted, trackerSites),
    budget(facts),
    cachingHeaders(counted),
    compression(counted),
    imageSizes(dom),
    protocolAndHosts(counted),
  ];
}

/** 2.10 (indicator): the third-party services in use, largest first, by entity name where known. */
function servicesInUse(facts: Omit<ObservedReport, 'rgesn'>): RgesnCheck {
  const parties = [...facts.thirdParties].sort((a, b) => b.bytes - a.bytes || b.requests - a.requests);
  const organisations = new Set(parties.map((party) => party.organisation).filter((name) => name !== null));
  return result(
    '2.10',
    'indicator',
    { count: parties.length, organisations: organisations.size },
    parties.map((party) => (party.entity ? `${party.entity} (${party.domain})` : party.domain)),
  );
}

/** 4.4 (indicator): third parties that loaded before any interaction (the CLI never interacts: all of them). */
function beforeInteraction(facts: Omit<ObservedReport, 'rgesn'>): RgesnCheck {
  const early = facts.thirdParties.filter((party) => party.beforeInteraction === true);
  const unknownCount = facts.thirdParties.filter((party) => party.beforeInteraction === null).length;
  if (facts.thirdParties.length > 0 && unknownCount === facts.thirdParties.length) return result('4.4', 'indicator', {}, [], 'unknown');
  return result(
    '4.4',
    'indicator',
    { count: early.length, total: facts.thirdParties.length },
    early.map((party) => party.domain),
  );
}

/** 6.1 (indicator): weight and requests against the default budget. */
function budget(facts: Omit<ObservedReport, 'rgesn'>): RgesnCheck {
  const { bytes, requests } = facts.footprint;
  return result('6.1', 'indicator', {
    kb: Math.round(bytes / 1000),
    requests,
    budgetKb: DEFAULT_BUDGET.bytes / 1000,
    budgetRequests: DEFAULT_BUDGET.requests,
  });
}
