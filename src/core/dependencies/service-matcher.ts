import type { Catalogs, ConsentManager, Service } from '../../data/index';
import type { DependencyContext } from './context';
import { compiledPatterns, hostSuffixes } from './lookup';
import { remembered } from './memo';

/**
 * Recognises the catalog's services (AI widgets, chats, ticketing, video,
 * maps, fonts …) and consent managers on a page, by five kinds of signal:
 * request host, script URL, JS global, DOM selector and iframe URL. Shared by
 * widget detection (./widgets.ts) and consent (./consent.ts) so that a
 * consent manager is recognised the same way in both.
 *
 * A signal listed by several entries (`__tcfapi` is exposed by every TCF
 * consent manager; a public CDN host serves many libraries) identifies none
 * of them alone: it is added as evidence to the entries recognised otherwise.
 */

/** One catalog entry in the matcher's common shape. */
export interface Matchable {
  kind: 'service' | 'consent';
  entry: Service | ConsentManager;
  hosts: readonly string[];
  scriptPatterns: readonly string[];
  globals: readonly string[];
  selectors: readonly string[];
  iframePatterns: readonly string[];
}

export interface Recognised {
  target: Matchable;
  /** `host:…`, `script:…`, `global:…`, `dom:…`, `iframe:…`; deduplicated, bounded */
  evidence: string[];
}

export const MAX_EVIDENCE = 8;
const MAX_URL = 200;

interface Index {
  targets: Matchable[];
  /** host suffix → targets that list it */
  byHost: Map<string, Matchable[]>;
  byGlobal: Map<string, Matchable[]>;
  bySelector: Map<string, Matchable[]>;
  /** the targets with script patterns, and those with iframe patterns, in catalog order */
  scriptTargets: Matchable[];
  frameTargets: Matchable[];
}

const indexes = new WeakMap<Catalogs, Index>();

/** The catalog entries the matcher knows, services first then consent managers, in catalog order. */
export function matchables(catalogs: Pick<Catalogs, 'services' | 'consentManagers'>): Matchable[] {
  return [
    ...catalogs.services.map(
      (entry): Matchable => ({
        kind: 'service',
        entry,
        hosts: entry.match.hosts,
        scriptPatterns: entry.match.scriptPatterns,
        globals: entry.match.globals,
        selectors: entry.match.domSelectors,
        iframePatterns: entry.match.iframePatterns,
      }),
    ),
    ...catalogs.consentManagers.map(
      (entry): Matchable => ({
        kind: 'consent',
        entry,
        hosts: entry.hosts,
        scriptPatterns: entry.scriptPatterns,
        globals: entry.globals,
        selectors: entry.domMarkers,
        iframePatterns: [],
      }),
    ),
  ];
}

/** The matcher's catalog entries (built once per catalog object): what ../plan/apply.ts walks to clean a DOM observation. */
export function catalogTargets(catalogs: Catalogs): readonly Matchable[] {
  return indexOf(catalogs).targets;
}

function indexOf(catalogs: Catalogs): Index {
  let index = indexes.get(catalogs);
  if (index) return index;
  const targets = matchables(catalogs);
  const byHost = new Map<string, Matchable[]>();
  const byGlobal = new Map<string, Matchable[]>();
  const bySelector = new Map<string, Matchable[]>();
  const add = (map: Map<string, Matchable[]>, key: string, target: Matchable) => {
    const list = map.get(key) ?? [];
    if (!list.includes(target)) list.push(target);
    map.set(key, list);
  };
  for (const target of targets) {
    for (const host of target.hosts) add(byHost, host.toLowerCase(), target);
    for (const name of target.globals) add(byGlobal, name, target);
    for (const selector of target.selectors) add(bySelector, selector, target);
  }
  const scriptTargets = targets.filter((target) => compiledPatterns(target.scriptPatterns).length > 0);
  const frameTargets = targets.filter((target) => compiledPatterns(target.iframePatterns).length > 0);
  index = { targets, byHost, byGlobal, bySelector, scriptTargets, frameTargets };
  indexes.set(catalogs, index);
  return index;
}

const results = new WeakMap<DependencyContext, Recognised[]>();

/** Every catalog entry recognised on the page, in catalog order, with what was seen. */
export function recogniseServices(context: DependencyContext): Recognised[] {
  const cached = results.get(context);
  if (cached) return cached;
  const index = indexOf(context.catalogs);
  const dom = context.capture.dom;
  /** evidence by target: `sure` when some signal names this target alone */
  const found = new Map<Matchable, { sure: boolean; evidence: string[] }>();
  const note = (targets: readonly Matchable[] | undefined, evidence: string) => {
    if (!targets) return;
    for (const target of targets) {
      const entry = found.get(target) ?? { sure: false, evidence: [] };
      if (targets.length === 1) entry.sure = true;
      if (!entry.evidence.includes(evidence)) entry.evidence.push(evidence);
      found.set(target, entry);
    }
  };

  const hosts = new Set<string>();
  const scripts = new Set<string>(dom?.scripts ?? []);
  const frames = new Set<string>(dom?.iframes ?? []);
  for (const { request, url } of context.counted) {
    if (url.host) hosts.add(url.host);
    if (request.type === 'script') scripts.add(request.url);
    // a document request from a frame is the frame's own URL
    if (request.type === 'document' && request.frameId !== null) frames.add(request.url);
  }
  for (const host of hosts) {
    // every listed suffix of the host, the longest first: `widget.intercom.io` and `intercom.io`
    for (const suffix of hostSuffixes(host)) note(index.byHost.get(suffix), `host:${host}`);
  }
  const { memo } = context;
  matchUrls(index.scriptTargets, scripts, (target) => target.scriptPatterns, 'script', note, memo.scriptTargets);
  for (const name of dom?.globals ?? []) note(index.byGlobal.get(name), `global:${name}`);
  for (const marker of dom?.markers ?? []) note(index.bySelector.get(marker), `dom:${marker}`);
  matchUrls(index.frameTargets, frames, (target) => target.iframePatterns, 'iframe', note, memo.frameTargets);

  const recognised = index.targets.flatMap((target): Recognised[] => {
    const seen = found.get(target);
    if (!seen?.sure) return [];
    return [{ target, evidence: seen.evidence.slice(0, MAX_EVIDENCE) }];
  });
  results.set(context, recognised);
  return recognised;
}

/**
 * URL patterns are each target's own (a pattern names one product): a match is
 * sure. `targets` are those with patterns of this kind; a URL's matches are
 * remembered in `cache` (./memo.ts). Each target's evidence keeps the URLs' order.
 */
function matchUrls(
  targets: readonly Matchable[],
  urls: ReadonlySet<string>,
  patternsOf: (target: Matchable) => readonly string[],
  label: 'script' | 'iframe',
  note: (targets: readonly Matchable[], evidence: string) => void,
  cache: Map<string, readonly Matchable[]>,
): void {
  for (const url of urls) {
    const matched = remembered(cache, url, () =>
      targets.filter((target) => compiledPatterns(patternsOf(target)).some((pattern) => pattern.test(url))),
    );
    for (const target of matched) note([target], `${label}:${url.slice(0, MAX_URL)}`);
  }
}
