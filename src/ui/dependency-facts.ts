import type { Report } from '../core/report';
import { formatBytes, formatNumber, t, type Lang } from '../i18n/index';

/**
 * The dependency part of a report (score, organisations, trackers, cookies,
 * consent, widgets, access, recommendations) as translated strings, shared by
 * the terminal summary and the HTML report through ./report-facts.ts. Plain
 * strings, not escaped. A part that was not evaluated says so (`status`)
 * rather than showing an empty list.
 */

export interface LabelledValue {
  label: string;
  value: string;
}

export interface Part<Row> {
  /** "not evaluated yet", "none found" …; null when there are rows to show */
  status: string | null;
  rows: Row[];
}

export interface DeductionRow {
  /** "−5" (or "0" for a note) */
  points: string;
  reason: string;
  note: boolean;
}

export interface ParentRow {
  parent: string;
  country: string;
  jurisdiction: string;
  /** every domain, joined (the HTML report) */
  domains: string;
  domainList: string[];
  /** 0–1, for bar charts */
  requestShare: number;
  byteShare: number;
  requests: string;
  bytes: string;
}

export interface NamedTrackerRow {
  name: string;
  kind: string;
  served: string;
  before: string;
  remark: string | null;
  evidence: string;
}

export interface CookieRow {
  name: string;
  domain: string;
  party: string;
  lifetime: string;
  longLived: boolean;
  before: string;
}

export interface WidgetRow {
  name: string;
  vendor: string;
  kind: string;
  /** the AI class in words, e.g. "AI: LLM assistant"; "no AI" for the rest */
  ai: string;
  isAi: boolean;
  evidence: string;
}

export interface AccessRow {
  route: string;
  found: boolean;
  status: string;
  evidence: string;
}

export interface RecommendationRow {
  title: string;
  why: string;
  targets: string;
}

export interface DependencyFacts {
  score: {
    grade: string | null;
    value: string;
    scale: string;
    deductions: Part<DeductionRow>;
  };
  organisations: Part<ParentRow>;
  trackers: { summary: Part<LabelledValue>; named: Part<NamedTrackerRow> };
  /** `total`: every cookie seen; `rows` lists the first MAX_COOKIE_ROWS, `more` says how many are left */
  cookies: { summary: Part<LabelledValue>; rows: CookieRow[]; total: number; more: string | null };
  consent: { rows: Part<LabelledValue>; disclaimer: string };
  widgets: Part<WidgetRow>;
  access: Part<AccessRow>;
  recommendations: Part<RecommendationRow>;
}

/** Cookies listed one by one at most (the rest are counted). */
export const MAX_COOKIE_ROWS = 40;
const MAX_EVIDENCE = 3;

export function dependencyFacts(report: Report, lang: Lang): DependencyFacts {
  const notYet = t(lang, 'report.notEvaluated');
  const count = (value: number) => formatNumber(lang, value, 0);
  const percent = (share: number) => t(lang, 'report.share', { share: Math.round(share * 100) });
  const yesNo = (value: boolean | null) => t(lang, value === null ? 'report.unknown' : value ? 'report.yes' : 'report.no');
  const part = <Row>(rows: Row[] | null, none: string): Part<Row> => ({
    status: rows === null ? notYet : rows.length === 0 ? none : null,
    rows: rows ?? [],
  });
  const dependencies = report.scores.dependencies;

  const trackerParties = report.thirdParties.filter((party) => party.tracker === true);
  const trackersEvaluated = report.trackers !== null || report.thirdParties.some((party) => party.tracker !== null);
  const byKind = new Map<string, string[]>();
  for (const party of trackerParties) {
    for (const kind of party.trackerKinds ?? []) byKind.set(kind, [...(byKind.get(kind) ?? []), party.domain]);
  }
  const before = trackerParties.filter((party) => party.beforeInteraction === true).map((party) => party.domain);
  // a HAR file has no DOM probe: when no tracker's timing is known, say "unknown" rather than "none"
  const timingKnown = trackerParties.some((party) => party.beforeInteraction !== null);
  const trackerSummary: LabelledValue[] = [...byKind].map(([kind, domains]) => ({
    label: trackerKind(lang, kind),
    value: shortList(domains),
  }));
  if (trackerParties.length > 0) {
    trackerSummary.push({
      label: t(lang, 'report.trackers.before'),
      value: !timingKnown
        ? t(lang, 'report.unknown')
        : before.length === 0
          ? t(lang, 'report.none')
          : `${count(before.length)} — ${shortList(before)}`,
    });
  }

  const cookies = report.cookies;
  const consent = report.consent;
  const access = report.access;
  const cookieTimingKnown = (cookies ?? []).some((cookie) => cookie.beforeInteraction !== null);
  // without a DOM probe (a HAR file) the first interaction, and what came before it, cannot be known
  const probed = report.footprint.domElements !== null;
  const countOrUnknown = (known: boolean, value: number) => (known ? count(value) : t(lang, 'report.unknown'));

  return {
    score: {
      grade: dependencies?.grade ?? null,
      value: dependencies ? t(lang, 'report.dependencies.score', { score: Math.round(dependencies.score) }) : notYet,
      scale: t(lang, 'score.dependencies.scale'),
      deductions: part(
        dependencies?.deductions.map((deduction) => ({
          points: deduction.points === 0 ? '0' : `−${formatNumber(lang, deduction.points)}`,
          reason: t(lang, deduction.reason.key, deduction.reason.params),
          note: deduction.points === 0,
        })) ?? null,
        t(lang, 'report.dependencies.noDeduction'),
      ),
    },
    organisations: part(
      report.organisations?.map((group) => ({
        parent: group.parent ?? t(lang, 'organisation.unknown'),
        country: group.country ?? '',
        jurisdiction: t(lang, `jurisdiction.${group.jurisdiction ?? 'unknown'}`),
        domains: group.domains.join(', '),
        domainList: group.domains,
        requestShare: group.requestShare,
        byteShare: group.byteShare,
        requests: t(lang, 'report.organisations.requests', { share: percent(group.requestShare), count: count(group.requests) }),
        bytes: t(lang, 'report.organisations.bytes', { share: percent(group.byteShare), bytes: formatBytes(lang, group.bytes) }),
      })) ?? null,
      t(lang, 'report.organisations.none'),
    ),
    trackers: {
      summary: part(trackersEvaluated ? trackerSummary : null, t(lang, 'report.trackers.none')),
      named: part(
        report.trackers?.map((tracker) => ({
          name: tracker.name,
          kind: trackerKind(lang, tracker.kind),
          served: t(lang, tracker.party === 'first' ? 'report.trackers.servedFirst' : 'report.trackers.servedThird'),
          before: yesNo(tracker.beforeInteraction),
          remark: tracker.remark ? t(lang, tracker.remark.key, tracker.remark.params) : null,
          evidence: tracker.evidence.slice(0, MAX_EVIDENCE).join(' · '),
        })) ?? null,
        t(lang, 'report.trackers.noneNamed'),
      ),
    },
    cookies: {
      summary: part(
        cookies === null
          ? null
          : [
              { label: t(lang, 'report.cookies.count'), value: count(cookies.length) },
              { label: t(lang, 'report.cookies.thirdParty'), value: count(cookies.filter((cookie) => cookie.party === 'third').length) },
              { label: t(lang, 'report.cookies.longLived'), value: count(cookies.filter((cookie) => cookie.longLived).length) },
              {
                label: t(lang, 'report.cookies.before'),
                value: countOrUnknown(cookieTimingKnown, cookies.filter((cookie) => cookie.beforeInteraction === true).length),
              },
            ],
        t(lang, 'report.none'),
      ),
      total: cookies?.length ?? 0,
      rows: (cookies ?? []).slice(0, MAX_COOKIE_ROWS).map((cookie) => ({
        name: cookie.name,
        domain: cookie.domain,
        party: t(lang, cookie.party === 'first' ? 'report.cookies.first' : 'report.cookies.third'),
        lifetime:
          cookie.lifetimeDays === null
            ? t(lang, 'report.cookies.session')
            : t(lang, cookie.longLived ? 'report.cookies.daysLong' : 'report.cookies.days', { days: count(cookie.lifetimeDays) }),
        longLived: cookie.longLived,
        before: yesNo(cookie.beforeInteraction),
      })),
      more:
        cookies !== null && cookies.length > MAX_COOKIE_ROWS
          ? t(lang, 'report.cookies.more', { count: cookies.length - MAX_COOKIE_ROWS })
          : null,
    },
    consent: {
      rows: part(
        consent === null
          ? null
          : [
              {
                label: t(lang, 'report.consent.managers'),
                value:
                  consent.managers.length === 0
                    ? t(lang, 'report.consent.noManager')
                    : consent.managers.map((manager) => manager.name).join(', '),
              },
              { label: t(lang, 'report.consent.tcf'), value: yesNo(consent.tcf) },
              {
                label: t(lang, 'report.consent.givenEarlier'),
                value: t(lang, consent.givenEarlier ? 'report.consent.givenEarlierYes' : 'report.no'),
              },
              {
                label: t(lang, 'report.consent.firstInteraction'),
                value: !probed
                  ? t(lang, 'report.unknown')
                  : consent.firstInteractionAt === null
                    ? t(lang, 'report.consent.noInteraction')
                    : t(lang, 'report.consent.at', { ms: count(consent.firstInteractionAt) }),
              },
              {
                label: t(lang, 'report.consent.trackersBefore'),
                value: countOrUnknown(probed && timingKnown, consent.trackersBeforeInteraction),
              },
              {
                label: t(lang, 'report.consent.cookiesBefore'),
                value: countOrUnknown(probed && cookieTimingKnown, consent.cookiesBeforeInteraction),
              },
            ],
        t(lang, 'report.none'),
      ),
      disclaimer: t(lang, 'report.consent.disclaimer'),
    },
    widgets: part(
      report.widgets?.map((widget) => ({
        name: widget.name,
        vendor:
          widget.parent && widget.parent !== widget.vendor
            ? t(lang, 'report.widgets.vendorParent', { vendor: widget.vendor, parent: widget.parent })
            : widget.vendor,
        kind: translated(lang, `report.widgetKind.${widget.kind}`, widget.kind),
        ai: t(lang, `report.ai.${widget.ai}`),
        isAi: widget.ai !== 'none',
        evidence: widget.evidence.slice(0, MAX_EVIDENCE).join(' · '),
      })) ?? null,
      t(lang, 'report.widgets.none'),
    ),
    access: part(
      access === null
        ? null
        : (['phone', 'address', 'openingHours'] as const).map((route) => ({
            route: t(lang, `report.access.${route}`),
            found: access[route].found,
            status: t(lang, access[route].found ? 'report.access.yes' : 'report.access.no'),
            evidence: access[route].evidence.slice(0, MAX_EVIDENCE).join(' · '),
          })),
      t(lang, 'report.none'),
    ),
    recommendations: part(
      report.recommendations?.map((recommendation) => ({
        title: t(lang, recommendation.title.key, recommendation.title.params),
        why: t(lang, recommendation.why.key, recommendation.why.params),
        targets: t(lang, 'report.recommendations.targets', {
          // the missing routes are ids (phone, address, openingHours): say them in words
          targets: shortList(recommendation.targets
            .map((target) => (recommendation.id === 'publish-offline-access' ? translated(lang, `report.access.${target}`, target) : target))),
        }),
      })) ?? null,
      t(lang, 'report.recommendations.none'),
    ),
  };
}

/** Long lists (domains, cookies) shortened for reading; the JSON report keeps them whole. */
export const MAX_LISTED = 12;
export function shortList(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown} … (+${items.length - MAX_LISTED})` : shown;
}

function trackerKind(lang: Lang, kind: string): string {
  return translated(lang, `tracker.kind.${kind}`, kind);
}

/** A catalog value we may not have a translation for: show it as it is rather than a raw key. */
export function translated(lang: Lang, key: string, fallback: string): string {
  const text = t(lang, key);
  return text === key ? fallback : text;
}
