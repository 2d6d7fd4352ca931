/**
 * Horizontal bar charts as inline SVG for the sector report: every bar
 * carries its label and its value as text, so the chart reads without
 * colour, in print and to a screen reader (the SVG is an image named by its
 * title; the same figures are written beside each bar).
 */
import { html, type Html } from '../../ui/html';

export interface Bar {
  label: string;
  value: number;
  /** what is written after the bar, e.g. "12 (40 %)" */
  text: string;
}

const WIDTH = 640;
const LABEL = 230;
const BAR = 270;
const ROW = 26;

/** Cuts a label that would run into the bars; the full label stays in the tables. */
function fit(label: string): string {
  return label.length > 30 ? `${label.slice(0, 29)}…` : label;
}

export function barChart(title: string, bars: readonly Bar[], max = Math.max(0, ...bars.map((bar) => bar.value))): Html {
  const height = bars.length * ROW + 8;
  const rows = bars.map((bar, index) => {
    const y = index * ROW + 4;
    const width = max === 0 ? 0 : Math.round((bar.value / max) * BAR);
    return html`<g>
<text x="${LABEL - 8}" y="${y + 17}" text-anchor="end">${fit(bar.label)}</text>
<rect class="track" x="${LABEL}" y="${y + 4}" width="${BAR}" height="${ROW - 8}"></rect>
<rect class="bar" x="${LABEL}" y="${y + 4}" width="${width}" height="${ROW - 8}"></rect>
<text x="${LABEL + BAR + 8}" y="${y + 17}">${bar.text}</text>
</g>`;
  });
  return html`<figure class="chart">
<svg role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" preserveAspectRatio="xMinYMin meet"><title>${title}</title>${rows}</svg>
</figure>`;
}
