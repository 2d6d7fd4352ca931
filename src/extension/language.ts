/**
 * The interface language of every extension page and of the badge: the one
 * chosen in the options, or the browser's (`auto`). Pages call
 * `pageLanguage()` once and `watchLanguage()` to switch at run time, without
 * a reload: the UI reads its own catalog (src/i18n), not `browser.i18n`.
 */
import { browser } from '#imports';
import { pickLanguage, type Lang } from '../i18n/index';
import { readSettings, settingsItem, type Settings } from './settings';

/** The language a setting stands for, given the browser's preferred languages. */
export function resolveLanguage(choice: Settings['language'], preferred: readonly string[] | undefined | null): Lang {
  return choice === 'auto' ? pickLanguage(preferred ?? browserLanguages()) : choice;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator !== 'undefined' && navigator.languages?.length) return navigator.languages;
  try {
    return [browser.i18n.getUILanguage()];
  } catch {
    return [];
  }
}

/** The language extension pages (popup, options, DevTools panel, report) use now. */
export async function pageLanguage(): Promise<Lang> {
  const settings = await readSettings();
  return resolveLanguage(settings.language, null);
}

/** Calls `onChange` with the new language whenever the user picks another one. */
export function watchLanguage(onChange: (lang: Lang) => void): () => void {
  return settingsItem.watch((value) => {
    const choice = value?.language ?? 'auto';
    onChange(resolveLanguage(choice === 'fr' || choice === 'en' ? choice : 'auto', null));
  });
}

/** Sets the page's `lang` attribute and title for a language. */
export function applyDocumentLanguage(lang: Lang, title: string): void {
  document.documentElement.lang = lang;
  document.title = title;
}
