import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../core/report';
import type { Lang } from '../i18n/index';
import { renderDebateHtml } from '../ui/debate-html';
import { renderReportHtml } from '../ui/html-report';

/**
 * Writes reports into `dir` (created if needed), and returns the paths written.
 * One report → `report.json` (the Report object), `report.html` and
 * `debate.html` (the one-page debate sheet); several (the pages of one HAR) →
 * `report-1.json`, `report-1.html`, `debate-1.html`, `report-2.json` … in page
 * order, each file one Report, so that every report.json reads the same way.
 */
export async function writeReportFiles(dir: string, reports: readonly Report[], lang: Lang): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [index, report] of reports.entries()) {
    const suffix = reports.length === 1 ? '' : `-${index + 1}`;
    const json = join(dir, `report${suffix}.json`);
    const html = join(dir, `report${suffix}.html`);
    const debate = join(dir, `debate${suffix}.html`);
    await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(html, renderReportHtml(report, lang));
    await writeFile(debate, renderDebateHtml(report, lang));
    written.push(json, html, debate);
  }
  return written;
}
