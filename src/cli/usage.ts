import { t, type Lang } from '../i18n/index';

/** The commands that exist, in the order the help lists them; each has `cli.usage.<name>` and `cli.usage.<name>.help`. */
export const commandNames = ['analyze', 'audit', 'merge', 'ecoindex', 'demo', 'help', 'version'] as const;

/** Message keys of a command's synopsis and help line (`audit` keeps its own in the audit message area). */
function usageKeys(name: string): { synopsis: string; help: string } {
  if (name === 'audit') return { synopsis: 'audit.usage', help: 'audit.usage.help' };
  return { synopsis: `cli.usage.${name}`, help: `cli.usage.${name}.help` };
}

/** The whole help text: synopsis of every command, then the common environment. */
export function usage(lang: Lang): string {
  // Synopsis on one line, what it does on the next: the synopses are too long for a column layout.
  const commands = commandNames.map(
    (name) => `  empreinte ${t(lang, usageKeys(name).synopsis)}\n      ${t(lang, usageKeys(name).help)}`,
  );
  return [
    t(lang, 'cli.usage.intro'),
    '',
    t(lang, 'cli.usage.synopsis'),
    '',
    t(lang, 'cli.usage.commands'),
    ...commands,
    '',
    t(lang, 'cli.usage.options'),
    `  --json        ${t(lang, 'cli.usage.option.json')}`,
    `  --out DIR     ${t(lang, 'cli.usage.option.out')}`,
    `  --lang fr|en  ${t(lang, 'cli.usage.option.lang')}`,
    '',
    t(lang, 'cli.usage.environment'),
    '',
  ].join('\n');
}

/** One command's synopsis, for a usage error or `empreinte COMMAND --help`. */
export function commandUsage(lang: Lang, name: (typeof commandNames)[number]): string {
  const keys = usageKeys(name);
  return `${t(lang, 'cli.usage.usage')}${t(lang, keys.synopsis)}\n  ${t(lang, keys.help)}\n`;
}
