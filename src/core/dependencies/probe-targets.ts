import type { Catalogs } from '../../data/index';
import { matchables } from './service-matcher';

/** What the DOM probe looks for (src/collect/probe.ts `ProbeOptions`), built from the catalogs in one place. */
export interface ProbeTargets {
  /** JS global names, dotted paths allowed (`google.translate.TranslateElement`) */
  globals: string[];
  /**
   * CSS selectors. A marker's id is its selector itself: the probe reports the
   * ids it found, and the matcher (./service-matcher.ts) maps a selector back
   * to every entry that lists it, whatever the catalog's order.
   */
  markers: { id: string; selector: string }[];
}

/** The IAB TCF API: always looked for, `consent.tcf` reads it. */
export const TCF_GLOBAL = '__tcfapi';

/** Deduplicated, in catalog order (services, then consent managers), so that the lists are stable. */
export function probeTargets(catalogs: Pick<Catalogs, 'services' | 'consentManagers'>): ProbeTargets {
  const globals = new Set<string>([TCF_GLOBAL]);
  const selectors = new Set<string>();
  for (const target of matchables(catalogs)) {
    for (const name of target.globals) globals.add(name);
    for (const selector of target.selectors) selectors.add(selector);
  }
  return {
    globals: [...globals],
    markers: [...selectors].map((selector) => ({ id: selector, selector })),
  };
}
