import { t, type Lang } from '../i18n/index';
import type { FootprintFacts, SegmentRow, WeightRow } from './footprint-facts';
import { html, type Html } from './html';
import { colon, labelled, section, status, table } from './html-dependencies';

/**
 * The footprint sections of the standalone HTML report (./html-report.ts):
 * emissions by model and segment, where the weight goes, the medians, RGESN,
 * method and uncertainty. Every value goes through `html` (escaped). The bar
 * charts are inline SVG drawn here, readable without colour: the weight is a
 * solid bar, the requests a hatched one, and every value is written beside
 * its bar; each chart is an image with a title, and a table holds its data.
 */

const BAR = { width: 680, label: 210, track: 260, row: 38 } as const;
const clip = (text: string, max = 28) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const bounded = (share: number) => Math.max(0, Math.min(1, share)) * BAR.track;

function chart(id: string, title: string, legend: string, height: number, bars: Html[], lang: Lang, hatched: boolean): Html {
  // The hatch is a pattern local to this SVG (`url(#…)` names no resource).
  const defs = hatched
    ? html`<defs><pattern id="hatch-${id}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="5" fill="currentColor"/></pattern></defs>`
    : null;
  return html`<figure class="chart">
<svg role="img" aria-labelledby="chart-${id}-title" viewBox="0 0 ${BAR.width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">
<title id="chart-${id}-title">${title}</title>
${defs}${bars}
</svg>
<figcaption class="muted">${title}${legend ? html`${colon(lang)}${legend}` : null}</figcaption>
</figure>`;
}

/** Solid bar: share of the page weight; hatched bar: share of requests; both values written out. */
function weightChart(id: string, title: string, rows: WeightRow[], lang: Lang): Html {
  const valueX = BAR.label + BAR.track + 8;
  const bars = rows.map((row, index) => {
    const y = index * BAR.row + 2;
    return html`<g>
<text x="0" y="${y + 14}">${clip(row.label)}</text>
${row.detail ? html`<text x="0" y="${y + 29}" class="small">${clip(row.detail, 34)}</text>` : null}
<rect class="track" x="${BAR.label}" y="${y + 3}" width="${BAR.track}" height="13"/>
<rect class="bytes-solid" x="${BAR.label}" y="${y + 3}" width="${bounded(row.byteShare).toFixed(1)}" height="13"/>
<rect class="track" x="${BAR.label}" y="${y + 19}" width="${BAR.track}" height="10"/>
<rect x="${BAR.label}" y="${y + 19}" width="${bounded(row.requestShare).toFixed(1)}" height="10" fill="url(#hatch-${id})"/>
<text x="${valueX}" y="${y + 14}" class="small">${row.shareText}</text>
<text x="${valueX}" y="${y + 28}" class="small">${row.requestText}</text>
</g>`;
  });
  return chart(id, title, t(lang, 'report.weight.legend'), rows.length * BAR.row + 4, bars, lang, true);
}

function segmentChart(rows: SegmentRow[], lang: Lang): Html {
  const row = 26;
  const bars = rows.map((segment, index) => {
    const y = index * row + 2;
    return html`<g>
<text x="0" y="${y + 15}">${segment.label}</text>
<rect class="track" x="${BAR.label}" y="${y + 4}" width="${BAR.track}" height="14"/>
<rect class="bytes-solid" x="${BAR.label}" y="${y + 4}" width="${bounded(segment.share).toFixed(1)}" height="14"/>
<text x="${BAR.label + BAR.track + 8}" y="${y + 15}" class="small">${segment.grams} (${segment.shareText})</text>
</g>`;
  });
  return chart('co2', t(lang, 'report.co2.chart'), '', rows.length * row + 4, bars, lang, false);
}

export function emissionsSection(facts: FootprintFacts, lang: Lang): Html {
  const segments = facts.co2.segments.map(
    (row) => html`<tr><th scope="row">${row.label}</th><td class="num">${row.grams}</td><td class="num">${row.shareText}</td></tr>`,
  );
  return section(
    'emissions',
    t(lang, 'report.heading.emissions'),
    html`${labelled(t(lang, 'report.models.caption'), facts.models.rows)}
<p class="disclaimer">${facts.models.note}</p>
<h3>${t(lang, 'report.co2.heading')}</h3>
${segmentChart(facts.co2.segments, lang)}
${table(t(lang, 'report.co2.caption'), [t(lang, 'report.co2.segment'), `#${t(lang, 'report.co2.grams')}`, `#${t(lang, 'report.co2.share')}`], segments)}
${labelled(t(lang, 'report.co2.heading'), [facts.co2.total, ...facts.co2.context])}`,
  );
}

const weightParts = [
  ['byType', 'colType', 'type'],
  ['byParty', 'colParty', 'party'],
  ['byPurpose', 'colPurpose', 'purpose'],
  ['byOrganisation', 'colOrganisation', 'organisation'],
] as const;

export function weightSection(facts: FootprintFacts, lang: Lang): Html {
  const parts = weightParts.map(([key, column, id]) => {
    const part = facts.weight[key];
    const heading = t(lang, `report.weight.${key}`);
    const columns = [
      t(lang, `report.weight.${column}`),
      `#${t(lang, 'report.parties.requests')}`,
      `#${t(lang, 'report.parties.bytes')}`,
      `#${t(lang, 'report.weight.colShare')}`,
    ];
    const rows = part.rows.map(
      (row) =>
        html`<tr><th scope="row">${row.label}${row.detail ? html` <span class="muted">(${row.detail})</span>` : null}</th><td class="num">${row.requests}</td><td class="num">${row.bytes}</td><td class="num">${row.shareText}</td></tr>`,
    );
    return html`<h3 id="h-weight-${id}">${heading}</h3>
${status(part) ?? html`${weightChart(id, heading, part.rows, lang)}${table(heading, columns, rows, true)}`}`;
  });
  return section('weight', t(lang, 'report.heading.weight'), html`${parts}`);
}

export function comparisonSection(facts: FootprintFacts, lang: Lang): Html {
  const { rows, summary, source } = facts.comparison;
  const columns = ['measure', 'page', '#median', 'ratio', '#ecoIndexMedian'].map((key) =>
    key.startsWith('#') ? `#${t(lang, `report.comparison.${key.slice(1)}`)}` : t(lang, `report.comparison.${key}`),
  );
  const body = rows.rows.map(
    (row) =>
      html`<tr><th scope="row">${row.measure}</th><td>${row.page}</td><td class="num">${row.median ?? '—'}</td><td>${row.ratio}</td><td class="num">${row.ecoIndexMedian}</td></tr>`,
  );
  return section(
    'comparison',
    t(lang, 'report.heading.comparison'),
    status(rows) ??
      html`<ul class="ratios">${summary.map((line) => html`<li><strong>${line}</strong></li>`)}</ul>
${table(t(lang, 'report.comparison.caption'), columns, body)}
${source ? html`<p class="muted">${source}</p>` : null}`,
  );
}

export function rgesnSection(facts: FootprintFacts, lang: Lang): Html {
  const part = facts.rgesn;
  const columns = ['id', 'title', 'status', 'measured', 'evidence'].map((key) => t(lang, `report.rgesn.${key}`));
  const rows = part.rows.map(
    (row) =>
      html`<tr${row.failed ? html` class="fail"` : null}><th scope="row">${row.id}</th><td>${row.title}</td><td>${row.failed ? html`<strong>${row.status}</strong>` : row.status}</td><td>${row.measured}</td><td class="evidence">${row.evidence}</td></tr>`,
  );
  return section(
    'rgesn',
    t(lang, 'report.heading.rgesn'),
    html`${status(part) ?? table(t(lang, 'report.rgesn.caption'), columns, rows)}
<p class="disclaimer">${t(lang, 'report.rgesn.disclaimer')}</p>`,
  );
}

export function methodSection(facts: FootprintFacts, lang: Lang): Html {
  return section('method', t(lang, 'report.heading.method'), labelled(t(lang, 'report.heading.method'), facts.method));
}
