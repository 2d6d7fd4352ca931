import type { PageCapture } from '../core/capture';
import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';

/**
 * CSV exports that open correctly in spreadsheets, French ones first: a UTF-8
 * byte-order mark (so Excel reads the accents), `;` between cells in French
 * (`,` in English), a decimal comma in French, quotes doubled, and any text
 * cell that a spreadsheet would read as a formula (starting with = + - @, a
 * tab or a carriage return) neutralised by a leading apostrophe: URLs and
 * names come from the page being measured and may be hostile.
 */

export type Cell = string | number | boolean | null;

const BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/;

export function separatorOf(lang: Lang): string {
  return lang === 'fr' ? ';' : ',';
}

/** One cell as CSV text. */
export function csvCell(value: Cell, lang: Lang): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return t(lang, value ? 'csv.yes' : 'csv.no');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return lang === 'fr' ? text.replace('.', ',') : text;
  }
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  const separator = separatorOf(lang);
  return /["\r\n]/.test(safe) || safe.includes(separator) || safe !== safe.trim()
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

/** A whole CSV document: BOM, header row, rows, CRLF line ends (RFC 4180). */
export function toCsv(header: string[], rows: Cell[][], lang: Lang): string {
  const separator = separatorOf(lang);
  const line = (cells: Cell[]) => cells.map((cell) => csvCell(cell, lang)).join(separator);
  return BOM + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

/** One row per third party (registrable domain) of the report. */
export function thirdPartiesCsv(report: Report, lang: Lang): string {
  const header = ['domain', 'entity', 'organisation', 'parent', 'country', 'jurisdiction', 'category', 'tracker', 'trackerKinds', 'before', 'requests', 'bytes'];
  const rows = report.thirdParties.map((party): Cell[] => [
    party.domain,
    party.entity,
    party.organisation,
    party.parent,
    party.country,
    party.jurisdiction,
    party.category,
    party.tracker,
    party.trackerKinds === null ? null : party.trackerKinds.join(' '),
    party.beforeInteraction,
    party.requests,
    party.bytes,
  ]);
  return toCsv(header.map((key) => t(lang, `csv.${key}`)), rows, lang);
}

/** One row per request of the capture, with the third party (from the report) it belongs to. */
export function requestsCsv(capture: PageCapture, report: Report, lang: Lang): string {
  const partyOfHost = new Map<string, Report['thirdParties'][number]>();
  for (const party of report.thirdParties) for (const host of party.hosts) partyOfHost.set(host, party);
  const header = ['url', 'host', 'party', 'domain', 'organisation', 'type', 'status', 'mime', 'fromCache', 'bytes', 'bytesSource', 'startMs', 'error'];
  const rows = capture.requests.map((request): Cell[] => {
    const host = hostOf(request.url);
    const party = host === null ? undefined : partyOfHost.get(host);
    return [
      request.url,
      host,
      t(lang, party ? 'csv.third' : 'csv.first'),
      party?.domain ?? null,
      party?.organisation ?? null,
      request.type,
      request.status,
      request.mimeType,
      request.fromCache,
      request.bytes,
      request.bytesSource,
      request.startTime === null ? null : Math.round(request.startTime * 10) / 10,
      request.error,
    ];
  });
  // Beyond the per-tab cap requests were only counted: the last row says so, with their bytes.
  const dropped = capture.droppedRequests;
  if (dropped.count > 0) {
    rows.push([t(lang, 'note.requests.dropped', { count: dropped.count }), null, null, null, null, null, null, null, null, dropped.bytes, null, null, null]);
  }
  return toCsv(header.map((key) => t(lang, `csv.${key}`)), rows, lang);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
