/**
 * Finds the Chromium or Chrome to drive: `--chromium PATH`, then the
 * EMPREINTE_CHROMIUM environment variable, then the usual command names on
 * PATH, then well-known install locations. No download: the CLI uses what
 * the machine has, and says how to get it when there is none.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CliError } from './errors';

const commandNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

const wellKnownPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const noChromiumMessage =
  'no Chromium found: install it (Debian: apt-get install chromium) or pass --chromium PATH';

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface FindChromiumOptions {
  /** the --chromium option, if given */
  explicit?: string | null;
  env?: NodeJS.ProcessEnv;
  /** install locations tried last (tests pass their own) */
  installPaths?: readonly string[];
}

export function findChromium({ explicit, env = process.env, installPaths = wellKnownPaths }: FindChromiumOptions = {}): string {
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new CliError(`--chromium ${explicit}: not an executable file`);
  }
  const fromEnv = env.EMPREINTE_CHROMIUM;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new CliError(`EMPREINTE_CHROMIUM=${fromEnv}: not an executable file`);
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of commandNames) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  for (const candidate of installPaths) if (isExecutable(candidate)) return candidate;
  throw new CliError(noChromiumMessage);
}

/** The discard port of the loopback address: nothing listens, the connection is refused at once. */
const nowhere = 'http://127.0.0.1:9';

/**
 * Flags for a quiet, reproducible measurement: no background traffic of the
 * browser's own (updates, sync, safe browsing lists) may count in a page's
 * footprint. `--no-sandbox` only when running as root, where Chromium
 * refuses to start otherwise (containers, CI).
 */
export function standardChromiumArgs(): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    // Even with the flags above, Debian's Chromium 156 asks Google for its
    // accounts (accounts.google.com/ListAccounts) and for component updates
    // (update.googleapis.com) at start, with no page open — measured against
    // the fake internet of the tests. The tool sends nothing anywhere on its
    // own: these services are pointed at a closed local port, and so is the
    // push-messaging check-in (android.clients.google.com/checkin) and the
    // autofill server, which a page with a form made it ask about each form
    // (content-autofill.googleapis.com, twice per page).
    `--gaia-url=${nowhere}`,
    `--component-updater=url-source=${nowhere}`,
    `--gcm-checkin-url=${nowhere}`,
    `--gcm-registration-url=${nowhere}`,
    `--gcm-mcs-endpoint=${nowhere}`,
    `--autofill-server-url=${nowhere}/`,
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}
