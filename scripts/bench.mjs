// `npm run bench`: measures what the project promises about speed and size
// and writes its section of docs/benchmarks.md, then times the full report's
// rendering in Chromium (scripts/bench/render.mjs, its own section), then runs
// the byte-accuracy benchmark (scripts/accuracy/run.mjs; skip it with
// --no-accuracy). Timings are medians on this machine; they are never asserted
// in tests (DEVELOPERS.md).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { writeSection } from './bench/sections.mjs';
import { writeRenderSection } from './bench/render.mjs';
import { writeExtensionCostSection } from './bench/extension-cost.mjs';
import { mkdtemp, readFile, stat, readdir } from 'node:fs/promises';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = await mkdtemp(join(tmpdir(), 'empreinte-bench-'));
const outfile = join(work, 'analyse-bench.mjs');
await build({
  entryPoints: [join(root, 'scripts/bench/analyse.ts')],
  outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
});
const { runAnalyseBench } = await import(pathToFileURL(outfile).href);
const rows = runAnalyseBench(join(root, 'tests/fixtures/hars'));

async function sizeOf(path) {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}
async function contentScriptSize() {
  const dir = join(root, process.env.EMPREINTE_WXT_OUT ?? '.output', 'chrome-mv3/content-scripts');
  try {
    let total = 0;
    for (const f of await readdir(dir)) if (f.endsWith('.js')) total += (await stat(join(dir, f))).size;
    return total;
  } catch {
    return null;
  }
}
/** issue 7's analyse() budgets, in ms, by synthetic size and plan */
const ANALYSE_BUDGETS = { 300: { without: 5, with: 30 }, 3000: { without: 50, with: 300 } };
function budgetOf(row) {
  const budget = /^synthetic (\d+) /.exec(row.name)?.[1];
  const figures = budget === undefined ? undefined : ANALYSE_BUDGETS[budget];
  if (!figures) return '';
  const ms = row.plan ? figures.with : figures.without;
  return `${ms} ms ${row.median <= ms ? '(met)' : '(**over**)'}`;
}
/** Growth from 300 to 3,000 requests: linear is about 10×. */
function growth(all) {
  const median = (count, plan) => all.find((r) => r.name === `synthetic ${count} requests` && r.plan === plan)?.median;
  const line = (plan) => {
    const small = median(300, plan);
    const large = median(3000, plan);
    const factor = small && large ? (large / small).toFixed(1) : '?';
    return `Growth ${plan ? 'with' : 'without'} the plan, 300 → 3,000 requests (10× the requests): ${factor}× the time.`;
  };
  return [line(false), '', line(true)];
}
// Timings on a shared machine depend on its load: say what it was while analyse() ran.
const analyseLoad = loadavg()[0].toFixed(1);

// The Chrome package as it would be published: `wxt zip` builds and zips it.
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const zipped = spawnSync('npx', ['wxt', 'zip'], { cwd: root, encoding: 'utf8' });
const zipSize = zipped.status === 0 ? await sizeOf(join(root, process.env.EMPREINTE_WXT_OUT ?? '.output', `${pkg.name}-${pkg.version}-chrome.zip`)) : null;
const probeSize = await sizeOf(join(root, 'dist/probe.js'));
const csSize = await contentScriptSize();
const kb = (n) => (n === null ? 'not built (run `npm run build` first)' : `${(n / 1000).toFixed(1)} kB`);

const lines = [
  '## Speed and size',
  '',
  'Written by `scripts/bench.mjs`. Medians over repeated runs after a warm-up. Budgets come from the project issues.',
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '### analyse() time',
  '',
  'Without the action plan (`analyse(capture, catalogs, { plan: false })`) and with it (the default: every candidate',
  'action simulated). Budgets (issue 7): 5 ms and 50 ms without the plan, 30 ms and 300 ms with it, growing linearly.',
  `Load average (1 min) when analyse() was timed: ${analyseLoad} on ${cpus().length} cores.`,
  '',
  '| capture | requests | plan | median (ms) | p90 (ms) | budget |',
  '|---|---:|---|---:|---:|---|',
  ...rows.map((r) => `| ${r.name} | ${r.requests} | ${r.plan ? 'with' : 'without'} | ${r.median.toFixed(2)} | ${r.p90.toFixed(2)} | ${budgetOf(r)} |`),
  '',
  ...growth(rows),
  '',
  '### Sizes',
  '',
  '| artefact | size | budget |',
  '|---|---:|---|',
  `| content script (.output/chrome-mv3/content-scripts, minified) | ${kb(csSize)} | 15 kB |`,
  `| Chrome package (\`wxt zip\`, .output/${pkg.name}-${pkg.version}-chrome.zip) | ${kb(zipSize)} | 700 kB |`,
  `| DOM probe injected by the CLI (dist/probe.js) | ${kb(probeSize)} | |`,
];
await writeSection(join(root, 'docs/benchmarks.md'), 'timing', lines);
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(`${(await writeRenderSection(root)).join('\n')}\n`);
const extensionLines = await writeExtensionCostSection();
await writeSection(join(root, 'docs/benchmarks.md'), 'extension', extensionLines);
process.stdout.write(`${extensionLines.join('\n')}\n`);
if (!process.argv.includes('--no-accuracy')) {
  const run = spawnSync(process.execPath, [join(root, 'scripts/accuracy/run.mjs')], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
