import type { PageCapture } from '../core/capture';
import type { Report } from '../core/report';
import type { Lang } from '../i18n/index';
import { requestsCsv, thirdPartiesCsv } from './export-csv';
import { renderDebateHtml } from './debate-html';
import { renderReportHtml } from './html-report';

/**
 * The files the report page offers, and their download through an
 * `<a download>` blob URL (no `downloads` permission needed). The HAR is
 * built by the page (src/collect/har-export.ts) and handed in as text.
 */

export type ExportKind = 'json' | 'csv-requests' | 'csv-parties' | 'html' | 'debate' | 'har';

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

/** "theatre-de-la-lune.fr-2026-11-29": the site and the capture date, safe for any file system. */
export function baseName(report: Report): string {
  let host = report.page.site ?? '';
  try {
    host = host || new URL(report.page.finalUrl).hostname;
  } catch {
    host = host || 'page';
  }
  const date = /^\d{4}-\d{2}-\d{2}/.exec(report.page.capturedAt)?.[0] ?? '';
  return `empreinte-${host}${date ? `-${date}` : ''}`.replace(/[^a-z0-9._-]+/gi, '_').slice(0, 120);
}

export function exportFile(kind: ExportKind, report: Report, lang: Lang, capture: PageCapture | null, harText: string | null): ExportFile | null {
  const base = baseName(report);
  switch (kind) {
    case 'json':
      return { name: `${base}.json`, type: 'application/json', text: `${JSON.stringify(report, null, 2)}\n` };
    case 'csv-parties':
      return { name: `${base}-tiers.csv`, type: 'text/csv;charset=utf-8', text: thirdPartiesCsv(report, lang) };
    case 'csv-requests':
      return capture ? { name: `${base}-requetes.csv`, type: 'text/csv;charset=utf-8', text: requestsCsv(capture, report, lang) } : null;
    case 'html':
      return { name: `${base}.html`, type: 'text/html;charset=utf-8', text: renderReportHtml(report, lang) };
    case 'debate':
      return { name: `${base}-${lang === 'fr' ? 'fiche-debat' : 'debate-sheet'}.html`, type: 'text/html;charset=utf-8', text: renderDebateHtml(report, lang) };
    case 'har':
      return harText ? { name: `${base}.har`, type: 'application/json', text: harText } : null;
  }
}

/** Saves a file through a temporary blob URL and a clicked `<a download>`. */
export function download(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = file.name;
  anchor.hidden = true;
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
