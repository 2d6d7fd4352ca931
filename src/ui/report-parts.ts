import { html, nothing, svg, type TemplateResult } from 'lit';
import { t, type Lang } from '../i18n/index';
import type { LabelledValue, Part } from './dependency-facts';

/**
 * Small lit building blocks of the full report (./full-report.ts): sections,
 * tables and the SVG bar chart. Every value is a lit binding (escaped text).
 */

export function section(id: string, heading: string, body: unknown, level: 2 | 3 = 2): TemplateResult {
  return html`<section aria-labelledby="h-${id}" data-test=${id}>
    ${level === 2 ? html`<h2 id="h-${id}">${heading}</h2>` : html`<h3 id="h-${id}">${heading}</h3>`} ${body}
  </section>`;
}

export function status<Row>(part: Part<Row>): TemplateResult | typeof nothing {
  return part.status === null ? nothing : html`<p class="muted">${part.status}</p>`;
}

export function labelled(caption: string, rows: LabelledValue[]): TemplateResult {
  return html`<table>
    <caption class="visually-hidden">${caption}</caption>
    <tbody>
      ${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td>${row.value}</td></tr>`)}
    </tbody>
  </table>`;
}

/**
 * A table with column headers; a column whose name starts with "#" is numeric.
 * The caption is for screen readers only unless `visibleCaption` (the heading above already says it).
 */
export function table(caption: string, columns: string[], rows: TemplateResult[], visibleCaption = false): TemplateResult {
  return html`<table>
    <caption class=${visibleCaption ? '' : 'visually-hidden'}>${caption}</caption>
    <thead>
      <tr>
        ${columns.map((column) =>
          column.startsWith('#')
            ? html`<th scope="col" class="num">${column.slice(1)}</th>`
            : html`<th scope="col">${column}</th>`,
        )}
      </tr>
    </thead>
    <tbody>${rows}</tbody>
  </table>`;
}

/** A CSV column name (lower case, as spreadsheets list them) as a table header. */
export function column(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export interface ChartRow {
  label: string;
  detail?: string;
  /** 0–1 */
  byteShare: number;
  requestShare: number;
  /** written beside the bars: the chart reads without colour */
  byteText: string;
  requestText: string;
}

const ROW = 46;
const LABEL = 200;
const BAR = 220;
const WIDTH = 760;

/**
 * Horizontal bars, two per row: bytes (solid) and requests (light, outlined);
 * each bar has its value written beside it. The SVG is an image with a title;
 * the same figures are in the table next to it for screen readers.
 */
export function barChart(title: string, rows: ChartRow[], lang: Lang): TemplateResult {
  if (rows.length === 0) return html``;
  const height = rows.length * ROW + 8;
  const width = (share: number) => Math.max(share > 0 ? 1 : 0, Math.round(Math.min(1, share) * BAR));
  return html`<figure class="chart">
    <svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label=${title} preserveAspectRatio="xMinYMin meet">
      ${rows.map(
        (row, index) => svg`<g transform="translate(0 ${index * ROW + 4})">
          <text x="0" y="15">${clip(row.label)}</text>
          ${row.detail ? svg`<text x="0" y="33" class="small">${clip(row.detail)}</text>` : nothing}
          <rect class="track" x=${LABEL} y="4" width=${BAR} height="14"></rect>
          <rect class="bytes" x=${LABEL} y="4" width=${width(row.byteShare)} height="14"></rect>
          <text x=${LABEL + BAR + 8} y="15" class="small">${row.byteText}</text>
          <rect class="track" x=${LABEL} y="22" width=${BAR} height="14"></rect>
          <rect class="requests" x=${LABEL} y="22" width=${width(row.requestShare)} height="14"></rect>
          <text x=${LABEL + BAR + 8} y="33" class="small">${row.requestText}</text>
        </g>`,
      )}
    </svg>
    <figcaption class="muted">${t(lang, 'fullreport.chart.legend')}</figcaption>
  </figure>`;
}

function clip(text: string): string {
  return text.length > 28 ? `${text.slice(0, 27)}…` : text;
}
