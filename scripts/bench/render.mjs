// The full report's rendering time (issue 5: "the side panel renders a
// 500-request report in under 100 ms after its data arrives"). Real Chromium
// with the built extension opens sidepanel.html; a 500-request Report — the
// synthetic capture of ./analyse.ts with the demo theatre's DOM and cookies,
// so that every section has content — is handed to its component, and the
// time from handing it over to the report drawn and laid out is measured,
// the median of several runs after a warm-up. Never asserted in tests.
// The browser globals below are used inside page.evaluate, in the page.
/* global document, requestAnimationFrame, structuredClone, performance */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { cpus, loadavg } from 'node:os';
import { writeSection } from './sections.mjs';

const RUNS = 15;
const WARM_UP = 3;

/** Builds the benchmark Report in Node (esbuild bundles the TypeScript sources). */
async function benchReport(root, requests) {
  const work = await mkdtemp(join(tmpdir(), 'empreinte-render-bench-'));
  try {
    const outfile = join(work, 'render-report.mjs');
    await build({
      stdin: {
        contents: `
          import { readFileSync } from 'node:fs';
          import { analyse } from './src/core/analyse';
          import { loadCatalogs } from './src/data/index';
          import { syntheticCapture } from './scripts/bench/analyse';
          import { findChromium, standardChromiumArgs } from './src/cli/chromium';
          export { findChromium, standardChromiumArgs };
          export function report(count, demoPath) {
            const demo = JSON.parse(readFileSync(demoPath, 'utf8'));
            const capture = { ...syntheticCapture(count), dom: demo.dom, cookies: demo.cookies };
            return analyse(capture, loadCatalogs(), { toolVersion: 'bench' });
          }`,
        resolveDir: root,
        loader: 'ts',
      },
      outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
    });
    const module = await import(pathToFileURL(outfile).href);
    return { ...module, built: module.report(requests, join(root, 'tests/fixtures/captures/demo-theatre-de-la-lune.json')) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Medians of the side panel's full report drawing a `requests`-request report;
 * null (with why) when the extension is not built.
 */
export async function runRenderBench(root, { requests = 500, extensionDir = join(root, process.env.EMPREINTE_WXT_OUT ?? '.output', 'chrome-mv3') } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) return { requests, missing: `${extensionDir} not built (run \`npx wxt build\`)` };
  const { built, findChromium, standardChromiumArgs } = await benchReport(root, requests);
  const userDataDir = await mkdtemp(join(tmpdir(), 'empreinte-render-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'fr-FR',
    viewport: { width: 480, height: 900 },
    args: [...standardChromiumArgs(), `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    // a tab that does not exist: the page settles on "no tab" and then only draws what it is given
    await page.goto(`chrome-extension://${id}/sidepanel.html?tab=999999`);
    await page.locator('body[data-state="no-tab"]').waitFor({ timeout: 15_000 });
    const samples = await page.evaluate(
      async ({ report, runs, warmUp }) => {
        const app = document.querySelector('empreinte-report-page');
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
        const times = [];
        for (let i = 0; i < warmUp + runs; i++) {
          // start each run from an empty page, so that lit draws the whole report again
          app.view = { kind: 'no-tab' };
          await app.updateComplete;
          await frame();
          // a fresh copy, as a message from the background would be (its cloning is not the page's rendering)
          const data = structuredClone(report);
          const start = performance.now();
          app.view = { kind: 'report', report: data, loading: false };
          await app.updateComplete;
          const inner = app.shadowRoot.querySelector('empreinte-full-report');
          await inner.updateComplete;
          // style and layout of everything drawn, shadow roots included
          void document.body.getBoundingClientRect().height;
          void inner.shadowRoot.lastElementChild?.getBoundingClientRect().height;
          const elapsed = performance.now() - start;
          if (!inner.shadowRoot.textContent.includes('500')) throw new Error('the report was not drawn');
          if (i >= warmUp) times.push(elapsed);
        }
        return times;
      },
      { report: built, runs: RUNS, warmUp: WARM_UP },
    );
    samples.sort((a, b) => a - b);
    return {
      requests: built.footprint.requests,
      thirdParties: built.thirdParties.length,
      runs: RUNS,
      median: samples[Math.floor(samples.length / 2)],
      p90: samples[Math.floor(samples.length * 0.9)],
    };
  } finally {
    await context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** Runs the benchmark and rewrites its section (`render`) of docs/benchmarks.md; returns the lines written. */
export async function writeRenderSection(root) {
  const load = loadavg()[0];
  const result = await runRenderBench(root);
  const row = result.missing
    ? `| synthetic, demo theatre DOM and cookies | ${result.requests} | — | ${result.missing} | | 100 ms |`
    : `| synthetic, demo theatre DOM and cookies, ${result.thirdParties} third parties | ${result.requests} | ${result.runs} | ${result.median.toFixed(1)} | ${result.p90.toFixed(1)} | 100 ms |`;
  const lines = [
    '## Full report rendering',
    '',
    'Written by `scripts/bench/render.mjs` (run by `scripts/bench.mjs`): real Chromium with the built extension, its side',
    'panel (sidepanel.html) handed a Report; the time from handing it over to the full report drawn and laid out,',
    `median and 90th percentile of ${RUNS} runs after ${WARM_UP} warm-up runs.`,
    '',
    // a busy machine slows a browser more than it slows analyse(): say how busy it was
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${load.toFixed(1)} before the run, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| report | requests | runs | median (ms) | p90 (ms) | budget |',
    '|---|---:|---:|---:|---:|---|',
    row,
  ];
  await writeSection(join(root, 'docs/benchmarks.md'), 'render', lines);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { dirname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  process.stdout.write(`${(await writeRenderSection(join(dirname(fileURLToPath(import.meta.url)), '../..'))).join('\n')}\n`);
}
