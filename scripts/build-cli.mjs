// Builds the `empreinte` CLI and the self-contained DOM probe with esbuild.
// Node 20 cannot run TypeScript, so `prepare` (run by `npm ci`) calls this.
// The probe is built as a plain IIFE script, without bundler helpers such as
// `__name`, so that Playwright can inject it into any page as-is.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');


const probe = await build({
  entryPoints: [join(root, 'src/collect/probe-entry.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  keepNames: false,
  write: false,
});
const probeScript = probe.outputFiles[0].text;
await mkdir(join(root, 'dist'), { recursive: true });
await writeFile(join(root, 'dist/probe.js'), probeScript);

await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'dist/cli/empreinte.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundle our dependencies (zod, tldts, catalogs as JSON) so that the CLI
  // starts fast; the browser driver stays a runtime dependency.
  external: ['playwright-core'],
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  define: {
    __PROBE_SCRIPT__: JSON.stringify(probeScript),
  },
  logLevel: 'warning',
});
