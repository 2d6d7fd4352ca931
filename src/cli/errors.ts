/**
 * An error the user can act on: the CLI prints its message on one line and
 * exits with `exitCode`, never a stack trace. Anything else that escapes is a
 * bug, reported as such (one line too, the stack only with EMPREINTE_DEBUG=1).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes: 0 ok, 1 the job failed (bad input, unreachable page), 2 usage error. */
export const EXIT_USAGE = 2;
