/**
 * One message catalog, French and English, read at run time by the
 * extension's pages, the HTML export and the CLI, so that the language can be
 * switched without reloading (browser.i18n cannot). Each area keeps its
 * messages in its own file under ./messages; keys are namespaced by area.
 */
import { common } from './messages/common';
import { terminal } from './messages/terminal';
import { popup } from './messages/popup';
import { report } from './messages/report';
import { dependencies } from './messages/dependencies';
import { findings } from './messages/findings';
import { trackers } from './messages/trackers';
import { footprint } from './messages/footprint';
import { precise } from './messages/precise';
import { options } from './messages/options';
import { history } from './messages/history';
import { fullreport } from './messages/fullreport';
import { audit } from './messages/audit';
import { sector } from './messages/sector';
import { debate } from './messages/debate';
import { popupFindings } from './messages/popup-findings';
import { auditPage } from './messages/audit-page';
import { plan } from './messages/plan';

export const languages = ['fr', 'en'] as const;
export type Lang = (typeof languages)[number];

type Catalog = Record<string, string>;
export interface MessageArea {
  fr: Catalog;
  en: Catalog;
}

const areas: MessageArea[] = [common, terminal, popup, report, dependencies, findings, trackers, precise, footprint, options, fullreport, history, popupFindings, debate, auditPage, sector, plan, audit];

export const catalogs: Record<Lang, Catalog> = {
  fr: Object.assign({}, ...areas.map((area) => area.fr)) as Catalog,
  en: Object.assign({}, ...areas.map((area) => area.en)) as Catalog,
};

export type MessageParams = Record<string, string | number>;

/**
 * Translates a key. Parameters replace `{name}` placeholders; numbers are
 * formatted for the language (1 234,5 in French, 1,234.5 in English).
 * A missing key shows as the key itself, so a gap is visible, not silent.
 */
export function t(lang: Lang, key: string, params: MessageParams = {}): string {
  const template = catalogs[lang][key] ?? catalogs.fr[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits }).format(value);
}

/** Human-readable bytes: "1,2 Mo" in French, "1.2 MB" in English (decimal units, as EcoIndex). */
export function formatBytes(lang: Lang, bytes: number): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${formatNumber(lang, value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/**
 * Picks French for French-speaking browsers and systems, English for any
 * other stated language. No preference at all — none given, or the "C" and
 * "POSIX" locales of servers and containers — means French, the language the
 * tool is written for.
 */
export function pickLanguage(preferred: readonly string[] | string | undefined | null): Lang {
  const list = (typeof preferred === 'string' ? [preferred] : (preferred ?? []))
    .map((tag) => tag.toLowerCase().split(/[-_.@]/)[0] ?? '')
    .filter((base) => base !== '' && base !== 'c' && base !== 'posix');
  for (const base of list) {
    if (base === 'fr') return 'fr';
    if (base === 'en') return 'en';
  }
  return list.length === 0 ? 'fr' : 'en';
}
