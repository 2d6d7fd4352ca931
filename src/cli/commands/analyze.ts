import { CliError } from '../errors';
import type { CliIO } from '../io';

export async function run(_args: string[], _io: CliIO): Promise<number> {
  throw new CliError('analyze: not built yet');
}
