// docs/benchmarks.md holds one section per benchmark script, between
// `<!-- name:start -->` and `<!-- name:end -->` markers: each script rewrites
// its own section and keeps the others, so that `scripts/bench.mjs` (timings
// and sizes) and `scripts/accuracy/run.mjs` (byte accuracy) can run apart.
import { readFile, writeFile } from 'node:fs/promises';

const HEADER = [
  '# Benchmarks',
  '',
  'Written by `npm run bench`: `scripts/bench.mjs` (analyse() time, sizes, the report\'s rendering, the extension in',
  'use: memory with 50 tabs and page-load overhead), then `scripts/accuracy/run.mjs`',
  '(byte accuracy against Lighthouse and against what the server wrote). Each script rewrites only its own',
  'section. Timings and ratios are never asserted in tests.',
  '',
].join('\n');

export const SECTION_ORDER = ['timing', 'accuracy'];

/** Replaces (or adds) section `name` of `file` with `lines`, keeping the other sections. */
export async function writeSection(file, name, lines) {
  const existing = await readFile(file, 'utf8').catch(() => '');
  const sections = new Map();
  for (const match of existing.matchAll(/<!-- ([\w-]+):start -->\n([\s\S]*?)<!-- \1:end -->/g)) sections.set(match[1], match[2]);
  sections.set(name, `${lines.join('\n')}\n`);
  const names = [...SECTION_ORDER.filter((known) => sections.has(known)), ...[...sections.keys()].filter((other) => !SECTION_ORDER.includes(other))];
  const body = names.map((key) => `<!-- ${key}:start -->\n${sections.get(key)}<!-- ${key}:end -->\n`).join('\n');
  const text = `${HEADER}\n${body}`;
  await writeFile(file, text);
  return text;
}
