import { computeEcoIndex } from '../../core/ecoindex';
import { formatNumber, t } from '../../i18n/index';
import { languageOption, numberOption, parseCommandArgs } from '../args';
import { CliError, EXIT_USAGE } from '../errors';
import type { CliIO } from '../io';
import { commandUsage } from '../usage';

/**
 * `empreinte ecoindex --dom N --requests N --size-kb N [--json]`: EcoIndex
 * from the three measures, by src/core/ecoindex.ts (the size in kB is
 * bytes / 1000, as the reference service counts it).
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      dom: { type: 'string' },
      requests: { type: 'string' },
      'size-kb': { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  const lang = languageOption(values.lang, io.lang);
  if (values.help) {
    io.stdout(commandUsage(lang, 'ecoindex'));
    return 0;
  }
  if (positionals.length > 0) {
    throw new CliError(t(lang, 'cli.error.unexpectedArgument', { value: positionals[0]! }), EXIT_USAGE);
  }
  const dom = numberOption(lang, 'dom', values.dom, true);
  const requests = numberOption(lang, 'requests', values.requests, true);
  const sizeKb = numberOption(lang, 'size-kb', values['size-kb'], false);
  const result = computeEcoIndex(dom, requests, sizeKb);

  if (values.json) {
    io.stdout(`${JSON.stringify({ ...result, inputs: { dom, requests, sizeKb } })}\n`);
    return 0;
  }
  const lines = [
    t(lang, 'cli.ecoindex.result', { score: result.score, grade: result.grade }),
    `  ${t(lang, 'grade.environment.scale')}`,
    t(lang, 'cli.ecoindex.inputs', { dom, requests, sizeKb: formatNumber(lang, sizeKb) }),
    t(lang, 'cli.ecoindex.ghg', { ghg: result.ghg }),
    t(lang, 'cli.ecoindex.water', { water: result.water }),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
