import type { Catalogs, Service, TrackerSignature } from '../../data/index';
import type { CapturedRequest } from '../capture';
import type { PlanAction } from '../report';
import type { CountedRequest } from '../requests';
import { firstMatch, hostMatches } from '../dependencies/lookup';

/** One action to simulate: its kind and what it concerns (a catalog id, or a registrable domain for a tracker). */
export interface ActionSpec {
  action: PlanAction;
  target: string;
}

/**
 * Stated sizes of what an action adds (docs/scoring.md, "Action plan"): typical
 * figures, not measurements, and counted as estimated bytes.
 * - a click-to-load facade shows one local thumbnail: a 640×360 WebP poster is
 *   20–30 kB (YouTube's own hqdefault.jpg, 480×360, is 10–30 kB);
 * - a static map is one image of the venue's surroundings: a 1200×600 WebP map
 *   tile composite is 50–80 kB.
 */
export const FACADE_THUMBNAIL_BYTES = 25_000;
export const STATIC_MAP_BYTES = 60_000;

/** What an action removes first (before the requests they caused) and how it recognises its own signals. */
export interface ResolvedAction {
  spec: ActionSpec;
  /** indices into capture.requests */
  seeds: number[];
  /** the requests it adds, given the final set of removed indices */
  added: (removed: ReadonlySet<number>, requests: readonly CapturedRequest[], pageOrigin: string) => CapturedRequest[];
}

const serviceActions = new Set<PlanAction>(['facade-embed', 'self-host-fonts', 'static-map', 'remove-ai-widget', 'defer-chat', 'remove-chat']);

/**
 * Resolves an action against the capture's counted requests (with their index in
 * capture.requests). Throws RangeError for a target the catalogs do not know (a caller's bug).
 */
export function resolveAction(
  spec: ActionSpec,
  counted: readonly CountedRequest[],
  indexOf: ReadonlyMap<CapturedRequest, number>,
  catalogs: Catalogs,
): ResolvedAction {
  const seedsWhere = (test: (item: CountedRequest) => boolean) =>
    counted.filter(test).map((item) => indexOf.get(item.request)!);
  if (spec.action === 'remove-tracker') {
    const signature = catalogs.trackers.find((entry) => entry.id === spec.target);
    const seeds = signature
      ? seedsWhere((item) => matchesSignature(signature, item))
      : (thirdPartySites(counted, indexOf).get(spec.target) ?? []);
    return { spec, seeds: [...seeds], added: () => [] };
  }
  if (!serviceActions.has(spec.action)) throw new RangeError(`unknown plan action: ${spec.action}`);
  const service = catalogs.services.find((entry) => entry.id === spec.target);
  if (!service) throw new RangeError(`unknown service for ${spec.action}: ${spec.target}`);
  const seeds = seedsWhere((item) => matchesService(service, item));
  return { spec, seeds, added: addedBy(spec.action, service) };
}

// The plan resolves a dozen tracker domains against the same counted requests: group them by site once.
const sitesCache = new WeakMap<readonly CountedRequest[], Map<string, number[]>>();

/** Indices (into capture.requests) of the third-party requests of each site, in request order. */
function thirdPartySites(counted: readonly CountedRequest[], indexOf: ReadonlyMap<CapturedRequest, number>): Map<string, number[]> {
  let bySite = sitesCache.get(counted);
  if (!bySite) {
    bySite = new Map();
    for (const item of counted) {
      const site = item.url.site ?? item.url.host;
      if (!item.thirdParty || site === null) continue;
      const list = bySite.get(site);
      if (list) list.push(indexOf.get(item.request)!);
      else bySite.set(site, [indexOf.get(item.request)!]);
    }
    sitesCache.set(counted, bySite);
  }
  return bySite;
}

/** The same test as the trackers analysis (../dependencies/trackers.ts): host suffix and URL pattern, or a first-party path. */
export function matchesSignature(signature: TrackerSignature, item: CountedRequest): boolean {
  const host = item.url.host;
  if (host === null) return false;
  // The cheap party and host tests first: the URL patterns are regular expressions.
  const party =
    signature.kind === 'proxied-analytics'
      ? !item.thirdParty || signature.mayBeExempt === true
      : item.thirdParty && signature.hosts.some((suffix) => hostMatches(host, suffix.toLowerCase()));
  return party && firstMatch(signature.urlPatterns, item.request.url) !== null;
}

/** A request of the service: on one of its hosts, a script of its, or the document of its frame. */
export function matchesService(service: Service, item: CountedRequest): boolean {
  const host = item.url.host;
  if (host !== null && service.match.hosts.some((suffix) => hostMatches(host, suffix.toLowerCase()))) return true;
  const { request } = item;
  if (request.type === 'script' && firstMatch(service.match.scriptPatterns, request.url) !== null) return true;
  return request.type === 'document' && request.frameId !== null && firstMatch(service.match.iframePatterns, request.url) !== null;
}

function addedBy(action: PlanAction, service: Service): ResolvedAction['added'] {
  switch (action) {
    case 'facade-embed':
      return (removed, requests, origin) => {
        // one poster per embedded player (frame document) removed; at least one
        const frames = [...removed].filter((index) => requests[index]!.type === 'document' && requests[index]!.frameId !== null);
        return Array.from({ length: Math.max(1, frames.length) }, (_, n) =>
          localRequest(`${origin}/images/facade-${service.id}-${n + 1}.webp`, 'image', FACADE_THUMBNAIL_BYTES, 'estimated'),
        );
      };
    case 'static-map':
      return (_removed, _requests, origin) => [localRequest(`${origin}/images/plan-${service.id}.webp`, 'image', STATIC_MAP_BYTES, 'estimated')];
    case 'self-host-fonts':
      // The same font files, served by the site: the same bytes, measured the same way.
      return (removed, requests, origin) =>
        [...removed]
          .sort((a, b) => a - b)
          .map((index) => requests[index]!)
          .filter((request) => request.type === 'font' && request.error === null && !request.fromCache && (request.bytes ?? 0) > 0)
          .map((request, n) => localRequest(`${origin}/fonts/${service.id}-${n + 1}${fontExtension(request.url)}`, 'font', request.bytes!, request.bytesSource ?? 'estimated'));
    default:
      return () => [];
  }
}

function fontExtension(url: string): string {
  return /\.(woff2?|ttf|otf)(?:[?#]|$)/i.exec(url)?.[0].replace(/[?#]$/, '') ?? '.woff2';
}

function localRequest(url: string, type: CapturedRequest['type'], bytes: number, source: NonNullable<CapturedRequest['bytesSource']>): CapturedRequest {
  return {
    url,
    type,
    status: 200,
    mimeType: type === 'font' ? 'font/woff2' : 'image/webp',
    fromCache: false,
    bytes,
    bytesSource: source,
    startTime: null,
    frameId: null,
    initiator: { type: 'parser', url: null },
    error: null,
  };
}
