import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { t, type Lang } from '../../i18n/index';
import { languageOption, numberOption, parseCommandArgs } from '../args';
import { findChromium } from '../chromium';
import { CliError, EXIT_USAGE } from '../errors';
import type { CliIO } from '../io';
import { formatSummary } from '../summary';
import { commandUsage } from '../usage';
import { resultsFile, runEngine } from '../audit/engine';
import { normaliseUrl, parseInput, type InputEntry } from '../audit/input';
import { auditPage } from '../audit/page-audit';
import { finishOutputs } from '../audit/outputs-wiring';
import { ProgressReporter } from '../audit/progress';
import type { ConsentMode } from '../audit/row';
import { inShard, parseShard } from '../audit/shard';

export { folderName } from '../audit/single-page';

const consentChoices: Record<string, ConsentMode[]> = {
  none: ['none'],
  refuse: ['refuse'],
  accept: ['accept'],
  all: ['none', 'refuse', 'accept'],
};

/**
 * `empreinte audit [URL…] [--input FILE] [--out DIR] [--resume] …`: audits
 * pages and sites with the crawl engine (src/cli/audit/engine.ts); one row
 * per page and consent mode in `<out>/results.jsonl`. Exit 0 when every page
 * was audited, 1 when some failed, 2 on a usage error.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    joinBrowserArgs(args),
    {
      input: { type: 'string' },
      out: { type: 'string' },
      resume: { type: 'boolean' },
      json: { type: 'boolean' },
      chromium: { type: 'string' },
      'browser-arg': { type: 'string', multiple: true },
      timeout: { type: 'string' },
      concurrency: { type: 'string' },
      retries: { type: 'string' },
      delay: { type: 'string' },
      'ignore-robots': { type: 'boolean' },
      'user-agent': { type: 'string' },
      mobile: { type: 'boolean' },
      pages: { type: 'string' },
      consent: { type: 'string' },
      shard: { type: 'string' },
      'keep-secrets': { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  const lang = languageOption(values.lang, io.lang);
  if (values.help) {
    io.stdout(commandUsage(lang, 'audit'));
    return 0;
  }
  const usageError = (key: string, params = {}) => new CliError(t(lang, key, params), EXIT_USAGE);
  const count = (name: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    const number = numberOption(lang, name, value, true);
    if (number < min) throw usageError('audit.error.atLeast', { option: `--${name}`, min });
    return number;
  };
  const consentModes = consentChoices[values.consent ?? 'none'];
  if (!consentModes) throw usageError('audit.error.consent', { value: values.consent ?? '' });
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (values.shard !== undefined && shard === null) throw usageError('audit.error.shard', { value: values.shard });
  if (values.resume && values.out === undefined) throw usageError('audit.error.resumeWithoutOut');

  const entries = readEntries(positionals, values.input, io, lang).filter((entry) => inShard(entry.url, shard));
  const outDir = values.out === undefined ? null : resolve(io.cwd, values.out);
  if (outDir !== null && !values.resume && existsSync(resultsFile(outDir))) {
    throw usageError('audit.error.notEmpty', { dir: relative(io.cwd, outDir) || outDir });
  }
  const chromiumPath = findChromium({ explicit: values.chromium ?? null });
  const options = {
    timeoutMs: Math.max(1000, count('timeout', values.timeout, 60_000, 0)),
    concurrency: count('concurrency', values.concurrency, 0, 1),
    retries: count('retries', values.retries, 2, 0),
    delayMs: count('delay', values.delay, 1000, 0),
    pages: count('pages', values.pages, 1, 1),
  };
  const stateDir = outDir ?? (await mkdtemp(join(tmpdir(), 'empreinte-audit-')));
  const stderrIsTTY = Boolean(process.stderr.isTTY);
  const progress = new ProgressReporter(lang, io.stderr, stderrIsTTY, { done: 0, failed: 0, total: 0 }, stderrIsTTY ? 250 : 0);
  const startedAt = new Date().toISOString();
  try {
    const result = await runEngine(entries, {
      lang,
      outDir: stateDir,
      evidence: outDir !== null,
      chromiumPath,
      browserArgs: values['browser-arg'] ?? [],
      ...options,
      concurrency: options.concurrency || defaultConcurrency(),
      ignoreRobots: values['ignore-robots'] ?? false,
      userAgent: values['user-agent'] ?? null,
      mobile: values.mobile ?? false,
      keepSecrets: values['keep-secrets'] ?? false,
      consentModes,
      auditor: auditPage,
      progress,
      onReport: (report) => {
        if (values.json) progress.log(JSON.stringify(report), io.stdout);
        else if (outDir === null) progress.log(formatSummary(report, lang, { color: io.isTTY && !process.env.NO_COLOR }), io.stdout);
      },
      onFailure: (row) =>
        progress.log(
          `empreinte audit: ${t(lang, 'audit.failed', { url: row.url, consent: row.consent.requested, kind: row.failure?.kind ?? '?', reason: row.failure?.message ?? '?' })}`,
        ),
    });
    if (outDir !== null) {
      const files = await finishOutputs(outDir, lang, {
        browserVersion: result.browserVersion,
        startedAt,
        options: { ...options, consent: values.consent ?? 'none', shard: values.shard ?? null, mobile: values.mobile ?? false, ignoreRobots: values['ignore-robots'] ?? false },
      });
      const shown = [resultsFile(outDir), ...files].map((file) => relative(io.cwd, file) || file).join(', ');
      (values.json ? io.stderr : io.stdout)(`${t(lang, 'audit.done', { done: progress.counts.done, failed: progress.counts.failed, files: shown })}\n`);
    }
    return progress.counts.failed > 0 ? 1 : 0;
  } finally {
    if (outDir === null) await rm(stateDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Default concurrency: one page per core, one core left for Node and the servers. */
export function defaultConcurrency(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/** Positional URLs (a bad one is a usage error, as before) then the lines of --input (bad ones skipped, said on stderr). */
function readEntries(positionals: string[], input: string | undefined, io: CliIO, lang: Lang): InputEntry[] {
  const entries: InputEntry[] = positionals.map((value) => ({ url: pageUrl(value, lang), name: null, category: null, region: null, line: 0 }));
  if (input !== undefined) {
    const file = resolve(io.cwd, input);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new CliError(t(lang, 'audit.error.input', { file: input, reason }), EXIT_USAGE);
    }
    const parsed = parseInput(text);
    for (const problem of parsed.problems) {
      io.stderr(`empreinte audit: ${t(lang, `audit.input.${problem.reason}`, { file: input, line: problem.line, value: problem.value })}\n`);
    }
    entries.push(...parsed.entries);
  }
  const seen = new Set<string>();
  const unique = entries.filter((entry) => !seen.has(entry.url) && Boolean(seen.add(entry.url)));
  if (unique.length === 0) throw new CliError(t(lang, 'cli.audit.noUrl'), EXIT_USAGE);
  return unique;
}

/**
 * `--browser-arg --flag` reads naturally but node's parseArgs refuses a value
 * that starts with a dash; it is the same as `--browser-arg=--flag`.
 */
export function joinBrowserArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (args[i] === '--browser-arg' && next !== undefined && next.startsWith('-')) {
      out.push(`--browser-arg=${next}`);
      i++;
    } else out.push(args[i]!);
  }
  return out;
}

/** An http(s) URL, normalised; a bare host name gets https://. Anything else is a usage error. */
export function pageUrl(value: string, lang: Lang): string {
  const url = normaliseUrl(value);
  if (url === null) throw new CliError(t(lang, 'cli.audit.badUrl', { value }), EXIT_USAGE);
  return url;
}
