import { describe, expect, it } from 'vitest';
import { catalogs, formatBytes, pickLanguage, t } from '../../../src/i18n/index';

describe('pickLanguage', () => {
  it('follows a stated French or English preference, in order', () => {
    expect(pickLanguage(['fr-FR', 'en'])).toBe('fr');
    expect(pickLanguage(['en-GB', 'fr'])).toBe('en');
    expect(pickLanguage('fr_CA.UTF-8')).toBe('fr');
    expect(pickLanguage(['de-DE', 'fr'])).toBe('fr');
  });

  it('uses English for any other stated language', () => {
    expect(pickLanguage(['de-DE'])).toBe('en');
    expect(pickLanguage('es_ES.UTF-8')).toBe('en');
  });

  it('treats no preference, C and POSIX as French, the language the tool is written for', () => {
    expect(pickLanguage(null)).toBe('fr');
    expect(pickLanguage([])).toBe('fr');
    expect(pickLanguage('C.UTF-8')).toBe('fr');
    expect(pickLanguage('POSIX')).toBe('fr');
  });
});

describe('message catalog', () => {
  it('has every key in both languages', () => {
    const fr = Object.keys(catalogs.fr).sort();
    const en = Object.keys(catalogs.en).sort();
    expect(fr.filter((key) => !catalogs.en[key])).toEqual([]);
    expect(en.filter((key) => !catalogs.fr[key])).toEqual([]);
  });

  it('fills parameters and formats numbers for the language', () => {
    expect(t('fr', 'no.such.key')).toBe('no.such.key');
    expect(formatBytes('fr', 1_234_000)).toBe('1,2 Mo');
    expect(formatBytes('en', 1_234_000)).toBe('1.2 MB');
  });
});
