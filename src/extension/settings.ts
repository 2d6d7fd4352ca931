/**
 * The user's settings (options page): the grid intensity used for CO2, and
 * whether online checks are allowed. Stored in `storage.local` through WXT's
 * versioned storage item; a stored value that does not parse (tampered with,
 * or from a future version) falls back to the defaults rather than being
 * trusted.
 */
import { storage } from '#imports';
import { DEFAULT_GRID_INTENSITY, gridIntensityForCountry, type GridIntensity } from '../core/co2';
import { z } from '../core/zod';

export const Settings = z.strictObject({
  /** `world` (SWD v4's global average) or a region code of @tgwf/co2's data (`FRA` …) */
  gridRegion: z.string().min(2).max(16),
  /**
   * Online checks (off unless the user turns them on): the page's host name is
   * sent to The Green Web Foundation's greencheck API. Nothing else, ever.
   */
  onlineChecks: z.boolean(),
  /** the interface language: `auto` follows the browser's (src/extension/language.ts) */
  language: z.enum(['auto', 'fr', 'en']).default('auto'),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  gridRegion: DEFAULT_GRID_INTENSITY.region,
  onlineChecks: false,
  language: 'auto',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // v2 added the interface language; v1 followed the browser's.
    2: (old: unknown) => (old && typeof old === 'object' ? { ...old, language: 'auto' } : old) as Settings,
  },
});

/** The settings, always valid: the defaults wherever the stored value is not. */
export async function readSettings(): Promise<Settings> {
  const parsed = Settings.safeParse(await settingsItem.getValue().catch(() => null));
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export async function writeSettings(change: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await readSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** The grid intensity the settings choose; the world average for an unknown region. */
export function gridIntensityOf(settings: Settings): GridIntensity {
  if (settings.gridRegion === DEFAULT_GRID_INTENSITY.region) return DEFAULT_GRID_INTENSITY;
  return gridIntensityForCountry(settings.gridRegion) ?? DEFAULT_GRID_INTENSITY;
}
