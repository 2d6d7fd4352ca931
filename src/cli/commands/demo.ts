import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from '../../i18n/index';
import { languageOption, parseCommandArgs } from '../args';
import { findChromium } from '../chromium';
import { CliError } from '../errors';
import type { CliIO } from '../io';
import { startSiteServer } from '../site-server';
import { commandUsage } from '../usage';
import { auditPages } from '../audit/single-page';

/** The demo venue's homepage, served by the local site server under its (fictional) real name. */
export const DEMO_URL = 'https://www.theatre-de-la-lune.fr/';

/**
 * The bundled demo site: `demo/site` at the repository's root. The built CLI
 * lives in dist/cli/, the sources in src/cli/commands/: try both depths.
 */
export function demoSiteRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../demo/site'), resolve(here, '../../../demo/site')];
  return candidates.find((dir) => existsSync(join(dir, 'www.theatre-de-la-lune.fr', 'index.html'))) ?? candidates[0]!;
}

/**
 * `empreinte demo [--out DIR] [--lang fr|en] [--json] [--chromium PATH]`:
 * serves demo/site on a free local port (HTTP and HTTPS), points Chromium's
 * resolver at it so that every host name lands there, audits the venue's
 * homepage and writes report.json and report.html (default ./demo-output).
 * Nothing leaves the machine.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    out: { type: 'string' },
    chromium: { type: 'string' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const lang = languageOption(values.lang, io.lang);
  if (values.help) {
    io.stdout(commandUsage(lang, 'demo'));
    return 0;
  }
  const root = demoSiteRoot();
  if (!existsSync(join(root, 'www.theatre-de-la-lune.fr', 'index.html'))) {
    throw new CliError(t(lang, 'cli.demo.missingSite', { path: root }));
  }
  const chromiumPath = findChromium({ explicit: values.chromium ?? null });
  const outDir = resolve(io.cwd, values.out ?? 'demo-output');
  const server = await startSiteServer({ root });
  try {
    io.stderr(`${t(lang, 'cli.demo.serving', { port: String(server.port) })}\n`);
    const code = await auditPages([DEMO_URL], io, {
      lang,
      json: values.json ?? false,
      outDir,
      chromiumPath,
      browserArgs: [`--host-resolver-rules=MAP * 127.0.0.1:${server.port}, EXCLUDE localhost`, '--ignore-certificate-errors'],
      timeoutMs: 60_000,
    });
    if (code === 0) {
      const shown = (file: string) => relative(io.cwd, join(outDir, file)) || file;
      (values.json ? io.stderr : io.stdout)(`${t(lang, 'cli.demo.where', { html: shown('report.html'), json: shown('report.json') })}\n`);
    }
    return code;
  } finally {
    await server.close();
  }
}
