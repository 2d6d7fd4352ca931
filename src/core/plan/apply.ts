import type { Catalogs } from '../../data/index';
import type { CapturedRequest, DomObservation, PageCapture } from '../capture';
import { parseRequestUrl } from '../party';
import type { Message } from '../report';
import { censusOf, type CountedRequest, type RequestCensus } from '../requests';
import { hostSuffixes } from '../dependencies/lookup';
import { catalogTargets } from '../dependencies/service-matcher';
import { resolveAction, type ActionSpec } from './actions';
import { removalClosure } from './graph';

/** A capture with actions applied, and what changed (the figures the plan reports). */
export interface AppliedActions {
  capture: PageCapture;
  /** the census of `capture`, derived from the original one without parsing the kept URLs again */
  census: RequestCensus;
  /** indices into the original capture.requests */
  removed: ReadonlySet<number>;
  added: CapturedRequest[];
  notes: Message[];
}

/**
 * Applies actions to a copy of the capture (the input is never changed):
 * removes each action's requests and what they caused (./graph.ts), adds what
 * the action adds (./actions.ts), and takes out of the DOM observation and the
 * cookies what came only with the removed requests, so that the re-run analysis
 * no longer recognises a service that is gone. DOM elements are kept: the
 * capture has no per-frame element count, and a note says so.
 */
export function applyActions(capture: PageCapture, census: RequestCensus, specs: readonly ActionSpec[], catalogs: Catalogs): AppliedActions {
  const resolved = specs.map((spec) => resolveAction(spec, census.counted, indexesOf(capture.requests), catalogs));
  const removed = removalClosure(capture.requests, resolved.flatMap((action) => action.seeds));
  const countedOf = countedByRequest(census);
  const origin = originOf(capture.page.finalUrl);
  const added = resolved.flatMap((action) => action.added(removed, capture.requests, origin));

  const kept = capture.requests.filter((_, index) => !removed.has(index));
  const keptSet = new Set(kept);
  const pageSite = parseRequestUrl(capture.page.finalUrl).site;
  const extra = censusOf({ ...capture, requests: added }, pageSite);
  const counted = [...census.counted.filter((item) => keptSet.has(item.request)), ...extra.counted];
  let notNetwork = census.notNetwork + extra.notNetwork;
  // A request of the capture is left out of its census exactly when its URL crosses no network.
  for (const index of removed) if (!countedOf.has(capture.requests[index]!)) notNetwork--;

  const keptHosts = new Set(counted.map((item) => item.url.host).filter((host): host is string => host !== null));
  const goneHosts = new Set<string>();
  const removedUrls = new Set<string>();
  for (const index of removed) {
    const request = capture.requests[index]!;
    removedUrls.add(request.url);
    const host = countedOf.get(request)?.url.host ?? null;
    if (host !== null && !keptHosts.has(host)) goneHosts.add(host);
  }
  const targets = new Set(specs.filter((spec) => spec.action !== 'remove-tracker').map((spec) => spec.target));
  const notes: Message[] = [];
  const framesRemoved = [...removed].some((index) => capture.requests[index]!.type === 'document');
  if (capture.dom !== null && framesRemoved && capture.dom.framesCounted > 1) notes.push({ key: 'plan.note.domKept', params: {} });

  return {
    capture: {
      ...capture,
      requests: [...kept, ...added],
      cookies: capture.cookies === null ? null : capture.cookies.filter((cookie) => !gone(cookie.domain, goneHosts, keptHosts)),
      dom: capture.dom === null ? null : cleanDom(capture.dom, { goneHosts, keptHosts, removedUrls, targets }, catalogs),
    },
    census: { counted, notNetwork },
    removed,
    added,
    notes,
  };
}

/**
 * The indices of the requests the actions remove (seeds and what they caused),
 * without building the simulated capture: the plan ranks tracker domains by it.
 */
export function removalOf(capture: PageCapture, census: RequestCensus, specs: readonly ActionSpec[], catalogs: Catalogs): Set<number> {
  const resolved = specs.map((spec) => resolveAction(spec, census.counted, indexesOf(capture.requests), catalogs));
  return removalClosure(capture.requests, resolved.flatMap((action) => action.seeds));
}

// Derived once per capture and per census (a plan applies a dozen actions to the same ones);
// WeakMaps, so that they go with their capture.
const indexCache = new WeakMap<readonly CapturedRequest[], Map<CapturedRequest, number>>();
const countedCache = new WeakMap<RequestCensus, Map<CapturedRequest, CountedRequest>>();

function indexesOf(requests: readonly CapturedRequest[]): Map<CapturedRequest, number> {
  let indexes = indexCache.get(requests);
  if (!indexes) {
    indexes = new Map();
    requests.forEach((request, index) => indexes!.set(request, index));
    indexCache.set(requests, indexes);
  }
  return indexes;
}

function countedByRequest(census: RequestCensus): Map<CapturedRequest, CountedRequest> {
  let byRequest = countedCache.get(census);
  if (!byRequest) {
    byRequest = new Map(census.counted.map((item) => [item.request, item]));
    countedCache.set(census, byRequest);
  }
  return byRequest;
}

interface Gone {
  goneHosts: ReadonlySet<string>;
  keptHosts: ReadonlySet<string>;
  removedUrls: ReadonlySet<string>;
  /** the services the actions take away, whatever their requests */
  targets: ReadonlySet<string>;
}

/** A cookie or catalog host suffix reached by removed requests and by no kept one. */
function gone(domain: string, goneHosts: ReadonlySet<string>, keptHosts: ReadonlySet<string>): boolean {
  const suffix = domain.toLowerCase().replace(/^\./, '');
  return suffixesOf(goneHosts).has(suffix) && !suffixesOf(keptHosts).has(suffix);
}

/** Every suffix of every host of a set (cached per set): `gone` is asked for each catalog host. */
const suffixCache = new WeakMap<ReadonlySet<string>, Set<string>>();
function suffixesOf(hosts: ReadonlySet<string>): Set<string> {
  let suffixes = suffixCache.get(hosts);
  if (!suffixes) {
    suffixes = new Set<string>();
    for (const host of hosts) {
      suffixes.add(host);
      for (const suffix of hostSuffixes(host)) suffixes.add(suffix);
    }
    suffixCache.set(hosts, suffixes);
  }
  return suffixes;
}

function cleanDom(dom: DomObservation, state: Gone, catalogs: Catalogs): DomObservation {
  const urlGone = (url: string) => {
    if (state.removedUrls.has(url)) return true;
    const host = parseRequestUrl(url).host;
    return host !== null && state.goneHosts.has(host);
  };
  // The JS globals and DOM markers of every catalog entry (services, consent
  // managers, trackers) whose requests are all gone, or that an action removes.
  const globals = new Set<string>();
  const markers = new Set<string>();
  for (const target of catalogTargets(catalogs)) {
    const removedHere = state.targets.has(target.entry.id) || target.hosts.some((host) => gone(host, state.goneHosts, state.keptHosts));
    if (!removedHere) continue;
    for (const name of target.globals) globals.add(name);
    for (const selector of target.selectors) markers.add(selector);
  }
  for (const signature of catalogs.trackers) {
    if (signature.hosts.some((host) => gone(host, state.goneHosts, state.keptHosts))) for (const name of signature.globals) globals.add(name);
  }
  return {
    ...dom,
    iframes: dom.iframes.filter((url) => !urlGone(url)),
    scripts: dom.scripts.filter((url) => !urlGone(url)),
    globals: dom.globals.filter((name) => !globals.has(name)),
    markers: dom.markers.filter((marker) => !markers.has(marker)),
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'https://localhost';
  }
}
