// Runs the BUILT CLI (dist/cli/empreinte.mjs) as a child process, as a user would.
// The child gets its own process group so that a test that times out can kill
// it together with any Chromium it started.
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const cliPath = join(repoRoot, 'dist/cli/empreinte.mjs');

let built = false;
/** Builds the CLI and the probe once per test process (a second or two). */
export function buildCli(): void {
  if (built) return;
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build-cli.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  built = true;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, EMPREINTE_LANG: 'en', NO_COLOR: '1', ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      // Kill the whole group: the CLI and its Chromium.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`CLI timed out: empreinte ${args.join(' ')}\n${stderr}`));
    }, options.timeoutMs ?? 90_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Chromium processes whose command line mentions `marker` (to prove none is left behind). */
export function chromiumProcessesWith(marker: string): string[] {
  try {
    return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /chrom/i.test(line) && line.includes(marker));
  } catch {
    return [];
  }
}
