/**
 * The audit engine: crawlee's PlaywrightCrawler over the system Chromium
 * (persisted request queue under `<out>/.crawl`, bounded concurrency,
 * retries, per-site delay) feeding one (page, consent mode) job at a time to
 * a page auditor, which opens its own fresh context in the crawler's
 * browser. Crawlee does not navigate (`skipNavigation`): the auditor does,
 * with the consent click in between. Each finished job is one row appended
 * to `results.jsonl` at once; rows already there are never redone.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { getDomain } from 'tldts';
import type { Browser } from 'playwright-core';
import type { Report } from '../../core/report';
import type { Lang } from '../../i18n/index';
import { t } from '../../i18n/index';
import { standardChromiumArgs } from '../chromium';
import type { InputEntry } from './input';
import { backoffMs, pageSlug, readSampled, rowKey, toRequest, type JobData } from './jobs';
import type { PageAuditRequest, PageAuditResult } from './page-audit';
import type { ProgressReporter } from './progress';
import { releaseStaleLocks } from './queue-locks';
import { readDoneKeys } from './resume';
import { fetchRobots, RobotsCache } from './robots';
import { ROW_VERSION, type AuditRow, type ConsentMode } from './row';

export { backoffMs, pageSlug, rowKey } from './jobs';
import { loadCrawlee, loadPlaywright } from './runtime';
import { samplePages } from './sample';
import { auditUserAgent, browserUserAgent } from './user-agent';

export type PageAuditor = (browser: Browser, request: PageAuditRequest) => Promise<PageAuditResult>;

export interface EngineOptions {
  lang: Lang;
  /** where results.jsonl, evidence and the crawl state live (absolute) */
  outDir: string;
  /** write evidence files (false: results.jsonl and state only, e.g. no --out given) */
  evidence: boolean;
  chromiumPath: string;
  browserArgs: string[];
  timeoutMs: number;
  concurrency: number;
  retries: number;
  delayMs: number;
  ignoreRobots: boolean;
  userAgent: string | null;
  mobile: boolean;
  keepSecrets: boolean;
  consentModes: ConsentMode[];
  pages: number;
  auditor: PageAuditor;
  progress: ProgressReporter;
  /** every Report as soon as it is written (stdout for --json) */
  onReport: (report: Report) => void;
  /** one failed row, as a line for stderr */
  onFailure: (row: AuditRow) => void;
}

export interface EngineResult {
  written: number;
  failed: number;
  browserVersion: string;
}

export const siteOf = (url: string): string => {
  const host = new URL(url).hostname;
  return getDomain(host) ?? host;
};

export function resultsFile(outDir: string): string {
  return join(outDir, 'results.jsonl');
}

export async function runEngine(entries: InputEntry[], options: EngineOptions): Promise<EngineResult> {
  const { lang, progress } = options;
  const crawlee = loadCrawlee();
  const { chromium } = loadPlaywright();
  const results = resultsFile(options.outDir);
  const storageDir = join(options.outDir, '.crawl');
  await mkdir(storageDir, { recursive: true });

  const state = await readDoneKeys(results);
  if (state.repairedBytes > 0) progress.log(t(lang, 'audit.resume.repaired', { bytes: state.repairedBytes }));
  const released = await releaseStaleLocks(storageDir);
  if (released > 0) progress.log(t(lang, 'audit.resume.released', { count: released }));

  // Mode by mode, site after site: with the per-site delay, the jobs of one
  // site back to back would keep the other slots waiting.
  const initial: JobData[] = options.consentModes.flatMap((consent) =>
    entries.map((entry) => ({
      key: rowKey(entry.url, consent),
      entry: entry.url,
      name: entry.name,
      category: entry.category,
      region: entry.region,
      role: 'home',
      consent,
    })),
  );
  // Sampled pages, also kept in a file of our own: crawlee's storage writes
  // its files in the background, and a kill -9 right after the home row must
  // not lose them.
  const sampledFile = join(storageDir, 'sampled.jsonl');
  const sampledBefore = await readSampled(sampledFile);
  initial.push(...sampledBefore);
  const known = new Set([...initial.map((job) => job.key), ...state.done]);
  progress.counts.total = known.size;
  progress.counts.done = state.done.size;
  progress.counts.failed = state.failed;
  if (state.done.size > 0) progress.log(t(lang, 'audit.resume.skipping', { count: state.done.size }));
  progress.render(true);

  crawlee.log.setLevel(crawlee.LogLevel.OFF);
  const config = new crawlee.Configuration({
    purgeOnStart: false,
    persistStorage: true,
    headless: true,
    storageClientOptions: { localDataDirectory: storageDir },
  });
  const queue = await crawlee.RequestQueue.open(null, { config });
  await queue.addRequests(initial.filter((job) => !state.done.has(job.key)).map((job) => toRequest(job.url ?? job.entry, job)));

  // One append at a time: a row is one write of one whole line.
  let appending: Promise<void> = Promise.resolve();
  let written = 0;
  let failed = 0;
  const writeRow = (row: AuditRow) => {
    appending = appending.then(async () => {
      if (state.done.has(row.key)) return;
      await appendFile(results, `${JSON.stringify(row)}\n`);
      state.done.add(row.key);
      written += 1;
      if (row.status === 'failed') failed += 1;
      progress.step(row.status === 'failed');
      if (row.report) options.onReport(row.report);
      else options.onFailure(row);
    });
    return appending;
  };

  let userAgent = options.userAgent;
  let browserVersion = '';
  // Crawlee retires a browser after many pages and launches another: robots.txt
  // is fetched with the browser of the job that asks, never a retired one.
  let currentBrowser: Browser | null = null;
  const robots = new RobotsCache(
    (url) => fetchRobots(currentBrowser!, url, userAgent!, Math.min(options.timeoutMs, 15_000)),
    (url, reason) => progress.log(t(lang, 'audit.robots.unavailable', { url, reason })),
  );
  const setUp = async (browser: Browser) => {
    currentBrowser = browser;
    browserVersion ||= browser.version();
    userAgent ??= auditUserAgent(await browserUserAgent(browser));
  };

  const baseRow = (url: string, job: JobData, attempts: number): Omit<AuditRow, 'status' | 'failure' | 'report' | 'evidence' | 'consent'> => ({
    rowVersion: ROW_VERSION,
    key: job.key,
    url,
    entry: job.entry,
    site: siteOf(job.entry),
    name: job.name,
    category: job.category,
    region: job.region,
    role: job.role,
    attempts,
    startedAt: job.startedAt ?? new Date().toISOString(),
    finishedAt: new Date().toISOString(),
  });

  const crawler = new crawlee.PlaywrightCrawler(
    {
      requestQueue: queue,
      launchContext: {
        launcher: chromium,
        launchOptions: {
          executablePath: options.chromiumPath,
          headless: true,
          args: [...standardChromiumArgs(), '--no-proxy-server', ...options.browserArgs],
        },
        useIncognitoPages: true,
      },
      browserPoolOptions: { useFingerprints: false },
      useSessionPool: false,
      maxConcurrency: options.concurrency,
      maxRequestRetries: options.retries,
      sameDomainDelaySecs: options.delayMs / 1000,
      // the auditor enforces the page timeout; this only catches a hang
      requestHandlerTimeoutSecs: Math.ceil((options.timeoutMs * 2 + 60_000) / 1000),
      requestHandler: async ({ page, request }) => {
        const job = request.userData as JobData;
        if (state.done.has(job.key)) return;
        if (request.retryCount > 0) await new Promise((resolve) => setTimeout(resolve, backoffMs(request.retryCount)));
        job.startedAt ??= new Date().toISOString();
        const browser = page.context().browser() as unknown as Browser | null;
        if (!browser) throw new Error('no browser behind the crawler page');
        await setUp(browser);
        const attempts = request.retryCount + 1;
        if (!options.ignoreRobots && !(await robots.rulesFor(request.url)).isAllowed(request.url)) {
          await writeRow({
            ...baseRow(request.url, job, attempts),
            consent: { requested: job.consent, manager: null, outcome: 'not-asked' },
            status: 'failed',
            failure: { kind: 'robots', message: 'disallowed by robots.txt', httpStatus: null },
            evidence: { report: null, har: null, screenshot: null },
            report: null,
          });
          return;
        }
        const result = await options.auditor(browser, {
          url: request.url,
          consent: job.consent,
          timeoutMs: options.timeoutMs,
          userAgent: userAgent!,
          mobile: options.mobile,
          outDir: options.evidence ? options.outDir : null,
          pageSlug: pageSlug(request.url),
          keepSecrets: options.keepSecrets,
          lang,
        });
        if (!result.ok) {
          if (result.retryable && request.retryCount < options.retries) {
            job.lastFailure = { ...result.failure, retryable: true };
            job.consentState = result.consent;
            throw new Error(result.failure.message);
          }
          await writeRow({ ...baseRow(request.url, job, attempts), consent: result.consent, status: 'failed', failure: result.failure, evidence: result.evidence, report: null });
          return;
        }
        // Sampled pages are queued before the home row is written: a run
        // killed in between redoes the home page and the queue drops the duplicates.
        if (job.role === 'home' && job.consent === options.consentModes[0] && options.pages > 1) {
          const sampled = samplePages(request.url, result.links, options.pages - 1);
          const jobs: JobData[] = sampled.flatMap((sample) =>
            options.consentModes.map((consent) => ({ ...job, url: sample.url, key: rowKey(sample.url, consent), role: sample.role, consent, startedAt: undefined, lastFailure: undefined, consentState: undefined })),
          );
          if (jobs.length > 0) await appendFile(sampledFile, jobs.map((sampledJob) => `${JSON.stringify(sampledJob)}\n`).join(''));
          await queue.addRequests(jobs.map((sampledJob) => toRequest(sampledJob.url!, sampledJob)));
          const fresh = jobs.filter((sampledJob) => !known.has(sampledJob.key));
          fresh.forEach((sampledJob) => known.add(sampledJob.key));
          if (fresh.length > 0) progress.grow(fresh.length);
        }
        await writeRow({ ...baseRow(request.url, job, attempts), consent: result.consent, status: 'ok', failure: null, evidence: result.evidence, report: result.report });
      },
      // After the last retry, or an error that is not the page's (a hung handler, a crashed browser).
      failedRequestHandler: async ({ request }, error) => {
        const job = request.userData as JobData;
        if (state.done.has(job.key)) return;
        const last = job.lastFailure;
        await writeRow({
          ...baseRow(request.url, job, request.retryCount + 1),
          consent: job.consentState ?? { requested: job.consent, manager: null, outcome: 'failed' },
          status: 'failed',
          failure: last ? { kind: last.kind, message: last.message, httpStatus: last.httpStatus } : { kind: 'browser', message: error.message.split('\n')[0] ?? 'error', httpStatus: null },
          evidence: { report: null, har: null, screenshot: null },
          report: null,
        });
      },
    },
    config,
  );

  const onSigint = () => {
    progress.log(t(lang, 'audit.interrupted'));
    void Promise.race([crawler.browserPool.destroy().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000))]).finally(() =>
      process.exit(130),
    );
  };
  process.once('SIGINT', onSigint);
  try {
    await crawler.run();
    await appending;
  } finally {
    process.removeListener('SIGINT', onSigint);
    await crawler.teardown().catch(() => undefined);
  }
  progress.finish();
  return { written, failed, browserVersion };
}

