import { z } from './zod';
import { CaptureMethod, ConsentState, ResourceType } from './capture';

/**
 * Report v1: the one result that every front door shows and exports. Its core
 * fields are a public contract (ARCHITECTURE.md, "The public report contract"):
 * names may grow, these keep their meaning. A field whose analysis has not
 * landed yet is `null` ("not evaluated"), never a made-up value.
 */

export const REPORT_SCHEMA_VERSION = 1 as const;

export const ecoIndexGrades = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export const EcoIndexGrade = z.enum(ecoIndexGrades);
export type EcoIndexGrade = z.infer<typeof EcoIndexGrade>;

export const dependencyGrades = ['A', 'B', 'C', 'D', 'E'] as const;
export const DependencyGrade = z.enum(dependencyGrades);
export type DependencyGrade = z.infer<typeof DependencyGrade>;

export const aiClasses = ['llm', 'ai-capable', 'ai-overlay', 'ai-translation', 'ai-personalisation', 'none'] as const;
export const AiClass = z.enum(aiClasses);

/** A message for people: a key of the i18n catalog and its parameters. The core never writes sentences. */
export const Message = z.strictObject({
  key: z.string().max(128),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Message = z.infer<typeof Message>;

export const Tally = z.strictObject({
  requests: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type Tally = z.infer<typeof Tally>;

export const EcoIndex = z.strictObject({
  /** 0–100, rounded as the reference service does (grade, GHG and water follow the rounded score) */
  score: z.number().int().min(0).max(100),
  grade: EcoIndexGrade,
  /** greenhouse gas, gCO2e per view (EcoIndex model) */
  ghg: z.number(),
  /** water, centilitres per view (EcoIndex model) */
  water: z.number(),
});
export type EcoIndex = z.infer<typeof EcoIndex>;

export const Co2 = z.strictObject({
  /** grams CO2e per page view */
  grams: z.number().nonnegative(),
  /** the model that produced `grams`, e.g. "swd-v4" */
  model: z.string(),
  /** grid intensity used (gCO2e/kWh) and where it came from */
  gridIntensity: z.strictObject({ gramsPerKwh: z.number().positive(), region: z.string() }),
  /** was the site's hosting known to be green; null when not checked */
  greenHosting: z.boolean().nullable(),
  /** grams by segment; each segment is counted by the SWD v4 model */
  breakdown: z.strictObject({
    dataCentre: z.number().nonnegative(),
    network: z.number().nonnegative(),
    device: z.number().nonnegative(),
  }),
});
export type Co2 = z.infer<typeof Co2>;

export const Footprint = z.strictObject({
  /** transfer bytes of the page load (measured plus estimated) */
  bytes: z.number().int().nonnegative(),
  /** share (0–1) of `bytes` that was measured rather than estimated */
  bytesMeasuredShare: z.number().min(0).max(1),
  requests: z.number().int().nonnegative(),
  /** requests answered from the browser cache (no bytes transferred) */
  requestsFromCache: z.number().int().nonnegative(),
  /** DOM elements by the EcoIndex method; null when no DOM was observed (HAR files) */
  domElements: z.number().int().nonnegative().nullable(),
  /** null when an input is missing (no DOM count) */
  ecoIndex: EcoIndex.nullable(),
  co2: Co2,
  byType: z.record(ResourceType, Tally),
  byParty: z.strictObject({ first: Tally, third: Tally }),
  /** bytes by how they were obtained (cdp, har, content-length, estimated …) */
  bySource: z.record(z.string(), z.number().int().nonnegative()),
  /**
   * Where the weight goes by purpose — content (the site's own), tracking,
   * embeds (video, maps, widgets, ticketing), fonts, other; null until evaluated.
   */
  byPurpose: z.record(z.enum(['content', 'tracking', 'embeds', 'fonts', 'other']), Tally).nullable(),
  /** bytes and requests by organisation (third parties only), largest first; null until evaluated */
  byOrganisation: z
    .array(z.strictObject({ organisation: z.string().nullable(), parent: z.string().nullable(), requests: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }))
    .nullable(),
  /** the page set against the Web Almanac 2025 medians and the EcoIndex targets; null until evaluated */
  comparison: z
    .strictObject({
      webAlmanac: z.strictObject({
        source: z.string(),
        medianBytes: z.number(),
        medianRequests: z.number(),
        /** the page's bytes and requests as a ratio of the medians */
        bytesRatio: z.number().nonnegative(),
        requestsRatio: z.number().nonnegative(),
      }),
      /** the EcoIndex quantile tables' medians (dom, requests, kB) against which a page scores 50 */
      ecoIndexMedians: z.strictObject({ dom: z.number(), requests: z.number(), sizeKb: z.number() }),
    })
    .nullable(),
});
export type Footprint = z.infer<typeof Footprint>;

/**
 * What makes a third party (or a first-party script) a tracker: see
 * docs/scoring.md for the definition and how third-party-web categories map to it.
 */
export const trackerKinds = [
  'advertising',
  'analytics',
  'social',
  'tag-manager',
  'session-recording',
  'fingerprinting',
  'pixel',
] as const;
export const TrackerKind = z.enum(trackerKinds);
export type TrackerKind = z.infer<typeof TrackerKind>;

export const ThirdParty = z.strictObject({
  /** registrable domain (eTLD+1) */
  domain: z.string(),
  hosts: z.array(z.string()),
  /** third-party-web entity name; null when unknown */
  entity: z.string().nullable(),
  /** organisation, parent company and country: null until the organisations catalog evaluates them */
  organisation: z.string().nullable(),
  parent: z.string().nullable(),
  country: z.string().nullable(),
  /** third-party-web category (ad, analytics, social, video, cdn …); null when unknown */
  category: z.string().nullable(),
  requests: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** EU or non-EU jurisdiction of the parent company; null when the organisation is unknown */
  jurisdiction: z.enum(['eu', 'non-eu']).nullable(),
  /** null until tracker detection is evaluated */
  tracker: z.boolean().nullable(),
  /** why it is a tracker (empty when it is not one); null until evaluated */
  trackerKinds: z.array(TrackerKind).nullable(),
  /** some request fired before the first interaction; null until evaluated */
  beforeInteraction: z.boolean().nullable(),
});
export type ThirdParty = z.infer<typeof ThirdParty>;


export const Widget = z.strictObject({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  /** chat, consent, ticketing, video, map, font, newsletter, social, accessibility-overlay, translation … */
  kind: z.string(),
  ai: AiClass,
  /** organisation and parent company behind the service, when known */
  organisation: z.string().nullable(),
  parent: z.string().nullable(),
  country: z.string().nullable(),
  /** what was seen: `host:…`, `script:…`, `global:…`, `dom:…`, `iframe:…` */
  evidence: z.array(z.string()),
});
export type Widget = z.infer<typeof Widget>;

export const Deduction = z.strictObject({
  id: z.string(),
  points: z.number(),
  reason: Message,
});

export const DependencyScore = z.strictObject({
  score: z.number().min(0).max(100),
  grade: DependencyGrade,
  deductions: z.array(Deduction),
});

export const AccessRoute = z.strictObject({
  found: z.boolean(),
  evidence: z.array(z.string()),
});

/** One RGESN 2024 criterion that a page load can check (or indicate), with what was seen. */
export const RgesnCheck = z.strictObject({
  /** criterion number, e.g. "6.3" */
  id: z.string(),
  /**
   * `indicator`: a measured figure that informs the criterion but cannot decide it;
   * `unknown`: this capture lacks what the check needs (no headers, no protocol, no DOM probe)
   */
  status: z.enum(['pass', 'fail', 'not-applicable', 'indicator', 'unknown']),
  /** what was measured, for people (i18n key + params) */
  measured: Message,
  /** offending or supporting items (URLs, font names …), bounded */
  evidence: z.array(z.string()),
});
export type RgesnCheck = z.infer<typeof RgesnCheck>;

/** Third parties grouped by parent company, with its share of third-party traffic. */
export const ParentGroup = z.strictObject({
  /** parent company; null for third parties whose organisation is not catalogued */
  parent: z.string().nullable(),
  country: z.string().nullable(),
  jurisdiction: z.enum(['eu', 'non-eu']).nullable(),
  organisations: z.array(z.string()),
  domains: z.array(z.string()),
  requests: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** shares (0–1) of all third-party requests and bytes */
  requestShare: z.number().min(0).max(1),
  byteShare: z.number().min(0).max(1),
});
export type ParentGroup = z.infer<typeof ParentGroup>;

/** A named tracker recognised on the page: a pixel, a session recorder, analytics proxied through the site. */
export const TrackerFinding = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: TrackerKind,
  /** `first` when served through the site's own domain (a proxy) */
  party: z.enum(['first', 'third']),
  organisation: z.string().nullable(),
  parent: z.string().nullable(),
  requests: z.number().int().nonnegative(),
  /** some of its requests fired before the first interaction; null when unknown */
  beforeInteraction: z.boolean().nullable(),
  /** e.g. "may be exempt from consent if configured for it" (CNIL): a message, never a verdict */
  remark: Message.nullable(),
  evidence: z.array(z.string()),
});
export type TrackerFinding = z.infer<typeof TrackerFinding>;

export const CookieFinding = z.strictObject({
  name: z.string(),
  domain: z.string(),
  party: z.enum(['first', 'third']),
  setBy: z.enum(['header', 'script']),
  /** declared lifetime in days; null for a session cookie */
  lifetimeDays: z.number().nullable(),
  /** declared lifetime over 13 months (the CNIL's maximum for consent cookies) */
  longLived: z.boolean(),
  beforeInteraction: z.boolean().nullable(),
});
export type CookieFinding = z.infer<typeof CookieFinding>;

export const ConsentFinding = z.strictObject({
  /** consent managers recognised on the page */
  managers: z.array(z.strictObject({ id: z.string(), name: z.string(), evidence: z.array(z.string()) })),
  /** an IAB TCF API (`__tcfapi`) is present */
  tcf: z.boolean(),
  /** a choice stored by an earlier visit was found: trackers may fire because the visitor consented before */
  givenEarlier: z.boolean(),
  /** ms since navigation start of the first trusted interaction; null when there was none */
  firstInteractionAt: z.number().nullable(),
  trackersBeforeInteraction: z.number().int().nonnegative(),
  cookiesBeforeInteraction: z.number().int().nonnegative(),
});
export type ConsentFinding = z.infer<typeof ConsentFinding>;

/** An alternative for a finding, with a short why; texts are i18n keys (`rec.<id>.title`, `rec.<id>.why`). */
export const Recommendation = z.strictObject({
  id: z.string(),
  /** the domains, widgets or trackers it concerns */
  targets: z.array(z.string()),
  title: Message,
  why: Message,
});
export type Recommendation = z.infer<typeof Recommendation>;

/** The kinds of action the plan can propose; each has `plan.<kind>.title` and `plan.<kind>.how` messages. */
export const planActions = [
  'remove-tracker',
  'facade-embed',
  'self-host-fonts',
  'static-map',
  'remove-ai-widget',
  'defer-chat',
  'remove-chat',
] as const;
export const PlanAction = z.enum(planActions);
export type PlanAction = z.infer<typeof PlanAction>;

/** The page re-computed as if the action(s) were done (docs/scoring.md, "Action plan"). */
export const PlanAfter = z.strictObject({
  footprint: z.strictObject({
    bytes: z.number(),
    requests: z.number(),
    /** null when the capture has no DOM count (HAR files): EcoIndex cannot be computed, before or after */
    ecoIndex: z.strictObject({ score: z.number().int().min(0).max(100), grade: EcoIndexGrade }).nullable(),
    co2: z.strictObject({ grams: z.number().nonnegative() }),
    /** null when no DOM was observed */
    domElements: z.number().int().nonnegative().nullable(),
  }),
  scores: z.strictObject({
    dependencies: z.strictObject({ score: z.number(), grade: DependencyGrade }),
  }),
});
export type PlanAfter = z.infer<typeof PlanAfter>;

/** What an action takes away: the counted requests (with what they triggered) and the organisations no longer reached. */
export const PlanRemoved = z.strictObject({
  requests: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** organisations (or, when not catalogued, registrable domains) the page no longer reaches at all */
  organisations: z.array(z.string()),
});
export type PlanRemoved = z.infer<typeof PlanRemoved>;

export const PlanStep = z.strictObject({
  /** stable id: `<action>:<target>` */
  id: z.string(),
  action: PlanAction,
  /** what the action concerns: a catalog id (tracker, widget) or a registrable domain */
  target: z.string(),
  /** the target's name for people (service or organisation name), page-independent */
  targetName: z.string(),
  /** `plan.<action>.title` / `plan.<action>.how` with params (at least `name`) */
  title: Message,
  how: Message,
  removed: PlanRemoved,
  /** what the action adds (a local thumbnail, self-hosted font files, a static map image) */
  added: Tally,
  /** the ordering figure: higher is better (docs/scoring.md, "Action plan") */
  gain: z.number(),
  after: PlanAfter,
  /** what the reader must know about this simulation (e.g. DOM elements kept) */
  notes: z.array(Message),
});
export type PlanStep = z.infer<typeof PlanStep>;

/** The first steps of the plan applied together. */
export const PlanSummary = z.strictObject({
  /** how many steps were applied together (at most three) */
  steps: z.number().int().positive(),
  /** their ids, in plan order */
  ids: z.array(z.string()),
  removed: PlanRemoved,
  added: Tally,
  after: PlanAfter,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const Report = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  versions: z.strictObject({ tool: z.string(), catalog: z.string(), scoring: z.string() }),
  page: z.strictObject({
    url: z.string(),
    finalUrl: z.string(),
    title: z.string().nullable(),
    /** registrable domain of the final URL; null for hosts without one (IP, localhost) */
    site: z.string().nullable(),
    capturedAt: z.string(),
    method: CaptureMethod,
    consentState: ConsentState,
    softNavigation: z.boolean(),
    complete: z.boolean(),
    agent: z.string().nullable(),
  }),
  footprint: Footprint,
  /** one per registrable domain, most requests first */
  thirdParties: z.array(ThirdParty),
  /** third parties grouped by parent company, largest share of requests first; null until evaluated */
  organisations: z.array(ParentGroup).nullable(),
  /** named trackers (pixels, session recorders, proxied analytics); null until evaluated */
  trackers: z.array(TrackerFinding).nullable(),
  /** cookies seen; null when the capture did not observe cookies */
  cookies: z.array(CookieFinding).nullable(),
  /** consent managers and what happened before the first interaction; null until evaluated */
  consent: ConsentFinding.nullable(),
  /** recognised embedded services; null until widget detection is evaluated */
  widgets: z.array(Widget).nullable(),
  /** RGESN criteria checked on this page load; null until evaluated */
  rgesn: z.array(RgesnCheck).nullable(),
  scores: z.strictObject({
    /** null until the dependency score is evaluated */
    dependencies: DependencyScore.nullable(),
    /** the EcoIndex score and grade; null when EcoIndex could not be computed */
    environment: z.strictObject({ score: z.number().int().min(0).max(100), grade: EcoIndexGrade }).nullable(),
  }),
  /** non-digital routes (phone, address, hours); null until evaluated */
  access: z
    .strictObject({ phone: AccessRoute, address: AccessRoute, openingHours: AccessRoute })
    .nullable(),
  /** alternatives for the findings, most important first; null until evaluated */
  recommendations: z.array(Recommendation).nullable(),
  /** the action plan; null until evaluated */
  plan: z.array(PlanStep).nullable(),
  /**
   * the first three steps of `plan` applied together; null when the plan is empty or not evaluated;
   * absent from reports written before the plan existed
   */
  planSummary: PlanSummary.nullable().optional(),
  /** what the reader must know about how far the figures can be trusted */
  notes: z.array(Message),
});
export type Report = z.infer<typeof Report>;
