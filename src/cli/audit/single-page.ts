/**
 * One page audited directly, without the crawl engine: what `empreinte demo`
 * shows — a summary on stdout, and report.json, report.html and the raw
 * capture.json in the output folder. `empreinte audit` runs the engine.
 */
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { analyse } from '../../core/analyse';
import type { Report } from '../../core/report';
import { loadCatalogs } from '../../data/index';
import { t, type Lang } from '../../i18n/index';
import { toolVersion } from '../../version';
import { capturePage, UnreachableError } from '../capture-page';
import { standardChromiumArgs } from '../chromium';
import { CliError } from '../errors';
import type { CliIO } from '../io';
import { writeReportFiles } from '../report-files';
import { formatSummary } from '../summary';

export interface AuditOptions {
  lang: Lang;
  json: boolean;
  /** absolute; null: write nothing */
  outDir: string | null;
  chromiumPath: string;
  browserArgs: string[];
  timeoutMs: number;
}

/** Audits the pages one after another in one browser; 0 when all were audited, 1 otherwise. */
export async function auditPages(urls: string[], io: CliIO, options: AuditOptions): Promise<number> {
  const { lang } = options;
  const log = (line: string) => io.stderr(`${line}\n`);
  let browser: Browser | null = null;
  // Ctrl-C must not leave a Chromium behind.
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    void (browser?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSigint);
  let failures = 0;
  try {
    try {
      browser = await chromium.launch({
        executablePath: options.chromiumPath,
        headless: true,
        args: [...standardChromiumArgs(), ...options.browserArgs],
      });
    } catch (error) {
      throw new CliError(t(lang, 'cli.audit.launchFailed', { path: options.chromiumPath, reason: firstLine(error) }));
    }
    const catalogs = loadCatalogs();
    for (const [index, url] of urls.entries()) {
      log(t(lang, 'cli.audit.progress', { index: index + 1, total: urls.length, url }));
      let report: Report;
      let capture;
      try {
        capture = await withTimeout(capturePage(browser, url, { timeoutMs: options.timeoutMs }), options.timeoutMs + 5000);
        report = analyse(capture, catalogs, { toolVersion });
      } catch (error) {
        if (interrupted) break;
        failures += 1;
        const reason = error instanceof UnreachableError ? error.message : firstLine(error);
        log(`empreinte audit: ${t(lang, 'cli.audit.unreachable', { url, reason })}`);
        continue;
      }
      if (options.json) io.stdout(`${JSON.stringify(report)}\n`);
      else io.stdout(`${formatSummary(report, lang, { color: io.isTTY && !process.env.NO_COLOR })}\n`);
      if (options.outDir !== null) {
        const dir = urls.length === 1 ? options.outDir : join(options.outDir, folderName(index, url));
        try {
          const written = await writeReportFiles(dir, [report], lang);
          const captureFile = join(dir, 'capture.json');
          await writeFile(captureFile, `${JSON.stringify(capture, null, 2)}\n`);
          written.push(captureFile);
          log(t(lang, 'cli.audit.wrote', { files: written.map((file) => relative(io.cwd, file) || file).join(', ') }));
        } catch (error) {
          throw new CliError(t(lang, 'cli.error.write', { dir: options.outDir, reason: firstLine(error) }));
        }
      }
    }
  } finally {
    process.removeListener('SIGINT', onSigint);
    await (browser as Browser | null)?.close().catch(() => undefined);
  }
  return failures > 0 ? 1 : 0;
}

/** `01-www.example.com-agenda`: sortable, readable, safe on every file system. */
export function folderName(index: number, url: string): string {
  const { hostname, pathname } = new URL(url);
  const slug = `${hostname}${pathname}`.replace(/[^a-zA-Z0-9.-]+/g, '-').replace(/-+$/, '').slice(0, 80);
  return `${String(index + 1).padStart(2, '0')}-${slug}`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnreachableError(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
