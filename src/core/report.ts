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
});
export type Footprint = z.infer<typeof Footprint>;

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
  /** null until tracker detection is evaluated */
  tracker: z.boolean().nullable(),
  /** some request fired before the first interaction; null until evaluated */
  beforeInteraction: z.boolean().nullable(),
});
export type ThirdParty = z.infer<typeof ThirdParty>;

export const Widget = z.strictObject({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  kind: z.string(),
  ai: AiClass,
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

export const PlanStep = z.strictObject({
  action: z.string(),
  target: z.string(),
  after: z.strictObject({
    footprint: z.strictObject({ bytes: z.number(), requests: z.number() }),
    scores: z.strictObject({
      dependencies: z.strictObject({ score: z.number(), grade: DependencyGrade }),
    }),
  }),
});

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
  /** recognised embedded services; null until widget detection is evaluated */
  widgets: z.array(Widget).nullable(),
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
  /** the action plan; null until evaluated */
  plan: z.array(PlanStep).nullable(),
  /** what the reader must know about how far the figures can be trusted */
  notes: z.array(Message),
});
export type Report = z.infer<typeof Report>;
