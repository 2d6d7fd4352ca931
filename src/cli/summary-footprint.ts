import { t, type Lang } from '../i18n/index';
import type { FootprintFacts, WeightRow } from '../ui/footprint-facts';
import type { Part } from '../ui/dependency-facts';
import { bar, colon, type Layout } from './summary-dependencies';

/**
 * The footprint sections of the terminal summary (./summary.ts): emissions by
 * model and segment, where the weight goes, the medians, RGESN, method and
 * uncertainty. Text only; bars are blocks with their value written beside
 * them, so that nothing depends on colour.
 */

/** Rows per weight breakdown in the terminal (the HTML report shows all of them). */
export const TOP_WEIGHT_ROWS = 8;

function status<Row>(part: Part<Row>, layout: Layout, indent = '  '): boolean {
  if (part.status === null) return false;
  layout.push(`${indent}${part.status}`);
  return true;
}

function weightRows(rows: WeightRow[], layout: Layout): void {
  const shown = rows.slice(0, TOP_WEIGHT_ROWS);
  const width = Math.max(0, ...shown.map((row) => row.label.length));
  for (const row of shown) {
    layout.push(`    ${row.label.padEnd(width)}  ${bar(row.byteShare)} ${row.shareText}, ${row.requestText}`);
    if (row.detail) layout.push(layout.dim(`    ${' '.repeat(width)}  ${row.detail}`));
  }
  if (rows.length > shown.length) layout.push(layout.dim(`    … (+${rows.length - shown.length})`));
}

export function footprintSections(facts: FootprintFacts, lang: Lang, layout: Layout): void {
  const { heading, dim, list, push } = layout;

  push('', heading(t(lang, 'report.heading.emissions')));
  list(facts.models.rows);
  push(dim(`  ${facts.models.note}`));
  push(`  ${t(lang, 'report.co2.heading')}`);
  const width = Math.max(...facts.co2.segments.map((segment) => segment.label.length));
  for (const segment of facts.co2.segments) {
    push(`    ${segment.label.padEnd(width)}  ${bar(segment.share)} ${segment.grams} (${segment.shareText})`);
  }
  list(facts.co2.context);

  push('', heading(t(lang, 'report.heading.weight')));
  for (const key of ['byType', 'byParty', 'byPurpose', 'byOrganisation'] as const) {
    push(`  ${t(lang, `report.weight.${key}`)}`);
    if (!status(facts.weight[key], layout, '    ')) weightRows(facts.weight[key].rows, layout);
  }

  push('', heading(t(lang, 'report.heading.comparison')));
  if (!status(facts.comparison.rows, layout)) {
    for (const line of facts.comparison.summary) push(`  ${line}`);
    for (const row of facts.comparison.rows.rows) {
      const medians = [
        row.median === null ? null : `${t(lang, 'report.comparison.median')}${colon(lang)}${row.median}`,
        `${t(lang, 'report.comparison.ecoIndexMedian')}${colon(lang)}${row.ecoIndexMedian}`,
      ].filter((text) => text !== null);
      push(dim(`    ${row.measure}${colon(lang)}${row.page} (${medians.join(lang === 'fr' ? ' ; ' : '; ')})`));
    }
    if (facts.comparison.source) push(dim(`  ${facts.comparison.source}`));
  }

  push('', heading(t(lang, 'report.heading.rgesn')));
  if (!status(facts.rgesn, layout)) {
    // ids are short ("6.3"); a long one from a hostile capture must not push every line right
    const idWidth = Math.min(4, Math.max(...facts.rgesn.rows.map((row) => row.id.length)));
    for (const row of facts.rgesn.rows) {
      push(`  ${row.id.padEnd(idWidth)}  ${row.failed ? row.status.toUpperCase() : row.status} — ${row.title}`);
      push(`  ${' '.repeat(idWidth)}  ${row.measured}`);
      if (row.evidence) push(dim(`  ${' '.repeat(idWidth)}  ${row.evidence}`));
    }
  }
  push(dim(`  ${t(lang, 'report.rgesn.disclaimer')}`));

  push('', heading(t(lang, 'report.heading.method')));
  list(facts.method);
}
