import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageLanguage, resolveLanguage, watchLanguage } from '../../../src/extension/language';
import { readSettings, writeSettings } from '../../../src/extension/settings';

describe('interface language', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('follows the browser unless the user chose one', () => {
    expect(resolveLanguage('auto', ['en-US'])).toBe('en');
    expect(resolveLanguage('auto', ['fr-CA', 'en'])).toBe('fr');
    expect(resolveLanguage('fr', ['en-US'])).toBe('fr');
    expect(resolveLanguage('en', ['fr-FR'])).toBe('en');
  });

  it('is read from the settings and switched at run time', async () => {
    const seen: string[] = [];
    const stop = watchLanguage((lang) => seen.push(lang));
    await writeSettings({ language: 'en' });
    expect(await pageLanguage()).toBe('en');
    await writeSettings({ language: 'fr' });
    expect(await pageLanguage()).toBe('fr');
    await vi.waitFor(() => expect(seen).toEqual(['en', 'fr']));
    stop();
  });

  it('settings stored before the language existed migrate to automatic', async () => {
    await fakeBrowser.storage.local.set({ settings: { gridRegion: 'FRA', onlineChecks: true } });
    vi.resetModules();
    const fresh = await import('../../../src/extension/settings');
    expect(await fresh.readSettings()).toEqual({ gridRegion: 'FRA', onlineChecks: true, language: 'auto' });
    expect((await readSettings()).gridRegion).toBe('FRA');
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { gridRegion: 'FRA', onlineChecks: true, language: 'auto' },
      settings$: { v: 2 },
    });
  });
});
