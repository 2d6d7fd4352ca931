/**
 * Reading `results.jsonl` back and writing the sector outputs beside it:
 * summary.csv, organisations.csv, quick-wins.csv and report.html. Used at the end of an
 * audit and by `empreinte merge`. Reading is tolerant: an audit killed in
 * the middle of a write leaves a last line cut in half, which is ignored
 * (the page will be audited again on resume); any other bad line is
 * reported by number and skipped, never a crash.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../../i18n/index';
import { AuditRow } from './row';
import { organisationsCsv, quickWinsCsv, summaryCsv } from './sector-csv';
import { renderSectorHtml } from './sector-html';
import { sectorStats } from './sector-stats';

export interface ReadRows {
  rows: AuditRow[];
  /** the last line was cut in half (no newline, not valid JSON) and was ignored */
  repaired: boolean;
  /** 1-based numbers of the other lines that were not valid rows */
  invalidLines: number[];
}

export async function readRows(file: string): Promise<ReadRows> {
  return parseRows(await readFile(file, 'utf8'));
}

export function parseRows(text: string): ReadRows {
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  // split() leaves '' after a final newline; without one, the last piece may be a cut write
  const last = lines.length - 1;
  const rows: AuditRow[] = [];
  const invalidLines: number[] = [];
  let repaired = false;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (index === last && !complete) repaired = true;
      else invalidLines.push(index + 1);
      return;
    }
    const parsed = AuditRow.safeParse(value);
    if (parsed.success) rows.push(parsed.data);
    else invalidLines.push(index + 1);
  });
  return { rows, repaired, invalidLines };
}

/**
 * One row per key: a page audited twice (two shards, or a resumed audit that
 * wrote it again) keeps its latest `finishedAt`. Order: first appearance.
 */
export function dedupeRows(rows: readonly AuditRow[]): AuditRow[] {
  const byKey = new Map<string, AuditRow>();
  for (const row of rows) {
    const kept = byKey.get(row.key);
    if (kept === undefined || row.finishedAt > kept.finishedAt) byKey.set(row.key, row);
  }
  return [...byKey.values()];
}

export const SECTOR_FILES = ['summary.csv', 'organisations.csv', 'quick-wins.csv', 'report.html'] as const;

/** Writes the sector outputs into `outDir` (created if needed); returns the paths written. */
export async function writeSectorOutputs(outDir: string, rows: AuditRow[], lang: Lang): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const stats = sectorStats(rows);
  const files: [string, string][] = [
    ['summary.csv', summaryCsv(rows, lang)],
    ['organisations.csv', organisationsCsv(rows, lang)],
    ['quick-wins.csv', quickWinsCsv(stats.quickWins, lang)],
    ['report.html', renderSectorHtml(stats, lang)],
  ];
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(outDir, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}
