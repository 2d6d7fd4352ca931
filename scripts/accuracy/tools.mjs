// The three measurers of the accuracy benchmark (./run.mjs), each loading one
// page once in a fresh Chromium pointed at the local site server:
// - the CLI (`empreinte audit --json`, the built dist/cli/empreinte.mjs),
// - Lighthouse 12.2.3's `total-byte-weight`, installed on demand into
//   .cache/lighthouse, never a dependency of the project,
// - the extension's passive mode: the built extension records the page, and
//   its recorded tab state goes through buildPassiveCapture() and analyse()
//   exactly as the popup does.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

// window and document are used only inside page.evaluate(), which runs in the browser.
/* global window, document */

export const LIGHTHOUSE_VERSION = '12.2.3';

/** Flags that send every host name to the local server, over HTTP or HTTPS. */
export const fakeInternet = (port) => [`--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`, '--ignore-certificate-errors'];

export function chromiumPath() {
  for (const path of [process.env.CHROME_PATH, process.env.EMPREINTE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (path && existsSync(path)) return path;
  }
  throw new Error('no Chromium found: set CHROME_PATH');
}

/** `empreinte audit URL --json`: the Report's bytes and requests. */
export async function measureWithCli(root, url, port) {
  const args = [join(root, 'dist/cli/empreinte.mjs'), 'audit', url, '--json', '--chromium', chromiumPath(), ...fakeInternet(port).map((arg) => `--browser-arg=${arg}`)];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const line = out.trim().split('\n').filter(Boolean).pop();
  if (code !== 0 || !line) throw new Error(`empreinte audit failed (${code}): ${err.slice(-500)}`);
  const report = JSON.parse(line);
  return { bytes: report.footprint.bytes, requests: report.footprint.requests, measuredShare: report.footprint.bytesMeasuredShare };
}

/** Installs Lighthouse into `cacheDir` (outside the project's lock file) unless it is there already. */
export function ensureLighthouse(cacheDir) {
  const manifest = join(cacheDir, 'node_modules/lighthouse/package.json');
  const installed = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
  if (installed === LIGHTHOUSE_VERSION) return;
  process.stderr.write(`installing lighthouse@${LIGHTHOUSE_VERSION} into ${cacheDir} …\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', cacheDir, `lighthouse@${LIGHTHOUSE_VERSION}`, '--no-save', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('could not install Lighthouse');
}

/** Lighthouse's `total-byte-weight` (and its request count), cold load, desktop 1920×1080, no throttling. */
export async function measureWithLighthouse(cacheDir, url, port) {
  const modules = join(cacheDir, 'node_modules');
  const { default: lighthouse } = await import(pathToFileURL(join(modules, 'lighthouse/core/index.js')).href);
  const launcher = await import(pathToFileURL(join(modules, 'chrome-launcher/dist/index.js')).href);
  const chrome = await launcher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', ...fakeInternet(port)],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyAudits: ['total-byte-weight', 'network-requests'],
        formFactor: 'desktop',
        screenEmulation: { mobile: false, width: 1920, height: 1080, deviceScaleFactor: 1, disabled: false },
        throttlingMethod: 'provided',
      },
    );
    const audits = result.lhr.audits;
    const weight = audits['total-byte-weight'];
    if (typeof weight?.numericValue !== 'number') throw new Error(`Lighthouse gave no total-byte-weight: ${weight?.errorMessage ?? result.lhr.runtimeError?.message}`);
    const requests = audits['network-requests']?.details?.items?.length ?? null;
    return { bytes: Math.round(weight.numericValue), requests };
  } finally {
    await chrome.kill();
  }
}

const QUIET_MS = 1000;

/** The extension's passive figure: load, wait, scroll to the bottom, wait (the EcoIndex protocol), then analyse its record. */
export async function measureWithExtension(root, harness, url, port) {
  const extensionDir = join(root, '.output/chrome-mv3');
  if (!existsSync(join(extensionDir, 'manifest.json'))) return null;
  const userDataDir = await mkdtemp(join(tmpdir(), 'empreinte-accuracy-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1920, height: 1080 },
    args: [...harness.standardChromiumArgs(), `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...fakeInternet(port)],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    // As the extension's end-to-end tests do: the page loads once the background listens.
    await harness.waitForListeners(worker);
    const reader = await context.newPage();
    await reader.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(QUIET_MS * 2);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(QUIET_MS * 2);
    // The background stores the tab's record asynchronously, at the latest a second after a change
    // (src/extension/tab-store.ts): the end-to-end tests' wait for a record that has stopped changing.
    const tabId = await harness.tabIdOf(reader, url);
    const state = await harness.settledTabState(reader, tabId, {
      done: (recorded) => recorded.url !== null,
      quietMs: 1500,
      timeoutMs: 15_000,
      label: 'the extension\'s record of the page',
    });
    const capture = harness.buildPassiveCapture(harness.RecordedTab.parse(state));
    const report = harness.analyse(capture, harness.loadCatalogs(), { toolVersion: 'accuracy-bench' });
    return { bytes: report.footprint.bytes, requests: report.footprint.requests, measuredShare: report.footprint.bytesMeasuredShare };
  } finally {
    await context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  }
}
