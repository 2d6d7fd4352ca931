import type { ObservedReport } from '../analyse';
import type { TrackerFinding, Widget } from '../report';

/** The facts the rules read: a plan simulation computes only these (../analyse.ts, `figuresOf`). */
export type ScoredFacts = Pick<ObservedReport, 'page' | 'thirdParties' | 'organisations' | 'trackers' | 'cookies' | 'consent' | 'widgets' | 'access'>;

/**
 * The dependency score's rules (docs/scoring.md gives each one's reasoning).
 * Each rule reads only facts already in the observed report and yields the
 * items it found, the points they cost (capped) and the parameters of its
 * message. A fact that was not evaluated (null) costs nothing: what cannot be
 * judged is said (a zero-point "not judged" entry), never guessed.
 * The recommendations (./recommendations.ts) read the same findings, so that
 * advice and score always agree.
 */

export interface RuleFinding {
  /** rule id; its message key is `score.deduction.<id>` */
  id: string;
  /** points lost, after the rule's cap */
  points: number;
  /** what was found: domains, tracker or widget names, parent companies, missing routes */
  targets: string[];
  params: Record<string, string | number>;
}

/** Per-item cost and cap of each rule. Changing any figure means bumping SCORING_VERSION (./score.ts). */
export const RULES = {
  'trackers-before-interaction': { each: 5, cap: 25 },
  trackers: { each: 3, cap: 15 },
  pixels: { each: 10, cap: 20 },
  'session-recording': { each: 15, cap: 25 },
  'non-eu-parents': { each: 5, cap: 20 },
  concentration: { each: 8, cap: 8 },
  'chat-widgets': { each: 10, cap: 20 },
  'accessibility-overlay': { each: 10, cap: 10 },
  'ai-services': { each: 5, cap: 10 },
  'video-embeds': { each: 8, cap: 12 },
  maps: { each: 6, cap: 10 },
  fonts: { each: 4, cap: 6 },
  'social-embeds': { each: 4, cap: 8 },
  'public-cdn': { each: 2, cap: 4 },
  'third-party-cookies': { each: 1, cap: 5 },
  'long-lived-cookies': { each: 1, cap: 5 },
  'third-party-domains': { each: 1, cap: 10 },
  'no-phone': { each: 6, cap: 6 },
  'no-address': { each: 3, cap: 3 },
  'no-opening-hours': { each: 3, cap: 3 },
} as const satisfies Record<string, { each: number; cap: number }>;
export type RuleId = keyof typeof RULES;

/** Zero-point entries: what the reader must know about the score. */
export const NOTE_IDS = ['consent-given-earlier', 'unjudged-timing', 'unjudged-cookies', 'unjudged-widgets', 'unjudged-access'] as const;
type NoteId = (typeof NOTE_IDS)[number];

/** Chat and AI widgets cost by how much of the conversation goes to an AI system (`each` is the ai-capable cost). */
const CHAT_COST = { llm: 15, 'ai-capable': 10, none: 4 } as const;
const AI_SERVICE_COST = { 'ai-translation': 5, 'ai-personalisation': 8 } as const;
/** Routes without a screen, each its own rule: the phone matters most (it reaches a person). */
const ROUTE_RULES = { phone: 'no-phone', address: 'no-address', openingHours: 'no-opening-hours' } as const;
/** Third-party domains a page may use before each further one costs a point. */
export const FREE_THIRD_PARTY_DOMAINS = 5;
/** One parent company with more than this share of third-party requests … */
export const CONCENTRATION_SHARE = 0.5;
/** … among at least this many third-party domains (two font hosts of one company are not "concentration"). */
export const CONCENTRATION_MIN_DOMAINS = 3;

/**
 * Services that already avoid what their rule penalises: privacy-enhanced
 * video, open map tiles. Ids of the services catalog (src/data/services.json).
 */
const SOBER_SERVICES = new Set([
  'youtube-nocookie',
  'openstreetmap-tiles',
  'openstreetmap-france-tiles',
  'leaflet-cdn',
  'umap',
  'ign-geoplateforme',
]);

/**
 * A tracker the CNIL may exempt from consent when configured for it
 * (self-hosted Matomo): the trackers analysis marks it with a remark whose key
 * says so. It costs nothing: the report says "may be exempt if configured",
 * never "compliant", and the score does not pretend to know the configuration.
 */
export function mayBeExempt(tracker: TrackerFinding): boolean {
  return tracker.remark !== null && /exempt/i.test(tracker.remark.key);
}

/** Names written into a reason at most; the rest are counted ("… (+12)"), the count param has them all. */
export const MAX_LISTED = 8;

export function listed(targets: readonly string[]): string {
  const shown = targets.slice(0, MAX_LISTED).join(', ');
  return targets.length > MAX_LISTED ? `${shown} … (+${targets.length - MAX_LISTED})` : shown;
}

function capped(id: RuleId, points: number, targets: string[], params: Record<string, string | number> = {}): RuleFinding | null {
  if (targets.length === 0) return null;
  return {
    id,
    points: Math.min(RULES[id].cap, points),
    targets,
    params: { count: targets.length, targets: listed(targets), ...params },
  };
}

function perItem(id: RuleId, targets: string[]): RuleFinding | null {
  return capped(id, targets.length * RULES[id].each, targets);
}

const unique = (items: Iterable<string>): string[] => [...new Set(items)];

/** The page's trackers: third-party tracker domains, then named trackers served through the site's own domain. */
function trackerTargets(report: ScoredFacts, beforeOnly: boolean): string[] {
  const domains = report.thirdParties
    .filter((party) => party.tracker === true && (!beforeOnly || party.beforeInteraction === true))
    .map((party) => party.domain);
  const proxied = (report.trackers ?? [])
    .filter((tracker) => tracker.party === 'first' && !mayBeExempt(tracker))
    .filter((tracker) => !beforeOnly || tracker.beforeInteraction === true)
    .map((tracker) => tracker.name);
  return unique([...domains, ...proxied]);
}

export function consentGivenEarlier(report: ScoredFacts): boolean {
  return report.consent?.givenEarlier === true || report.page.consentState === 'given-earlier';
}

function trackerRules(report: ScoredFacts): (RuleFinding | null)[] {
  const before = trackerTargets(report, true);
  const earlier = consentGivenEarlier(report);
  const timingUnknown = report.thirdParties.some((party) => party.tracker === true && party.beforeInteraction === null);
  const named = report.trackers ?? [];
  const ofKind = (kind: TrackerFinding['kind']) =>
    unique(named.filter((tracker) => tracker.kind === kind && !mayBeExempt(tracker)).map((tracker) => tracker.name));
  return [
    // A choice stored by an earlier visit explains trackers firing at once: not "before consent".
    earlier ? null : perItem('trackers-before-interaction', before),
    earlier && before.length > 0 ? note('consent-given-earlier', before) : null,
    timingUnknown && !earlier ? note('unjudged-timing', []) : null,
    perItem('trackers', trackerTargets(report, false)),
    perItem('pixels', ofKind('pixel')),
    perItem('session-recording', ofKind('session-recording')),
  ];
}

/** A zero-point entry: something the reader must know about the score (consent given earlier, a part not judged). */
function note(id: NoteId, targets: string[]): RuleFinding {
  return { id, points: 0, targets, params: { count: targets.length, targets: listed(targets) } };
}

function parentRules(report: ScoredFacts): (RuleFinding | null)[] {
  const byParent = new Map<string, { requests: number; domains: number; nonEu: boolean }>();
  let total = 0;
  for (const party of report.thirdParties) {
    total += party.requests;
    if (party.parent === null) continue;
    const entry = byParent.get(party.parent) ?? { requests: 0, domains: 0, nonEu: false };
    entry.requests += party.requests;
    entry.domains++;
    entry.nonEu ||= party.jurisdiction === 'non-eu';
    byParent.set(party.parent, entry);
  }
  const nonEu = [...byParent].filter(([, entry]) => entry.nonEu).map(([parent]) => parent);
  const [top] = [...byParent].sort((a, b) => b[1].requests - a[1].requests);
  const concentrated =
    top !== undefined && total > 0 && top[1].requests / total > CONCENTRATION_SHARE &&
    report.thirdParties.length >= CONCENTRATION_MIN_DOMAINS;
  return [
    perItem('non-eu-parents', nonEu),
    concentrated
      ? capped('concentration', RULES.concentration.each, [top[0]], { share: Math.round((top[1].requests / total) * 100) })
      : null,
  ];
}

/**
 * A social "embed" seen only through hosts that carry a named pixel (the Meta
 * Pixel loads from connect.facebook.net, the Facebook SDK's host) is the pixel,
 * already counted as such: it is not counted again as a social embed.
 */
function onlyPixelHosts(widget: Widget, trackers: readonly TrackerFinding[]): boolean {
  const pixelHosts = new Set(
    trackers.filter((tracker) => tracker.kind === 'pixel').flatMap((tracker) => tracker.evidence.filter((item) => item.startsWith('host:'))),
  );
  return widget.evidence.length > 0 && widget.evidence.every((item) => pixelHosts.has(item));
}

function widgetRules(widgets: readonly Widget[], trackers: readonly TrackerFinding[]): (RuleFinding | null)[] {
  const names = (filter: (widget: Widget) => boolean) => unique(widgets.filter(filter).map((widget) => widget.name));
  const sum = (items: readonly Widget[], cost: (widget: Widget) => number) =>
    items.reduce((total, widget) => total + cost(widget), 0);
  const chats = widgets.filter(
    (widget) => widget.ai === 'llm' || widget.ai === 'ai-capable' || (widget.kind === 'chat' && widget.ai === 'none'),
  );
  const aiServices = widgets.filter((widget) => widget.ai === 'ai-translation' || widget.ai === 'ai-personalisation');
  const ofKind = (kind: string) => names((widget) => widget.kind === kind && !SOBER_SERVICES.has(widget.id));
  return [
    capped('chat-widgets', sum(chats, (widget) => CHAT_COST[widget.ai as keyof typeof CHAT_COST]), unique(chats.map((widget) => widget.name))),
    perItem('accessibility-overlay', names((widget) => widget.ai === 'ai-overlay' || widget.kind === 'accessibility-overlay')),
    capped(
      'ai-services',
      sum(aiServices, (widget) => AI_SERVICE_COST[widget.ai as keyof typeof AI_SERVICE_COST]),
      unique(aiServices.map((widget) => widget.name)),
    ),
    perItem('video-embeds', ofKind('video')),
    perItem('maps', ofKind('map')),
    perItem('fonts', ofKind('font')),
    perItem('social-embeds', names((widget) => widget.kind === 'social' && !onlyPixelHosts(widget, trackers))),
    perItem('public-cdn', ofKind('cdn')),
  ];
}

function cookieRules(report: ScoredFacts): (RuleFinding | null)[] {
  if (report.cookies === null) return [note('unjudged-cookies', [])];
  const label = (cookie: { name: string; domain: string }) => `${cookie.name} (${cookie.domain})`;
  return [
    perItem('third-party-cookies', unique(report.cookies.filter((cookie) => cookie.party === 'third').map(label))),
    perItem('long-lived-cookies', unique(report.cookies.filter((cookie) => cookie.longLived).map(label))),
  ];
}

function accessRules(report: ScoredFacts): (RuleFinding | null)[] {
  const access = report.access;
  if (access === null) return [note('unjudged-access', [])];
  return (Object.keys(ROUTE_RULES) as (keyof typeof ROUTE_RULES)[]).map((route) =>
    access[route].found ? null : perItem(ROUTE_RULES[route], [route]),
  );
}

/** Every rule's finding, in the order of docs/scoring.md (zero-point notes included). */
export function evaluateRules(report: ScoredFacts): RuleFinding[] {
  const extra = Math.max(0, report.thirdParties.length - FREE_THIRD_PARTY_DOMAINS);
  const findings = [
    ...trackerRules(report),
    ...parentRules(report),
    ...(report.widgets === null ? [note('unjudged-widgets', [])] : widgetRules(report.widgets, report.trackers ?? [])),
    ...cookieRules(report),
    capped(
      'third-party-domains',
      extra * RULES['third-party-domains'].each,
      extra > 0 ? report.thirdParties.map((party) => party.domain) : [],
      { free: FREE_THIRD_PARTY_DOMAINS },
    ),
    ...accessRules(report),
  ];
  return findings.filter((finding): finding is RuleFinding => finding !== null);
}
