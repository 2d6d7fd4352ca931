import { t, type Lang } from '../i18n/index';

export function usage(lang: Lang): string {
  return `${t(lang, 'cli.usage')}\n`;
}
