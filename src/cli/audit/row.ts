/**
 * One line of an audit's `results.jsonl`: one page in one consent state,
 * audited or failed. The engine appends rows; the sector outputs (CSV,
 * report.html, `merge`) read them back. A failure is data, not an absence.
 */
import { Report } from '../../core/report';
import { z } from '../../core/zod';

export const ROW_VERSION = 1;

/** What `--consent` asked for on this page; `report.page.consentState` says what was obtained. */
export const ConsentMode = z.enum(['none', 'refuse', 'accept']);
export type ConsentMode = z.infer<typeof ConsentMode>;

export const FailureKind = z.enum([
  'dns',
  'tls',
  'connection',
  'http',
  'timeout',
  'not-html',
  'offsite-redirect',
  'robots',
  'browser',
]);
export type FailureKind = z.infer<typeof FailureKind>;

export const AuditRow = z.strictObject({
  rowVersion: z.literal(ROW_VERSION),
  /** unique per page and consent mode: `${url} ${consent}`; resume skips keys already written */
  key: z.string(),
  /** the page asked for (normalised) */
  url: z.string(),
  /** the input entry this page belongs to (its home URL): groups sampled pages into one site */
  entry: z.string(),
  /** registrable domain of `entry`, or its host when it has none */
  site: z.string(),
  /** optional columns of the input CSV */
  name: z.string().nullable(),
  category: z.string().nullable(),
  region: z.string().nullable(),
  /** why this page was sampled: `home`, or the keyword its link matched (`agenda`, `billetterie`…) */
  role: z.string(),
  consent: z.strictObject({
    requested: ConsentMode,
    /** consent manager found by autoconsent (its rule name), null when none */
    manager: z.string().nullable(),
    outcome: z.enum(['not-asked', 'done', 'no-consent-manager', 'failed']),
  }),
  status: z.enum(['ok', 'failed']),
  failure: z
    .strictObject({
      kind: FailureKind,
      /** one line, as the browser or server said it */
      message: z.string(),
      httpStatus: z.number().int().nullable(),
    })
    .nullable(),
  attempts: z.number().int().positive(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** files under the output folder, relative to it (forward slashes) */
  evidence: z.strictObject({
    report: z.string().nullable(),
    har: z.string().nullable(),
    screenshot: z.string().nullable(),
    /** the debate sheet (`<mode>.debate.html`); absent from rows written before it existed */
    debate: z.string().nullable().optional(),
  }),
  report: Report.nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;
