import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { harToCaptures, HarError, HAR_MAX_BYTES, parseHarText } from '../../collect/har';
import { analyse } from '../../core/analyse';
import type { Report } from '../../core/report';
import { loadCatalogs } from '../../data/index';
import { formatBytes, t, type Lang } from '../../i18n/index';
import { toolVersion } from '../../version';
import { languageOption, parseCommandArgs } from '../args';
import { CliError, EXIT_USAGE } from '../errors';
import type { CliIO } from '../io';
import { writeReportFiles } from '../report-files';
import { formatSummary } from '../summary';
import { commandUsage } from '../usage';

/**
 * `empreinte analyze FILE.har [--json] [--out DIR] [--lang fr|en]`: one Report
 * per page of the HAR. With --json, one Report per line on stdout (JSON
 * Lines); otherwise the readable summary of each page. --out writes the
 * files described in ../report-files.ts.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      json: { type: 'boolean' },
      out: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  const lang = languageOption(values.lang, io.lang);
  if (values.help) {
    io.stdout(commandUsage(lang, 'analyze'));
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new CliError(t(lang, 'cli.error.oneFile'), EXIT_USAGE);

  const text = await readHarFile(resolve(io.cwd, file), file, lang);
  let captures;
  try {
    captures = harToCaptures(parseHarText(text));
  } catch (error) {
    if (error instanceof HarError) throw new CliError(t(lang, 'cli.error.har', { file, reason: error.message }));
    throw error;
  }
  const catalogs = loadCatalogs();
  const reports: Report[] = captures.map((capture) => analyse(capture, catalogs, { toolVersion }));

  if (values.json) {
    for (const report of reports) io.stdout(`${JSON.stringify(report)}\n`);
  } else {
    const color = io.isTTY && !process.env.NO_COLOR;
    io.stdout(reports.map((report) => formatSummary(report, lang, { color })).join('\n'));
  }
  if (values.out !== undefined) {
    const dir = resolve(io.cwd, values.out);
    let written: string[];
    try {
      written = await writeReportFiles(dir, reports, lang);
    } catch (error) {
      throw new CliError(t(lang, 'cli.error.write', { dir: values.out, reason: reasonOf(error) }));
    }
    // On stderr, so that --json output stays pure JSON Lines.
    io.stderr(`${t(lang, 'cli.analyze.wrote', { files: written.join(', ') })}\n`);
  }
  return 0;
}

/** Reads the file with errors a person can act on; refuses a file over the HAR limit before reading it. */
async function readHarFile(path: string, shown: string, lang: Lang): Promise<string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(t(lang, 'cli.error.isDirectory', { file: shown }));
    if (info.size > HAR_MAX_BYTES) {
      const size = formatBytes(lang, info.size);
      throw new CliError(t(lang, 'cli.error.tooLarge', { file: shown, size, limit: formatBytes(lang, HAR_MAX_BYTES) }));
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(t(lang, 'cli.error.noSuchFile', { file: shown }));
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(t(lang, 'cli.error.permission', { file: shown }));
    if (code === 'EISDIR') throw new CliError(t(lang, 'cli.error.isDirectory', { file: shown }));
    throw new CliError(t(lang, 'cli.error.read', { file: shown, reason: reasonOf(error) }));
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
