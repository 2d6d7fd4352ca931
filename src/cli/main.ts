import { pickLanguage, t } from '../i18n/index';
import { CliError, EXIT_USAGE } from './errors';
import type { CliIO, Command } from './io';
import { run as analyze } from './commands/analyze';
import { run as audit } from './commands/audit';
import { run as demo } from './commands/demo';
import { run as ecoindex } from './commands/ecoindex';
import { run as merge } from './commands/merge';
import { usage } from './usage';
import { toolVersion } from '../version';

const commands: Record<string, Command> = { analyze, audit, demo, ecoindex, merge };

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage(io.lang));
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === 'version') {
    io.stdout(`${toolVersion}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`empreinte: ${t(io.lang, 'cli.error.unknownCommand', { name })}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`empreinte ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`empreinte ${name}: ${t(io.lang, 'cli.error.unexpected', { message: message.split('\n')[0] ?? '' })}\n`);
    if (process.env.EMPREINTE_DEBUG === '1' && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 1;
  }
}

// Run when executed as the CLI (not when imported by a test).
if (process.argv[1] && /empreinte(\.mjs)?$|main\.ts$/.test(process.argv[1])) {
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    lang: pickLanguage(process.env.EMPREINTE_LANG ?? process.env.LC_ALL ?? process.env.LANG?.split('.')[0] ?? null),
    isTTY: Boolean(process.stdout.isTTY),
  };
  // EPIPE (e.g. `| head`) is not an error worth a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
