import { parseArgs, type ParseArgsConfig } from 'node:util';
import { languages, t, type Lang } from '../i18n/index';
import { CliError, EXIT_USAGE } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs, strict, with its errors turned into one-line usage
 * errors (exit 2). Node's messages run to several sentences (advice about
 * `--`); the first one names the problem, which is all the user needs.
 */
export function parseCommandArgs<T extends Options>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(firstSentence(message), EXIT_USAGE);
  }
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  const end = line.search(/\.\s/);
  return end > 0 ? line.slice(0, end) : line.replace(/\.$/, '');
}

/** The `--lang` option: fr or en; absent → the language the CLI picked from the environment. */
export function languageOption(value: string | undefined, fallback: Lang): Lang {
  if (value === undefined) return fallback;
  if ((languages as readonly string[]).includes(value)) return value as Lang;
  throw new CliError(t(fallback, 'cli.error.lang', { value }), EXIT_USAGE);
}

/**
 * A count or size given on the command line: a finite number ≥ 0, an integer
 * when `integer` is set. Missing or anything else → a usage error naming the option.
 */
export function numberOption(lang: Lang, name: string, value: string | undefined, integer: boolean): number {
  if (value === undefined) throw new CliError(t(lang, 'cli.error.missingOption', { option: `--${name}` }), EXIT_USAGE);
  const number = value.trim() === '' ? NaN : Number(value);
  const valid = Number.isFinite(number) && number >= 0 && (!integer || Number.isInteger(number));
  if (!valid) {
    const key = integer ? 'cli.error.notCount' : 'cli.error.notNumber';
    throw new CliError(t(lang, key, { option: `--${name}`, value }), EXIT_USAGE);
  }
  return number;
}
