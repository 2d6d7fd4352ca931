// `node scripts/accuracy/run.mjs [--no-build]` (also run by `npm run bench`):
// how exact are the byte figures? On the demo site and the three venue test
// sites, served offline by the project's local site server, it compares
// (a) the CLI's footprint.bytes with Lighthouse 12.2.3's total-byte-weight,
// (b) both with the bytes the server actually wrote (status line, headers and
//     body: the ground truth),
// (c) the extension's passive figure with the same ground truth,
// and writes the "accuracy" section of docs/benchmarks.md. Each tool loads the
// page in its own fresh browser, so each is compared with what the server
// wrote during its own load. Lighthouse is installed on demand into
// .cache/lighthouse, outside package.json and the lock file.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSection } from '../bench/sections.mjs';
import { LIGHTHOUSE_VERSION, ensureLighthouse, measureWithCli, measureWithExtension, measureWithLighthouse } from './tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = join(root, '.cache/lighthouse');
const SITES = [
  { name: 'demo: Théâtre de la Lune', root: 'demo/site', host: 'www.theatre-de-la-lune.fr' },
  { name: 'venue-sobre', root: 'tests/fixtures/sites/venue-sobre', host: 'www.festival-nuits-courtes.fr' },
  { name: 'venue-mixte', root: 'tests/fixtures/sites/venue-mixte', host: 'www.musee-des-tisserands.fr' },
  { name: 'venue-lourde', root: 'tests/fixtures/sites/venue-lourde', host: 'www.theatre-des-quatre-vents.fr' },
];

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('could not build the CLI');
}
ensureLighthouse(cacheDir);
// inside the checkout, so that the bundle finds playwright-core in node_modules
const harnessFile = join(root, '.cache/accuracy/harness.mjs');
await build({
  entryPoints: [join(root, 'scripts/accuracy/harness.ts')],
  outfile: harnessFile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
  // the test helpers drive Chromium with the same playwright-core as ./tools.mjs
  external: ['playwright-core'],
});
const harness = await import(pathToFileURL(harnessFile).href);

/**
 * Runs one measurer and sums what the server wrote meanwhile (late writes
 * included) for the site's hosts. Chromium's own traffic (update checks,
 * autofill, accounts: hosts the site does not have, which the resolver rules
 * send to our server too) is not the page's, and is counted apart.
 */
async function measured(server, hosts, run) {
  server.served.length = 0;
  try {
    const result = await run();
    await sleep(500);
    if (result === null) return null;
    const page = server.served.filter((record) => hosts.has(record.host));
    const sum = (records) => records.reduce((total, record) => total + record.bytes, 0);
    const favicon = page.filter((record) => /^\/favicon\./.test(record.path));
    return {
      ...result,
      servedBytes: sum(page),
      servedResponses: page.length,
      faviconBytes: sum(favicon),
      background: server.served.filter((record) => !hosts.has(record.host)).map((record) => record.host),
    };
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}

/**
 * The extension sometimes keeps an empty record of the page (no commit, no
 * request: see the note in the doc): try up to PASSIVE_ATTEMPTS fresh
 * browsers, and say how many loads it took.
 */
const PASSIVE_ATTEMPTS = 3;
async function passive(server, hosts, url) {
  const failures = [];
  for (let attempt = 1; attempt <= PASSIVE_ATTEMPTS; attempt++) {
    const result = await measured(server, hosts, () => measureWithExtension(root, harness, url, server.port));
    if (result === null || !result.error) return result && { ...result, failedAttempts: failures.length };
    failures.push(result.error);
  }
  return { error: `${PASSIVE_ATTEMPTS} loads, no usable record (${failures[0]})` };
}

const rows = [];
for (const site of SITES) {
  const server = await harness.startSiteServer({ root: join(root, site.root) });
  const hosts = new Set((await readdir(join(root, site.root), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  const url = server.url(site.host, '/');
  process.stderr.write(`${site.name}: ${url}\n`);
  try {
    rows.push({
      site,
      cli: await measured(server, hosts, () => measureWithCli(root, url, server.port)),
      lighthouse: await measured(server, hosts, () => measureWithLighthouse(cacheDir, url, server.port)),
      passive: await passive(server, hosts, url),
    });
  } finally {
    await server.close();
  }
}

const ratio = (a, b) => (b > 0 ? (a / b).toFixed(3) : '—');
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const cell = (m) => {
  if (m === null) return 'not measured (extension not built: `npx wxt build`)';
  if (m.error) return `failed: ${m.error.replace(/\|/g, '\\|')}`;
  return `${kb(m.bytes)} / ${kb(m.servedBytes)} = **${ratio(m.bytes, m.servedBytes)}** (${m.requests ?? '?'} req. / ${m.servedResponses} responses)`;
};
const ok = (m) => m && !m.error;

const lines = [
  '## Byte accuracy',
  '',
  'Written by `scripts/accuracy/run.mjs`. Each tool loads the page once, cold, in its own fresh Chromium pointed at the',
  'local site server (src/cli/site-server.ts), which records every byte it writes: status line, headers and body (gzip',
  'when the browser asks for it). A cell reads *reported / served = ratio* (1.000 is exact), then the request counts.',
  `Lighthouse ${LIGHTHOUSE_VERSION}: \`total-byte-weight\`, desktop 1920×1080, no throttling, installed into .cache/lighthouse,`,
  'never a dependency of the project. Passive: the built extension (.output/chrome-mv3) records the page (load, wait,',
  'scroll to the bottom, wait), and its recorded tab goes through `buildPassiveCapture()` and `analyse()` as in the popup.',
  'The page loads once the extension\'s background listens: in a fresh profile the worker exists before its script',
  'has run, and a page loaded then loses its first requests to it (a browser that has run the extension before wakes',
  'its worker for them).',
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromiumVersion()}, ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '| page | CLI (cdp) vs served | Lighthouse vs served | CLI ÷ Lighthouse | extension passive vs served (share measured) |',
  '|---|---|---|---:|---|',
  ...rows.map(({ site, cli, lighthouse, passive }) => {
    const cliVsLh = ok(cli) && ok(lighthouse) ? `**${ratio(cli.bytes, lighthouse.bytes)}**` : '—';
    const retried = ok(passive) && passive.failedAttempts > 0 ? `, after ${passive.failedAttempts} empty record(s)` : '';
    const share = ok(passive) ? ` (${Math.round(passive.measuredShare * 100)} % measured${retried})` : '';
    return `| ${site.name} | ${cell(cli)} | ${cell(lighthouse)} | ${cliVsLh} | ${cell(passive)}${share} |`;
  }),
  '',
  'How to read it:',
  '- Lighthouse does not scroll; the CLI and the passive run follow the EcoIndex protocol (wait, scroll to the bottom, wait),',
  '  so content loaded on scroll counts for them only, in their bytes and in the served bytes of their run alike.',
  '- The passive figure takes `Content-Length` (the body only, without the response headers) where Resource Timing gives',
  '  nothing (cross-origin resources without `Timing-Allow-Origin`); it counts such bytes as measured, and misses their headers.',
  ...notes(rows),
  '',
  'Passive against precise: **not measured yet**. Precise mode runs in the DevTools panel, which a script cannot open',
  'without the `debugger` permission the extension does not ask for. Its source, the DevTools network log\'s',
  '`_transferSize`, is the figure Chromium also gives the CLI over CDP (`encodedDataLength`), so the CLI column stands',
  'for it here; the end-to-end test of the panel (tests/e2e/precise.test.ts) checks it against the served bytes.',
  '',
];
await writeSection(join(root, 'docs/benchmarks.md'), 'accuracy', lines);
process.stdout.write(`${lines.join('\n')}\n`);

/** What was left out of the served figures. */
function notes(results) {
  const out = [];
  const background = new Map();
  for (const { site, ...tools } of results) {
    for (const [tool, m] of Object.entries(tools)) {
      if (ok(m) && m.background.length > 0) background.set(`${site.name}, ${tool}`, [...new Set(m.background)].join(', '));
    }
  }
  if (background.size > 0) {
    out.push('- Left out of the served figures: Chromium\'s own requests, which reached the server because every host name is mapped to it:');
    for (const [run, hosts] of background) out.push(`  ${run}: ${hosts}.`);
  }
  return out;
}

function chromiumVersion() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'Chromium';
}
