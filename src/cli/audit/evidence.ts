/**
 * The evidence of one page in one consent mode, under the audit's folder:
 * `pages/<slug>/<mode>.report.json`, `<mode>.har`, `<mode>.png` and the
 * debate sheet `<mode>.debate.html` (in the audit's language). Paths in
 * the row are relative to the folder, with forward slashes, so that a folder
 * moved or zipped elsewhere still holds.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureToHar } from '../../collect/har-export';
import type { PageCapture } from '../../core/capture';
import type { Report } from '../../core/report';
import type { Lang } from '../../i18n/index';
import { renderDebateHtml } from '../../ui/debate-html';
import { toolVersion } from '../../version';
import type { AuditRow, ConsentMode } from './row';

export interface EvidenceInput {
  report: Report;
  capture: PageCapture;
  screenshot: Buffer | null;
  /** keep URL credentials and token-like query values in the HAR */
  keepSecrets: boolean;
  /** the language of the debate sheet (the audit's --lang) */
  lang: Lang;
}

export const NO_EVIDENCE: AuditRow['evidence'] = { report: null, har: null, screenshot: null, debate: null };

/** A slug that cannot leave its folder: only `[a-z0-9._-]`, never `.` or `..`, bounded. */
export function safeSlug(slug: string): string {
  const clean = slug.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 120);
  return clean === '' ? 'page' : clean;
}

export async function writeEvidence(outDir: string, pageSlug: string, mode: ConsentMode, input: EvidenceInput): Promise<AuditRow['evidence']> {
  const folder = `pages/${safeSlug(pageSlug)}`;
  await mkdir(join(outDir, folder), { recursive: true });
  const report = `${folder}/${mode}.report.json`;
  const har = `${folder}/${mode}.har`;
  const debate = `${folder}/${mode}.debate.html`;
  await writeFile(join(outDir, report), `${JSON.stringify(input.report, null, 2)}\n`);
  const harFile = captureToHar(input.capture, { redact: !input.keepSecrets, creator: { name: 'Empreinte', version: toolVersion } });
  await writeFile(join(outDir, har), `${JSON.stringify(harFile, null, 2)}\n`);
  await writeFile(join(outDir, debate), renderDebateHtml(input.report, input.lang));
  let screenshot: string | null = null;
  if (input.screenshot) {
    screenshot = `${folder}/${mode}.png`;
    await writeFile(join(outDir, screenshot), input.screenshot);
  }
  return { report, har, screenshot, debate };
}
