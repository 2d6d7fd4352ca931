import { fileURLToPath } from 'node:url';
import type { Lang } from '../../../src/i18n/index';
import type { CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with a fake CliIO capturing what it prints. */
export async function runCli(args: string[], options: { lang?: Lang; cwd?: string; isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: options.cwd ?? repoRoot,
    lang: options.lang ?? 'en',
    isTTY: options.isTTY ?? false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The output is exactly one line (a trailing newline, none inside). */
export function isOneLine(text: string): boolean {
  return /^[^\n]+\n$/.test(text);
}
