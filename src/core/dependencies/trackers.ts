import type { Catalogs, TrackerSignature } from '../../data/index';
import { findEntity } from '../entities';
import { firedBeforeInteraction } from '../interaction';
import type { Message, ThirdParty, TrackerFinding, TrackerKind } from '../report';
import type { CountedRequest } from '../requests';
import type { DependencyContext } from './context';
import { firstMatch, hostSuffixes, organisationById, organisationOf } from './lookup';
import { entityOfHost, remembered } from './memo';

/**
 * Which third parties are trackers, and which named trackers the page carries.
 * The definition, and why each third-party-web category is or is not a tracker,
 * is docs/dependencies.md; in short:
 * 1. a request matching a named signature (src/data/trackers.json: pixels,
 *    session recorders, fingerprinting agents; host + URL pattern) makes its
 *    third party a tracker of that kind, whatever its category;
 * 2. otherwise a host whose third-party-web category is ad, analytics, social or
 *    tag-manager is a tracker (advertising, analytics, social, tag-manager);
 *    cdn, hosting, utility, video, content, marketing, customer-success and
 *    consent-provider hosts are dependencies, not trackers by themselves;
 * 3. a FIRST-party request whose path gives away a known tool (`/gtm.js?id=GTM-…`,
 *    `/g/collect`, `matomo.php` …) is analytics served through the site's own
 *    domain: a finding with `party: 'first'`.
 * Tools the CNIL may exempt from consent when configured for it (Matomo) carry
 * a remark saying so — "may be exempt", never "compliant"; they stay trackers.
 */

const CATEGORY_KINDS: Readonly<Record<string, TrackerKind>> = {
  ad: 'advertising',
  analytics: 'analytics',
  social: 'social',
  'tag-manager': 'tag-manager',
};

const MAY_BE_EXEMPT: Message = { key: 'tracker.remark.mayBeExempt', params: {} };
/** URLs quoted as evidence per finding: enough to check, not a dump of the page. */
const MAX_URL_EVIDENCE = 3;
/** A global this short (`FS`, `hj`, `ym`) is too common a name to prove a tracker without a request. */
const MIN_GLOBAL_ALONE = 3;

interface TrackerIndex {
  /** host suffix → signatures listing it */
  byHost: Map<string, TrackerSignature[]>;
  /** path signatures, tested on first-party requests */
  proxied: TrackerSignature[];
  /** proxied signatures also tested on third-party requests: a tool that may be self-hosted anywhere (Matomo) */
  anywhere: TrackerSignature[];
  byGlobal: Map<string, TrackerSignature[]>;
}

const indexes = new WeakMap<readonly TrackerSignature[], TrackerIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexOf(signatures: readonly TrackerSignature[]): TrackerIndex {
  let index = indexes.get(signatures);
  if (index) return index;
  index = { byHost: new Map(), proxied: [], anywhere: [], byGlobal: new Map() };
  for (const signature of signatures) {
    for (const host of signature.hosts) push(index.byHost, host.toLowerCase(), signature);
    for (const name of signature.globals) push(index.byGlobal, name, signature);
    if (signature.kind === 'proxied-analytics') {
      index.proxied.push(signature);
      if (signature.mayBeExempt) index.anywhere.push(signature);
    }
  }
  indexes.set(signatures, index);
  return index;
}

function reportedKind(signature: TrackerSignature): TrackerKind {
  return signature.kind === 'proxied-analytics' ? (signature.reportedAs ?? 'analytics') : signature.kind;
}

interface Hit {
  signature: TrackerSignature;
  party: 'first' | 'third';
  requests: number;
  before: Tri;
  hosts: Set<string>;
  urls: Set<string>;
  globals: Set<string>;
}

/** Tri-state "some fired before the interaction": true wins, false beats unknown, null when all unknown. */
type Tri = boolean | null;
const orTri = (a: Tri, b: Tri): Tri => (a === true || b === true ? true : a === false || b === false ? false : null);

export function classifyTrackers(
  thirdParties: ThirdParty[],
  context: DependencyContext,
): { thirdParties: ThirdParty[]; trackers: TrackerFinding[] } {
  const { capture, catalogs } = context;
  const index = indexOf(catalogs.trackers);
  const hits = new Map<string, Hit>();
  const bySite = new Map<string, { before: Tri; kinds: Set<TrackerKind> }>();
  const candidatesByHost = new Map<string, TrackerSignature[]>();
  // The signatures a URL matches depend on the URL (its host included) and its
  // party alone: remembered across the simulations of one analyse() call (./memo.ts).
  const matchesOf = (party: 'first' | 'third', url: string, tested: () => readonly TrackerSignature[]) =>
    remembered(context.memo.trackerMatches[party], url, () => tested().filter((signature) => matches(signature, url)));

  const record = (signature: TrackerSignature, party: 'first' | 'third', item: CountedRequest, before: Tri): void => {
    const key = `${party}:${signature.id}`;
    let hit = hits.get(key);
    if (!hit) {
      hit = { signature, party, requests: 0, before: null, hosts: new Set(), urls: new Set(), globals: new Set() };
      hits.set(key, hit);
    }
    hit.requests++;
    hit.before = orTri(hit.before, before);
    if (item.url.host !== null) hit.hosts.add(item.url.host);
    if (hit.urls.size < MAX_URL_EVIDENCE) hit.urls.add(withoutQuery(item.request.url));
  };

  for (const item of context.counted) {
    const host = item.url.host;
    if (host === null) continue;
    const before = firedBeforeInteraction(item.request, capture);
    if (!item.thirdParty) {
      for (const signature of matchesOf('first', item.request.url, () => index.proxied)) record(signature, 'first', item, before);
      continue;
    }
    const site = item.url.site ?? host;
    let siteState = bySite.get(site);
    if (!siteState) {
      siteState = { before: null, kinds: new Set() };
      bySite.set(site, siteState);
    }
    siteState.before = orTri(siteState.before, before);
    const tested = () => {
      let candidates = candidatesByHost.get(host);
      if (!candidates) {
        candidates = [...new Set([...hostSuffixes(host)].flatMap((suffix) => index.byHost.get(suffix) ?? []))];
        candidatesByHost.set(host, candidates);
      }
      return [...candidates, ...index.anywhere];
    };
    for (const signature of matchesOf('third', item.request.url, tested)) {
      record(signature, 'third', item, before);
      siteState.kinds.add(reportedKind(signature));
    }
  }

  addGlobals(hits, index, capture.dom?.globals ?? []);

  const kindsOfHost = new Map<string, TrackerKind | null>();
  const classified = thirdParties.map((thirdParty): ThirdParty => {
    const siteState = bySite.get(thirdParty.domain);
    const kinds = new Set<TrackerKind>(siteState?.kinds ?? []);
    for (const host of thirdParty.hosts) {
      let kind = kindsOfHost.get(host);
      if (kind === undefined) {
        const category = entityOfHost(context, host)?.category;
        kind = (category !== undefined ? CATEGORY_KINDS[category] : undefined) ?? null;
        kindsOfHost.set(host, kind);
      }
      if (kind) kinds.add(kind);
    }
    const trackerKinds = [...kinds].sort();
    return { ...thirdParty, tracker: trackerKinds.length > 0, trackerKinds, beforeInteraction: siteState?.before ?? null };
  });

  const trackers = [...hits.values()].map((hit) => findingOf(hit, catalogs)).sort(
    (a, b) => b.requests - a.requests || compareText(a.name, b.name) || compareText(a.party, b.party),
  );
  return { thirdParties: classified, trackers };
}

function matches(signature: TrackerSignature, url: string): boolean {
  return firstMatch(signature.urlPatterns, url) !== null;
}

/** JS globals found by the DOM probe: evidence for a tracker seen in requests, or a finding of their own. */
function addGlobals(hits: Map<string, Hit>, index: TrackerIndex, globals: readonly string[]): void {
  for (const name of globals) {
    for (const signature of index.byGlobal.get(name) ?? []) {
      const existing = [...hits.values()].filter((hit) => hit.signature === signature);
      for (const hit of existing) hit.globals.add(name);
      if (existing.length === 0 && name.length >= MIN_GLOBAL_ALONE) {
        hits.set(`third:${signature.id}`, {
          signature,
          party: 'third',
          requests: 0,
          before: null,
          hosts: new Set(),
          urls: new Set(),
          globals: new Set([name]),
        });
      }
    }
  }
}

function findingOf(hit: Hit, catalogs: Catalogs): TrackerFinding {
  const { signature, party } = hit;
  // A self-hosted tool hands the data to no other organisation; a tool that may be
  // hosted anywhere belongs to whoever runs its host (Matomo Cloud, an agency …).
  let organisation = organisationById(signature.organisationId, catalogs);
  if (signature.mayBeExempt) {
    const [host] = hit.hosts;
    organisation = party === 'first' || host === undefined ? null : organisationOf(host, findEntity(catalogs.entities, host)?.name ?? null, catalogs);
  }
  return {
    id: signature.id,
    name: signature.name,
    kind: reportedKind(signature),
    party,
    organisation: organisation?.name ?? null,
    parent: organisation?.parent ?? null,
    requests: hit.requests,
    beforeInteraction: hit.before,
    remark: signature.mayBeExempt ? MAY_BE_EXEMPT : null,
    evidence: [
      ...[...hit.hosts].sort().map((host) => `host:${host}`),
      ...[...hit.urls].map((url) => `url:${url}`),
      ...[...hit.globals].sort().map((name) => `global:${name}`),
    ],
  };
}

/** The URL without its query string: enough to show the path that matched, without the visitor's identifiers. */
function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return (cut === -1 ? url : url.slice(0, cut)).slice(0, 300);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
