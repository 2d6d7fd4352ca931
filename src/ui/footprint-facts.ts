import { byteSources, resourceTypes } from '../core/capture';
import type { Report } from '../core/report';
import { formatBytes, formatNumber, t, type Lang } from '../i18n/index';
import { translated, type LabelledValue, type Part } from './dependency-facts';

/**
 * The footprint part of a report as translated strings, shared by the terminal
 * summary and the HTML report through ./report-facts.ts: CO2 per view by
 * segment, the two models side by side, where the weight goes, the page
 * against the medians, the RGESN checks, and how far the figures can be
 * trusted. Plain strings, not escaped. Parts the core has not evaluated yet
 * (null in the report) say so through `status`.
 */

/** One bar of a "where the weight goes" chart: shares are of the whole page (0–1). */
export interface WeightRow {
  label: string;
  /** a second line under the label (parent company of an organisation), or "" */
  detail: string;
  requests: string;
  bytes: string;
  requestShare: number;
  byteShare: number;
  /** "12 % of the weight (1.2 MB)", written beside the bar */
  shareText: string;
  /** "30 % of requests (12 req.)", written beside the other bar */
  requestText: string;
}

export interface SegmentRow {
  label: string;
  grams: string;
  share: number;
  shareText: string;
}

export interface ComparisonRow {
  measure: string;
  page: string;
  /** the Web Almanac median; null where it has none (DOM elements) */
  median: string | null;
  /** "2.3 × the median page weight", or "" when there is no median to compare with */
  ratio: string;
  ecoIndexMedian: string;
}

export interface RgesnRow {
  id: string;
  title: string;
  status: string;
  /** `fail` rows are marked in words and bold, not only by colour */
  failed: boolean;
  measured: string;
  evidence: string;
}

export interface FootprintFacts {
  co2: {
    total: LabelledValue;
    segments: SegmentRow[];
    /** grid intensity and region, green hosting */
    context: LabelledValue[];
  };
  /** SWD CO2, EcoIndex GHG and water, each labelled by model */
  models: { rows: LabelledValue[]; note: string };
  weight: { byType: Part<WeightRow>; byParty: Part<WeightRow>; byOrganisation: Part<WeightRow>; byPurpose: Part<WeightRow> };
  comparison: { rows: Part<ComparisonRow>; summary: string[]; source: string | null };
  rgesn: Part<RgesnRow>;
  method: LabelledValue[];
}

const MAX_EVIDENCE = 5;
/** Organisations shown by name; the rest are counted in one line. */
export const MAX_ORGANISATIONS = 12;
const purposes = ['content', 'tracking', 'embeds', 'fonts', 'other'] as const;

export function footprintFacts(report: Report, lang: Lang): FootprintFacts {
  const { footprint } = report;
  const notYet = t(lang, 'report.notEvaluated');
  const count = (value: number) => formatNumber(lang, value, 0);
  const grams = (value: number) => formatNumber(lang, value, value < 0.1 ? 3 : 2);
  const percent = (share: number) => t(lang, 'report.share', { share: Math.round(share * 100) });
  // two digits below 1 (0.09 × the median is not 0.1 ×), one below 10, none above
  const ratio = (value: number) => formatNumber(lang, value, value < 1 ? 2 : value < 10 ? 1 : 0);
  const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0);

  const weightRow = (label: string, tally: { requests: number; bytes: number }, detail = ''): WeightRow => {
    const byteShare = share(tally.bytes, footprint.bytes);
    return {
      label,
      detail,
      requests: count(tally.requests),
      bytes: formatBytes(lang, tally.bytes),
      requestShare: share(tally.requests, footprint.requests),
      byteShare,
      shareText: t(lang, 'report.weight.shareOfWeight', { share: percent(byteShare), bytes: formatBytes(lang, tally.bytes) }),
      requestText: t(lang, 'report.weight.shareOfRequests', {
        share: percent(share(tally.requests, footprint.requests)),
        count: count(tally.requests),
      }),
    };
  };
  const part = <Row>(rows: Row[] | null, none: string): Part<Row> => ({
    status: rows === null ? notYet : rows.length === 0 ? none : null,
    rows: rows ?? [],
  });
  const none = t(lang, 'report.weight.none');

  const co2 = footprint.co2;
  const segmentTotal = co2.breakdown.dataCentre + co2.breakdown.network + co2.breakdown.device;
  const segments = (['dataCentre', 'network', 'device'] as const).map((segment) => {
    const value = co2.breakdown[segment];
    return {
      label: t(lang, `report.co2.${segment}`),
      grams: t(lang, 'report.figure.ghgValue', { grams: grams(value) }),
      share: share(value, segmentTotal),
      shareText: percent(share(value, segmentTotal)),
    };
  });
  const co2Label = t(lang, 'report.figure.co2', { model: translated(lang, `model.${co2.model}`, co2.model) });
  const ecoIndex = footprint.ecoIndex;

  const byType = resourceTypes
    .filter((type) => (footprint.byType[type]?.requests ?? 0) > 0 || (footprint.byType[type]?.bytes ?? 0) > 0)
    .map((type) => weightRow(translated(lang, `report.type.${type}`, type), footprint.byType[type]!))
    .sort((a, b) => b.byteShare - a.byteShare);
  const organisations = footprint.byOrganisation;
  const organisationRows =
    organisations?.slice(0, MAX_ORGANISATIONS).map((row) =>
      weightRow(
        row.organisation ?? t(lang, 'organisation.unknown'),
        row,
        row.parent && row.parent !== row.organisation ? t(lang, 'report.weight.parent', { parent: row.parent }) : '',
      ),
    ) ?? null;
  if (organisations && organisations.length > MAX_ORGANISATIONS) {
    const rest = organisations.slice(MAX_ORGANISATIONS);
    organisationRows!.push(
      weightRow(t(lang, 'report.weight.otherOrganisations', { count: rest.length }), {
        requests: rest.reduce((sum, row) => sum + row.requests, 0),
        bytes: rest.reduce((sum, row) => sum + row.bytes, 0),
      }),
    );
  }
  const byPurpose = footprint.byPurpose;

  return {
    co2: {
      total: { label: co2Label, value: t(lang, 'report.figure.ghgValue', { grams: grams(co2.grams) }) },
      segments,
      context: [
        {
          label: t(lang, 'report.co2.grid'),
          value: t(lang, 'report.co2.gridValue', {
            intensity: count(co2.gridIntensity.gramsPerKwh),
            region: regionName(lang, co2.gridIntensity.region),
          }),
        },
        {
          label: t(lang, 'report.co2.greenHosting'),
          value: t(lang, co2.greenHosting === null ? 'report.co2.greenUnchecked' : co2.greenHosting ? 'report.co2.greenYes' : 'report.co2.greenNo'),
        },
      ],
    },
    models: {
      rows: [
        { label: co2Label, value: t(lang, 'report.figure.ghgValue', { grams: grams(co2.grams) }) },
        {
          label: t(lang, 'report.figure.ghg'),
          value: ecoIndex ? t(lang, 'report.figure.ghgValue', { grams: grams(ecoIndex.ghg) }) : t(lang, 'report.notComputed'),
        },
        {
          label: t(lang, 'report.figure.water'),
          value: ecoIndex ? t(lang, 'report.figure.waterValue', { cl: grams(ecoIndex.water) }) : t(lang, 'report.notComputed'),
        },
      ],
      note: t(lang, 'report.models.differ'),
    },
    weight: {
      byType: part(byType, none),
      byParty: part(
        (['first', 'third'] as const).map((party) => weightRow(t(lang, `party.${party}`), footprint.byParty[party])),
        none,
      ),
      byOrganisation: part(organisationRows, t(lang, 'report.weight.noOrganisation')),
      byPurpose: part(
        byPurpose === null
          ? null
          : purposes.filter((purpose) => byPurpose[purpose]).map((purpose) => weightRow(t(lang, `report.purpose.${purpose}`), byPurpose[purpose]!)),
        none,
      ),
    },
    comparison: comparisonOf(report, lang, { count, ratio, notYet }),
    rgesn: part(
      report.rgesn?.map((check) => ({
        id: check.id,
        title: translated(lang, `rgesn.${check.id}.title`, t(lang, 'report.rgesn.criterion', { id: check.id })),
        status: t(lang, `report.rgesn.status.${check.status}`),
        failed: check.status === 'fail',
        measured: t(lang, check.measured.key, check.measured.params),
        evidence: check.evidence.slice(0, MAX_EVIDENCE).join(' · ') + (check.evidence.length > MAX_EVIDENCE ? ` … (+${check.evidence.length - MAX_EVIDENCE})` : ''),
      })) ?? null,
      t(lang, 'report.rgesn.none'),
    ),
    method: methodOf(report, lang, percent, count),
  };
}

function comparisonOf(
  report: Report,
  lang: Lang,
  format: { count: (value: number) => string; ratio: (value: number) => string; notYet: string },
): FootprintFacts['comparison'] {
  const { footprint } = report;
  const comparison = footprint.comparison;
  if (comparison === null) return { rows: { status: format.notYet, rows: [] }, summary: [], source: null };
  const { webAlmanac, ecoIndexMedians } = comparison;
  const rows: ComparisonRow[] = [
    {
      measure: t(lang, 'report.figure.weight'),
      page: formatBytes(lang, footprint.bytes),
      median: formatBytes(lang, webAlmanac.medianBytes),
      ratio: t(lang, 'report.comparison.bytesRatio', { ratio: format.ratio(webAlmanac.bytesRatio) }),
      ecoIndexMedian: formatBytes(lang, ecoIndexMedians.sizeKb * 1000),
    },
    {
      measure: t(lang, 'report.figure.requests'),
      page: format.count(footprint.requests),
      median: format.count(webAlmanac.medianRequests),
      ratio: t(lang, 'report.comparison.requestsRatio', { ratio: format.ratio(webAlmanac.requestsRatio) }),
      ecoIndexMedian: format.count(ecoIndexMedians.requests),
    },
    {
      measure: t(lang, 'report.figure.dom'),
      page: footprint.domElements === null ? t(lang, 'report.unknown') : format.count(footprint.domElements),
      median: null,
      ratio:
        footprint.domElements === null || ecoIndexMedians.dom <= 0
          ? ''
          : t(lang, 'report.comparison.domRatio', { ratio: format.ratio(footprint.domElements / ecoIndexMedians.dom) }),
      ecoIndexMedian: format.count(ecoIndexMedians.dom),
    },
  ];
  return {
    rows: { status: null, rows },
    summary: [rows[0]!.ratio, rows[1]!.ratio, ...(rows[2]!.ratio ? [rows[2]!.ratio] : [])],
    source: t(lang, 'report.comparison.source', { source: webAlmanac.source }),
  };
}

function methodOf(report: Report, lang: Lang, percent: (share: number) => string, count: (value: number) => string): LabelledValue[] {
  const { footprint, page } = report;
  const total = Object.values(footprint.bySource).reduce((sum, bytes) => sum + bytes, 0);
  const known = new Set<string>(byteSources);
  const sources = Object.entries(footprint.bySource)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([source, bytes]) =>
      t(lang, 'report.method.sourceValue', {
        source: known.has(source) ? t(lang, `report.source.${source}`) : source,
        share: percent(total > 0 ? bytes / total : 0),
      }),
    );
  return [
    { label: t(lang, 'report.page.method'), value: t(lang, `method.${page.method}`) },
    { label: t(lang, 'report.figure.measured'), value: percent(footprint.bytesMeasuredShare) },
    { label: t(lang, 'report.method.sources'), value: sources.length > 0 ? sources.join(', ') : t(lang, 'report.none') },
    {
      label: t(lang, 'report.method.fromCache'),
      value:
        footprint.requestsFromCache > 0
          ? t(lang, 'report.method.fromCacheValue', { count: count(footprint.requestsFromCache) })
          : t(lang, 'report.method.fromCacheNone'),
    },
    { label: t(lang, 'report.method.complete'), value: t(lang, page.complete ? 'report.yes' : 'report.method.incomplete') },
  ];
}

/** `world`, or an ISO 3166-1 alpha-3 code or region of @tgwf/co2's data: in words when we know it, else the code. */
export function regionName(lang: Lang, region: string): string {
  return translated(lang, `report.region.${region.toUpperCase()}`, region);
}
