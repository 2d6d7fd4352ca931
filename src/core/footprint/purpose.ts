import type { Service, TrackerSignature } from '../../data/index';
import type { ThirdParty, TrackerFinding, Widget } from '../report';
import type { CountedRequest } from '../requests';
import type { DependencyContext } from '../dependencies/context';
import { compiledPatterns, hostSuffixes } from '../dependencies/lookup';

export type Purpose = 'content' | 'tracking' | 'embeds' | 'fonts' | 'other';

/**
 * Service kinds that are not embeds: fonts have a purpose of their own, and a
 * public CDN serving a library is the site's own code hosted elsewhere.
 * Consent managers are not services here either (they are catalogued apart):
 * their requests are the site's content or another third party.
 */
const NOT_EMBEDS = new Set(['font', 'cdn']);

interface Inputs {
  thirdParties: readonly ThirdParty[];
  trackers: readonly TrackerFinding[] | null;
  widgets: readonly Widget[] | null;
}

/**
 * The purpose of each counted request (same order as `context.counted`), the
 * first rule that applies winning:
 * 1. a request made inside an embedded cross-site frame takes the frame's
 *    purpose when that is tracking or embeds (a YouTube player's scripts,
 *    images and pings are the embed's weight), by `frameId`, or, when the
 *    capture has no frame ids (HAR), by an initiator chain leading back to
 *    the frame's document;
 * 2. tracking: a third party found to be a tracker (`ThirdParty.tracker`), or
 *    a first-party request matching a proxied-analytics signature that the
 *    tracker analysis reported for this page (the catalog's URL patterns are
 *    re-applied, since a finding quotes only a few URLs);
 * 3. fonts: font files, and anything from a font service's hosts (the CSS of
 *    fonts.googleapis.com, a Font Awesome kit);
 * 4. embeds: requests of a recognised service (video, map, chat, ticketing,
 *    social, AI widget …) by its hosts, script patterns or iframe patterns;
 * 5. content (first party) or other (third party).
 */
export function purposesOf(inputs: Inputs, context: DependencyContext): Purpose[] {
  const { catalogs } = context;
  const trackerSites = new Set(inputs.thirdParties.filter((party) => party.tracker === true).map((party) => party.domain));
  const proxiedIds = new Set((inputs.trackers ?? []).filter((finding) => finding.party === 'first').map((finding) => finding.id));
  const proxied = catalogs.trackers.filter((signature) => signature.kind === 'proxied-analytics' && proxiedIds.has(signature.id));
  const widgetIds = new Set((inputs.widgets ?? []).map((widget) => widget.id));
  const embeds = catalogs.services.filter((service) => widgetIds.has(service.id) && !NOT_EMBEDS.has(service.kind));
  const fontHosts = new Set(catalogs.services.filter((service) => service.kind === 'font').flatMap((service) => service.match.hosts));
  const embedHosts = new Set(embeds.flatMap((service) => service.match.hosts));

  // Pages repeat hosts many times: walk each host's suffixes once.
  const hostKinds = new Map<string, { font: boolean; embed: boolean }>();
  const kindsOf = (host: string) => {
    let kinds = hostKinds.get(host);
    if (!kinds) {
      kinds = { font: hasSuffixIn(host, fontHosts), embed: hasSuffixIn(host, embedHosts) };
      hostKinds.set(host, kinds);
    }
    return kinds;
  };
  const ownPurpose = (item: CountedRequest): Purpose => {
    const host = item.url.host ?? '';
    if (item.thirdParty && item.url.site !== null && trackerSites.has(item.url.site)) return 'tracking';
    if (!item.thirdParty && proxied.some((signature) => matchesAny(signature, item.request.url))) return 'tracking';
    if (item.request.type === 'font' || kindsOf(host).font) return 'fonts';
    if (kindsOf(host).embed || embeds.some((service) => matchesService(service, item))) return 'embeds';
    return item.thirdParty ? 'other' : 'content';
  };

  const base = context.counted.map(ownPurpose);
  // Frames whose document is tracking or an embed, by frame id and by document URL.
  const byFrame = new Map<string, Purpose>();
  const byUrl = new Map<string, Purpose>();
  context.counted.forEach((item, i) => {
    const purpose = base[i]!;
    if (item.request.type !== 'document' || !item.thirdParty || (purpose !== 'tracking' && purpose !== 'embeds')) return;
    if (item.request.frameId !== null && !byFrame.has(item.request.frameId)) byFrame.set(item.request.frameId, purpose);
    if (!byUrl.has(item.request.url)) byUrl.set(item.request.url, purpose);
  });
  if (byFrame.size === 0 && byUrl.size === 0) return base;

  // Requests come in the order they started: an initiator precedes what it loads.
  return context.counted.map((item, i) => {
    const { frameId, initiator } = item.request;
    const inherited =
      (frameId !== null ? byFrame.get(frameId) : undefined) ??
      (frameId === null && initiator?.url ? byUrl.get(initiator.url) : undefined);
    if (inherited === undefined) return base[i]!;
    // what a frame's script loads in turn belongs to the frame too (HAR: no frame ids)
    if (!byUrl.has(item.request.url)) byUrl.set(item.request.url, inherited);
    return inherited;
  });
}

function hasSuffixIn(host: string, suffixes: ReadonlySet<string>): boolean {
  for (const suffix of hostSuffixes(host.toLowerCase())) if (suffixes.has(suffix)) return true;
  return false;
}

function matchesAny(signature: TrackerSignature, url: string): boolean {
  return compiledPatterns(signature.urlPatterns).some((pattern) => pattern.test(url));
}

function matchesService(service: Service, item: CountedRequest): boolean {
  const { type, url } = item.request;
  if (type === 'script' && compiledPatterns(service.match.scriptPatterns).some((pattern) => pattern.test(url))) return true;
  return type === 'document' && compiledPatterns(service.match.iframePatterns).some((pattern) => pattern.test(url));
}
