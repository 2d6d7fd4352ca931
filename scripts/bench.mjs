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
import { mkdtemp, stat, readdir } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
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
  const dir = join(root, '.output/chrome-mv3/content-scripts');
  try {
    let total = 0;
    for (const f of await readdir(dir)) if (f.endsWith('.js')) total += (await stat(join(dir, f))).size;
    return total;
  } catch {
    return null;
  }
}
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
  '| capture | requests | median (ms) | p90 (ms) | budget |',
  '|---|---:|---:|---:|---|',
  ...rows.map((r) => {
    const budget = r.name.startsWith('synthetic 300 ') ? '5 ms' : r.name.startsWith('synthetic 3000') ? '50 ms' : '';
    return `| ${r.name} | ${r.requests} | ${r.median.toFixed(2)} | ${r.p90.toFixed(2)} | ${budget} |`;
  }),
  '',
  '### Sizes',
  '',
  '| artefact | size | budget |',
  '|---|---:|---|',
  `| content script (.output/chrome-mv3/content-scripts, minified) | ${kb(csSize)} | 15 kB |`,
  `| DOM probe injected by the CLI (dist/probe.js) | ${kb(probeSize)} | |`,
];
await writeSection(join(root, 'docs/benchmarks.md'), 'timing', lines);
process.stdout.write(`${lines.join('\n')}\n`);
process.stdout.write(`${(await writeRenderSection(root)).join('\n')}\n`);
if (!process.argv.includes('--no-accuracy')) {
  const run = spawnSync(process.execPath, [join(root, 'scripts/accuracy/run.mjs')], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
