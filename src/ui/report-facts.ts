import type { Report } from '../core/report';
import { formatBytes, formatNumber, t, type Lang } from '../i18n/index';
import { dependencyFacts, translated, type DependencyFacts, type LabelledValue } from './dependency-facts';
import { footprintFacts, type FootprintFacts } from './footprint-facts';

export type { LabelledValue } from './dependency-facts';

/**
 * The content of a report as translated sentences and figures, shared by the
 * terminal summary (src/cli/summary.ts) and the standalone HTML report
 * (./html-report.ts) so that both say the same thing; each only lays it out.
 * Plain strings, not escaped: every renderer escapes for its own medium.
 */

export interface ThirdPartyRow {
  domain: string;
  entity: string;
  category: string;
  /** parent company, or "" when not catalogued */
  parent: string;
  /** "yes (advertising, pixel)", "no", or "" when not evaluated */
  tracker: string;
  requests: string;
  bytes: string;
}

export interface ReportFacts {
  url: string;
  /** the final URL, only when it differs from `url` */
  finalUrl: string | null;
  title: string | null;
  /** how, when and by what the page was measured */
  measurement: LabelledValue[];
  environment: {
    /** EcoIndex grade (A–G); null when EcoIndex could not be computed */
    grade: string | null;
    /** "72/100", or why it is missing */
    value: string;
    scale: string;
  };
  /** weight, measured share, requests, DOM elements */
  figures: LabelledValue[];
  /** CO2 by segment, both models, where the weight goes, medians, RGESN, method and uncertainty */
  footprint: FootprintFacts;
  thirdParties: { heading: string; rows: ThirdPartyRow[]; more: string | null; none: string | null };
  /** dependency score, organisations, trackers, cookies, consent, widgets, access, recommendations */
  dependencies: DependencyFacts;
  notes: string[];
}

export const TOP_THIRD_PARTIES = 10;

export function reportFacts(report: Report, lang: Lang, topThirdParties = TOP_THIRD_PARTIES): ReportFacts {
  const { page, footprint } = report;
  const ecoIndex = footprint.ecoIndex;
  const count = (value: number) => formatNumber(lang, value, 0);

  const figures: LabelledValue[] = [
    { label: t(lang, 'report.figure.weight'), value: formatBytes(lang, footprint.bytes) },
    {
      label: t(lang, 'report.figure.measured'),
      value: t(lang, 'report.figure.measuredValue', { share: Math.round(footprint.bytesMeasuredShare * 100) }),
    },
    {
      label: t(lang, 'report.figure.requests'),
      value:
        footprint.requestsFromCache > 0
          ? t(lang, 'report.figure.requestsCached', { count: footprint.requests, cached: footprint.requestsFromCache })
          : count(footprint.requests),
    },
  ];
  if (footprint.domElements !== null) {
    figures.splice(3, 0, { label: t(lang, 'report.figure.dom'), value: count(footprint.domElements) });
  }

  const shown = report.thirdParties.slice(0, topThirdParties);
  const hidden = report.thirdParties.length - shown.length;

  return {
    url: page.url,
    finalUrl: page.finalUrl !== page.url ? page.finalUrl : null,
    title: page.title,
    measurement: measurementOf(report, lang),
    environment: {
      grade: ecoIndex?.grade ?? null,
      value: ecoIndex
        ? t(lang, 'report.environment.score', { score: ecoIndex.score })
        : footprint.domElements === null
          ? t(lang, 'report.environment.missingDom')
          : t(lang, 'report.notComputed'),
      scale: t(lang, 'grade.environment.scale'),
    },
    figures,
    footprint: footprintFacts(report, lang),
    thirdParties: {
      heading: t(lang, 'report.thirdParties.heading', { count: report.thirdParties.length }),
      rows: shown.map((party) => ({
        domain: party.domain,
        entity: party.entity ?? t(lang, 'report.thirdParties.unknownEntity'),
        category: party.category ? translated(lang, `category.${party.category}`, party.category) : '',
        parent: party.parent ?? '',
        tracker: trackerOf(party, lang),
        requests: count(party.requests),
        bytes: formatBytes(lang, party.bytes),
      })),
      more: hidden > 0 ? t(lang, 'report.thirdParties.more', { count: hidden }) : null,
      none: report.thirdParties.length === 0 ? t(lang, 'report.thirdParties.none') : null,
    },
    dependencies: dependencyFacts(report, lang),
    notes: report.notes.map((note) => t(lang, note.key, note.params)),
  };
}

function measurementOf(report: Report, lang: Lang): LabelledValue[] {
  const { page } = report;
  const facts: LabelledValue[] = [
    { label: t(lang, 'report.page.method'), value: t(lang, `method.${page.method}`) },
    { label: t(lang, 'report.page.consent'), value: t(lang, `consent.${page.consentState}`) },
  ];
  const date = Date.parse(page.capturedAt);
  if (Number.isFinite(date)) {
    const formatted = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(date);
    facts.push({ label: t(lang, 'report.page.date'), value: `${formatted} UTC` });
  }
  if (page.agent) facts.push({ label: t(lang, 'report.page.agent'), value: page.agent });
  facts.push({ label: t(lang, 'report.page.versions'), value: `${report.versions.tool} · ${report.versions.catalog}` });
  return facts;
}

function trackerOf(party: Report['thirdParties'][number], lang: Lang): string {
  if (party.tracker === null) return '';
  if (!party.tracker) return t(lang, 'report.no');
  const kinds = (party.trackerKinds ?? []).map((kind) => translated(lang, `tracker.kind.${kind}`, kind).toLowerCase());
  return kinds.length > 0 ? `${t(lang, 'report.yes')} (${kinds.join(', ')})` : t(lang, 'report.yes');
}
