import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { t, type Lang } from '../../i18n/index';
import { toolVersion } from '../../version';
import { languageOption, parseCommandArgs } from '../args';
import { dedupeRows, readRows, SECTOR_FILES, writeSectorOutputs } from '../audit/outputs';
import type { AuditRow } from '../audit/row';
import { CliError, EXIT_USAGE } from '../errors';
import type { CliIO } from '../io';
import { commandUsage } from '../usage';

/** Where merged outputs go without --out: a folder of the working directory, never an input folder. */
export const DEFAULT_MERGE_OUT = 'empreinte-merged';
/** Written beside the merged results: which folders were merged; also marks a folder merge may overwrite. */
const MARKER = 'merge.json';

/**
 * `empreinte merge DIR… [--out DIR] [--lang fr|en]`: reads each audit output
 * folder's results.jsonl (shards of one sample, or audits run apart), keeps
 * one row per page and consent mode (the latest finishedAt), and writes the
 * merged results.jsonl with the sector outputs (summary.csv,
 * organisations.csv, report.html) into --out. Exit 0 when every line was
 * read, 1 when some were invalid (skipped, listed) or nothing could be merged.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  const lang = languageOption(values.lang, io.lang);
  if (values.help) {
    io.stdout(commandUsage(lang, 'merge'));
    return 0;
  }
  if (positionals.length === 0) throw new CliError(t(lang, 'cli.merge.noFolder'), EXIT_USAGE);
  const outShown = values.out ?? DEFAULT_MERGE_OUT;
  const out = resolve(io.cwd, outShown);
  const inputs = positionals.map((dir) => ({ shown: dir, path: resolve(io.cwd, dir) }));
  const clash = inputs.find((input) => input.path === out);
  if (clash) throw new CliError(t(lang, 'cli.merge.outIsInput', { dir: clash.shown }), EXIT_USAGE);
  await refuseForeignFolder(out, outShown, lang);

  const all: AuditRow[] = [];
  let invalid = 0;
  for (const input of inputs) {
    const file = await resultsFile(input.path, input.shown, lang);
    let read;
    try {
      read = await readRows(file);
    } catch (error) {
      throw new CliError(t(lang, 'cli.error.read', { file: join(input.shown, 'results.jsonl'), reason: reasonOf(error) }));
    }
    const shown = join(input.shown, 'results.jsonl');
    if (read.repaired) io.stderr(`${t(lang, 'cli.merge.repaired', { file: shown })}\n`);
    if (read.invalidLines.length > 0) {
      invalid += read.invalidLines.length;
      io.stderr(`${t(lang, 'cli.merge.invalidLines', { file: shown, count: read.invalidLines.length, lines: linesList(read.invalidLines) })}\n`);
    }
    all.push(...read.rows);
  }
  if (all.length === 0) throw new CliError(t(lang, 'cli.merge.noRows'));
  const rows = dedupeRows(all);

  let written: string[];
  try {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'results.jsonl'), rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
    const marker = { tool: toolVersion, mergedAt: new Date().toISOString(), inputs: inputs.map((input) => relative(out, input.path) || '.'), rows: rows.length, duplicates: all.length - rows.length };
    await writeFile(join(out, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    written = [join(out, 'results.jsonl'), ...(await writeSectorOutputs(out, rows, lang))];
  } catch (error) {
    throw new CliError(t(lang, 'cli.error.write', { dir: outShown, reason: reasonOf(error) }));
  }
  io.stderr(`${t(lang, 'cli.merge.done', { rows: rows.length, folders: inputs.length, duplicates: all.length - rows.length })}\n`);
  io.stderr(`${t(lang, 'cli.analyze.wrote', { files: written.map((file) => relative(io.cwd, file) || file).join(', ') })}\n`);
  return invalid > 0 ? 1 : 0;
}

async function resultsFile(dir: string, shown: string, lang: Lang): Promise<string> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new CliError(t(lang, 'cli.merge.notFolder', { dir: shown }));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(t(lang, 'cli.merge.noSuchFolder', { dir: shown }));
  }
  const file = join(dir, 'results.jsonl');
  try {
    await stat(file);
  } catch {
    throw new CliError(t(lang, 'cli.merge.noResults', { dir: shown }));
  }
  return file;
}

/** An audit's own folder holds results.jsonl but no merge marker: merging into it would overwrite its results. */
async function refuseForeignFolder(out: string, shown: string, lang: Lang): Promise<void> {
  const exists = async (name: string) => stat(join(out, name)).then(() => true, () => false);
  if ((await exists('results.jsonl')) && !(await exists(MARKER))) throw new CliError(t(lang, 'cli.merge.outIsAudit', { dir: shown, files: SECTOR_FILES.join(', ') }), EXIT_USAGE);
}

function linesList(lines: number[]): string {
  return lines.length > 20 ? `${lines.slice(0, 20).join(', ')}…` : lines.join(', ');
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
