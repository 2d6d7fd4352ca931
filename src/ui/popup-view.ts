import type { Report } from '../core/report';

/**
 * What the popup shows, decided by src/extension/popup-controller.ts (which
 * talks to the browser) and rendered by the components here (which never do).
 */
export type PopupView =
  | { kind: 'report'; report: Report; /** the page is still loading: figures so far */ loading: boolean }
  /** browser pages, the extension stores, local files without access */
  | { kind: 'restricted' }
  /** the page was open before the extension started: nothing was recorded */
  | { kind: 'no-data' }
  /** Firefox: host access is not granted yet */
  | { kind: 'no-permission' }
  | { kind: 'no-tab' }
  | { kind: 'error'; message: string };

export interface EntitySummary {
  /** the entity's name, or the registrable domain when the catalog does not know it */
  name: string;
  known: boolean;
  requests: number;
}

/** Third parties grouped by entity (several domains can belong to one), most requests first. */
export function topEntities(report: Report, limit = 5): EntitySummary[] {
  const byName = new Map<string, EntitySummary>();
  for (const party of report.thirdParties) {
    const name = party.entity ?? party.domain;
    const entry = byName.get(name) ?? { name, known: party.entity !== null, requests: 0 };
    entry.requests += party.requests;
    byName.set(name, entry);
  }
  return [...byName.values()]
    .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name))
    .slice(0, limit);
}
