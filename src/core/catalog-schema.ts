import type {
  ConsentManager,
  Organisation,
  Service,
  TrackerSignature,
} from '../data/index';
import { z } from './zod';

/**
 * The shape of third-party-web's `entities-nostats.json` that Empreinte relies on
 * (see src/data/index.ts). Extra fields (products, facades …) are allowed and ignored.
 * Not parsed at load time: a unit test validates the bundled file with it.
 */
export const EntitySchema = z.object({
  name: z.string().min(1),
  company: z.string().min(1).optional(),
  homepage: z.string().optional(),
  category: z.string().min(1),
  domains: z
    .array(
      z
        .string()
        .regex(/^(\*\.)?[a-z0-9.-]+$/i, 'a host name or a *.suffix wildcard')
        .refine((domain) => !domain.startsWith('.') && !domain.endsWith('.'), 'no leading or trailing dot'),
    ),
  // (a few entities list no domain at all: harmless, they simply never match)
});

export const EntityCatalogSchema = z.array(EntitySchema).min(1);

// ── Empreinte's own catalogs (src/data/*.json) ────────────────────────────────
// Strict objects: an unknown field is a typo or dead data (the catalogs ship in
// the extension and stay compact). Not parsed at load time either:
// tests/unit/deps/catalogs.test.ts validates every entry.

/** ISO 3166-1 alpha-2 codes (officially assigned). */
const ISO_3166_ALPHA_2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** The 27 EU member states: their organisations are under EU jurisdiction (GDPR applies directly). */
export const EU_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');
const Source = z.string().trim().min(5, 'a source is required (URL, repository path or "third-party-web entity …")');
const Country = z.string().refine((code) => ISO_3166_ALPHA_2.has(code), 'an ISO 3166-1 alpha-2 country code');
const HostSuffix = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'a lower-case host suffix such as example.com');
const Text = z.string().trim().min(1);

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
/** A regular expression source; an invalid one would be skipped at run time, so the schema rejects it. */
export const RegexSource = z.string().min(1).refine(compiles, 'not a valid regular expression');

export const OrganisationSchema = z
  .strictObject({
    id: Id,
    name: Text,
    parent: Text,
    country: Country,
    jurisdiction: z.enum(['eu', 'non-eu']),
    entities: z.array(Text),
    hosts: z.array(HostSuffix),
    source: Source,
    verified: z.boolean().optional(),
  })
  .refine((o) => o.jurisdiction === (EU_COUNTRIES.has(o.country) ? 'eu' : 'non-eu'), {
    message: 'jurisdiction must be "eu" exactly when country is an EU-27 member state',
    path: ['jurisdiction'],
  });
// (an organisation may list no entity nor host: the services, trackers and consent
// managers that name it by `organisationId` bring their own hosts)

export const TrackerSignatureSchema = z
  .strictObject({
    id: Id,
    name: Text,
    organisationId: Id.optional(),
    kind: z.enum(['pixel', 'session-recording', 'fingerprinting', 'proxied-analytics']),
    reportedAs: z.enum(['analytics', 'tag-manager', 'pixel']).optional(),
    indicates: Text.optional(),
    confidence: z.enum(['high', 'medium', 'low']).optional(),
    hosts: z.array(HostSuffix),
    urlPatterns: z.array(RegexSource).min(1),
    globals: z.array(Text),
    mayBeExempt: z.boolean().optional(),
    source: Source,
    verified: z.boolean().optional(),
  })
  .refine((t) => t.kind !== 'proxied-analytics' || t.indicates !== undefined, {
    message: 'proxied analytics must say which product it indicates',
    path: ['indicates'],
  })
  .refine((t) => t.kind === 'proxied-analytics' || t.reportedAs === undefined, {
    message: 'only proxied analytics say what they are reported as',
    path: ['reportedAs'],
  })
  .refine((t) => t.kind === 'proxied-analytics' || t.hosts.length > 0, {
    message: 'a third-party signature needs hosts (URL patterns are only tested on its hosts)',
    path: ['hosts'],
  });

export const ConsentManagerSchema = z
  .strictObject({
    id: Id,
    name: Text,
    vendor: Text,
    organisationId: Id.optional(),
    country: Country,
    hosts: z.array(HostSuffix),
    scriptPatterns: z.array(RegexSource),
    globals: z.array(Text),
    domMarkers: z.array(Text),
    storedChoice: z.strictObject({ cookies: z.array(Text), localStorage: z.array(Text) }),
    source: Source,
    verified: z.boolean().optional(),
  })
  .refine((c) => c.hosts.length + c.scriptPatterns.length + c.globals.length + c.domMarkers.length > 0, {
    message: 'nothing to match on',
    path: ['hosts'],
  });

export const serviceKinds = [
  'chat',
  'search',
  'accessibility-overlay',
  'translation',
  'personalisation',
  'voice',
  'ticketing',
  'font',
  'map',
  'video',
  'social',
  'newsletter',
  'cdn',
] as const;

export const ServiceSchema = z.strictObject({
  id: Id,
  name: Text,
  vendor: Text,
  organisationId: Id.optional(),
  country: Country,
  kind: z.enum(serviceKinds),
  ai: z.enum(['llm', 'ai-capable', 'ai-overlay', 'ai-translation', 'ai-personalisation', 'none']),
  match: z.strictObject({
    hosts: z.array(HostSuffix),
    scriptPatterns: z.array(RegexSource),
    globals: z.array(Text),
    domSelectors: z.array(Text),
    iframePatterns: z.array(RegexSource),
  }),
  source: Source,
  verified: z.boolean().optional(),
});

/** An array of entries whose ids are unique; a duplicate is reported at `[index].id`. */
function catalogOf<T extends z.ZodType<{ id: string }>>(entry: T) {
  return z.array(entry).superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((e, index) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${e.id}"`, path: [index, 'id'] });
      seen.add(e.id);
    });
  });
}

export const OrganisationCatalogSchema = catalogOf(OrganisationSchema);
export const TrackerCatalogSchema = catalogOf(TrackerSignatureSchema);
export const ConsentManagerCatalogSchema = catalogOf(ConsentManagerSchema);
export const ServiceCatalogSchema = catalogOf(ServiceSchema);

// The hand-written interfaces of src/data/index.ts (data never imports core) must
// accept whatever these schemas accept: a compile-time check, no run-time cost.
type Accepts<Target, Parsed extends Target> = Parsed;
export type CheckedShapes = [
  Accepts<Organisation, z.infer<typeof OrganisationSchema>>,
  Accepts<TrackerSignature, z.infer<typeof TrackerSignatureSchema>>,
  Accepts<ConsentManager, z.infer<typeof ConsentManagerSchema>>,
  Accepts<Service, z.infer<typeof ServiceSchema>>,
];
