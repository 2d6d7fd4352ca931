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

export interface ParentSummary {
  /** the parent company; null for third parties the catalog does not know */
  parent: string | null;
  /** its organisations seen on the page (Google, YouTube …) */
  organisations: string[];
  domains: string[];
  /** share of third-party requests, in whole percent (at least 1 when there is any) */
  share: number;
}

/**
 * The parent companies with the largest share of third-party requests, as
 * `report.organisations` orders them; null when not evaluated.
 */
export function topParents(report: Report, limit = 5): ParentSummary[] | null {
  if (report.organisations === null) return null;
  return report.organisations.slice(0, limit).map((group) => ({
    parent: group.parent,
    organisations: group.organisations.filter((name) => name !== group.parent),
    domains: group.domains,
    share: group.requests > 0 ? Math.max(1, Math.round(group.requestShare * 100)) : 0,
  }));
}

export interface AiWidgetSummary {
  name: string;
  ai: Exclude<NonNullable<Report['widgets']>[number]['ai'], 'none'>;
}

/** The embedded services that are AI (or sold as such), most significant class first; null when not evaluated. */
export function aiWidgets(report: Report): AiWidgetSummary[] | null {
  if (report.widgets === null) return null;
  const order = ['llm', 'ai-capable', 'ai-overlay', 'ai-translation', 'ai-personalisation'];
  return report.widgets
    .filter((widget): widget is typeof widget & { ai: AiWidgetSummary['ai'] } => widget.ai !== 'none')
    .map((widget) => ({ name: widget.name, ai: widget.ai }))
    .sort((a, b) => order.indexOf(a.ai) - order.indexOf(b.ai) || a.name.localeCompare(b.name));
}
