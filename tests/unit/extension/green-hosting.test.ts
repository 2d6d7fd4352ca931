import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CACHE_KEY, MAX_CACHED, cachedGreenHosting, checkableHost, greenHosting } from '../../../src/extension/green-hosting';
import { DEFAULT_SETTINGS, gridIntensityOf, readSettings, settingsItem, writeSettings } from '../../../src/extension/settings';
import { analysisOptions, checkGreenHosting } from '../../../src/extension/popup-controller';

const DAY = 86_400_000;
const NOW = 1_750_000_000_000;
const on = { ...DEFAULT_SETTINGS, onlineChecks: true };

function fakeFetch(green: boolean | 'fail') {
  return vi.fn(async (url: string, init: RequestInit) => {
    void url;
    void init;
    if (green === 'fail') throw new TypeError('offline');
    return { ok: true, json: async () => ({ url: 'x', green, hosted_by: 'Someone' }) };
  });
}

describe('green hosting', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('asks nothing while online checks are off (the default)', async () => {
    const fetch = fakeFetch(true);
    expect((await readSettings()).onlineChecks).toBe(false);
    expect(await greenHosting('www.example.fr', await readSettings(), { fetch, now: () => NOW })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks the greencheck API for the host only, once, and caches the answer for 30 days', async () => {
    const fetch = fakeFetch(true);
    expect(await greenHosting('WWW.Example.fr', on, { fetch, now: () => NOW })).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('https://api.thegreenwebfoundation.org/api/v3/greencheck/www.example.fr');
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit' });
    expect(await greenHosting('www.example.fr', on, { fetch, now: () => NOW + 29 * DAY })).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    // expired: asked again
    const later = fakeFetch(false);
    expect(await greenHosting('www.example.fr', on, { fetch: later, now: () => NOW + 31 * DAY })).toBe(false);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('uses a cached answer even when online checks were turned off since, and asks nothing', async () => {
    await greenHosting('www.example.fr', on, { fetch: fakeFetch(false), now: () => Date.now() });
    const fetch = fakeFetch(true);
    expect(await greenHosting('www.example.fr', DEFAULT_SETTINGS, { fetch })).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a failed or odd answer is unknown, and not cached', async () => {
    expect(await greenHosting('www.example.fr', on, { fetch: fakeFetch('fail'), now: () => NOW })).toBeNull();
    const odd = vi.fn(async () => ({ ok: true, json: async () => ({ green: 'yes' }) }));
    expect(await greenHosting('www.example.fr', on, { fetch: odd, now: () => NOW })).toBeNull();
    expect(await cachedGreenHosting('www.example.fr', NOW)).toBeNull();
  });

  it('never asks about IP addresses or local names', async () => {
    const fetch = fakeFetch(true);
    for (const host of ['127.0.0.1', 'localhost', 'intranet']) {
      expect(checkableHost(host)).toBe(false);
      expect(await greenHosting(host, on, { fetch })).toBeNull();
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps at most MAX_CACHED hosts, the newest', async () => {
    const entries = Object.fromEntries(Array.from({ length: MAX_CACHED }, (_, i) => [`h${i}.example.fr`, { green: true, at: NOW + i }]));
    await fakeBrowser.storage.local.set({ [CACHE_KEY]: entries });
    await greenHosting('new.example.fr', on, { fetch: fakeFetch(true), now: () => NOW + MAX_CACHED });
    const cache = (await fakeBrowser.storage.local.get(CACHE_KEY))[CACHE_KEY] as Record<string, unknown>;
    expect(Object.keys(cache)).toHaveLength(MAX_CACHED);
    expect(cache).toHaveProperty(['new.example.fr']);
    expect(cache).not.toHaveProperty(['h0.example.fr']);
  });

  it('the popup checks only with online checks on, and analyse() gets the cached answer', async () => {
    const fetchSpy = vi.fn(async () => ({ ok: true, json: async () => ({ green: true }) }));
    vi.stubGlobal('fetch', fetchSpy);
    try {
      expect(await checkGreenHosting('https://www.example.fr/page')).toBe(false);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect((await analysisOptions('https://www.example.fr/page')).greenHosting).toBeNull();
      await writeSettings({ onlineChecks: true });
      expect(await checkGreenHosting('https://www.example.fr/page')).toBe(true);
      expect(fetchSpy).toHaveBeenCalledTimes(1);
      expect((await analysisOptions('https://www.example.fr/page')).greenHosting).toBe(true);
      // answered already: not asked again
      expect(await checkGreenHosting('https://www.example.fr/other')).toBe(false);
      expect(fetchSpy).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('default to the world average and no online checks; a stored value that does not parse falls back to them', async () => {
    expect(await readSettings()).toEqual({ gridRegion: 'world', onlineChecks: false, language: 'auto' });
    expect(gridIntensityOf(await readSettings())).toEqual({ gramsPerKwh: 494, region: 'world' });
    await settingsItem.setValue({ gridRegion: 'FRA', onlineChecks: 'yes' } as never);
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('France (and any region of the data) sets the grid intensity passed to analyse()', async () => {
    await writeSettings({ gridRegion: 'FRA' });
    const options = await analysisOptions('https://www.example.fr/');
    expect(options.gridIntensity?.region).toBe('FRA');
    expect(options.gridIntensity?.gramsPerKwh).toBeGreaterThan(0);
    expect(options.gridIntensity?.gramsPerKwh).toBeLessThan(200);
    expect(gridIntensityOf({ ...DEFAULT_SETTINGS, gridRegion: 'XXX' }).region).toBe('world');
  });
});
