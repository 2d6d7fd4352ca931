import { t, type Lang } from '../i18n/index';
import type { DependencyFacts, LabelledValue, ParentRow, Part } from './dependency-facts';
import { html, type Html } from './html';

/**
 * The dependency sections of the standalone HTML report (./html-report.ts).
 * Every value goes through `html` (escaped). Nothing relies on colour alone:
 * AI services and missing routes are said in words and in bold, the bar chart
 * writes its percentages beside the bars.
 */

export const colon = (lang: Lang) => (lang === 'fr' ? '\u00a0: ' : ': ');

export function section(id: string, heading: string, body: Html): Html {
  return html`<section aria-labelledby="h-${id}">
<h2 id="h-${id}">${heading}</h2>
${body}
</section>`;
}

export function status<Row>(part: Part<Row>): Html | null {
  return part.status === null ? null : html`<p>${part.status}</p>`;
}

export function labelled(caption: string, rows: LabelledValue[]): Html {
  return html`<table><caption class="visually-hidden">${caption}</caption><tbody>${rows.map(
    (row) => html`<tr><th scope="row">${row.label}</th><td>${row.value}</td></tr>`,
  )}</tbody></table>`;
}

/** A table with column headers; a column whose name starts with "#" is numeric (right-aligned, never wrapped). */
export function table(caption: string, columns: string[], rows: Html[], hiddenCaption = false): Html {
  const header = (column: string) =>
    column.startsWith('#') ? html`<th scope="col" class="num">${column.slice(1)}</th>` : html`<th scope="col">${column}</th>`;
  return html`<table><caption${hiddenCaption ? html` class="visually-hidden"` : null}>${caption}</caption>
<thead><tr>${columns.map(header)}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

export function deductionsSection(facts: DependencyFacts, lang: Lang): Html {
  const part = facts.score.deductions;
  const rows = part.rows.map(
    (row) =>
      html`<tr${row.note ? html` class="note"` : null}><td class="num">${row.note ? t(lang, 'report.dependencies.note') : row.points}</td><td>${row.reason}</td></tr>`,
  );
  return section(
    'deductions',
    t(lang, 'report.heading.deductions'),
    status(part) ??
      table(t(lang, 'report.heading.deductions'), [`#${t(lang, 'report.dependencies.points')}`, t(lang, 'report.dependencies.reason')], rows, true),
  );
}

export function recommendationsSection(facts: DependencyFacts, lang: Lang): Html {
  const part = facts.recommendations;
  return section(
    'recommendations',
    t(lang, 'report.heading.recommendations'),
    status(part) ??
      html`<ol class="recommendations">${part.rows.map(
        (row) => html`<li><strong>${row.title}</strong><p>${row.why}</p><p class="muted">${row.targets}</p></li>`,
      )}</ol>`,
  );
}

const BAR = { width: 640, label: 190, track: 300, row: 34 } as const;

/** Horizontal bars (requests, then bytes) per parent company, with the values written out. */
function parentChart(rows: ParentRow[], lang: Lang): Html {
  const height = rows.length * BAR.row + 4;
  const clip = (text: string) => (text.length > 26 ? `${text.slice(0, 25)}…` : text);
  const bars = rows.map((row, index) => {
    const y = index * BAR.row + 2;
    const requests = Math.max(0, Math.min(1, row.requestShare)) * BAR.track;
    const bytes = Math.max(0, Math.min(1, row.byteShare)) * BAR.track;
    const valueX = BAR.label + BAR.track + 8;
    return html`<g>
<text x="0" y="${y + 19}">${clip(row.parent)}</text>
<rect class="track" x="${BAR.label}" y="${y + 3}" width="${BAR.track}" height="12"/>
<rect class="requests" x="${BAR.label}" y="${y + 3}" width="${requests.toFixed(1)}" height="12"/>
<rect class="track" x="${BAR.label}" y="${y + 17}" width="${BAR.track}" height="8"/>
<rect class="bytes" x="${BAR.label}" y="${y + 17}" width="${bytes.toFixed(1)}" height="8"/>
<text x="${valueX}" y="${y + 14}" class="small">${row.requests}</text>
<text x="${valueX}" y="${y + 27}" class="small">${row.bytes}</text>
</g>`;
  });
  return html`<figure class="chart">
<svg role="img" aria-labelledby="chart-title" viewBox="0 0 ${BAR.width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">${t(lang, 'report.organisations.chart')}</title>
${bars}
</svg>
<figcaption class="muted">${t(lang, 'report.organisations.chart')}${colon(lang)}${t(lang, 'report.organisations.legend')}</figcaption>
</figure>`;
}

export function organisationsSection(facts: DependencyFacts, lang: Lang): Html {
  const part = facts.organisations;
  const columns = ['parent', 'country', 'jurisdiction', '#requestsCol', '#bytesCol', 'domains'].map((key) =>
    key.startsWith('#') ? `#${t(lang, `report.organisations.${key.slice(1)}`)}` : t(lang, `report.organisations.${key}`),
  );
  const rows = part.rows.map(
    (row) =>
      html`<tr><th scope="row">${row.parent}</th><td>${row.country}</td><td>${row.jurisdiction}</td><td class="num">${row.requests}</td><td class="num">${row.bytes}</td><td class="list">${row.domains}</td></tr>`,
  );
  return section(
    'organisations',
    t(lang, 'report.heading.organisations'),
    status(part) ?? html`${parentChart(part.rows, lang)}${table(t(lang, 'report.organisations.caption'), columns, rows)}`,
  );
}

export function trackersSection(facts: DependencyFacts, lang: Lang): Html {
  const { summary, named } = facts.trackers;
  const columns = ['name', 'kind', 'served', 'beforeCol', 'remark', 'evidence'].map((key) => t(lang, `report.trackers.${key}`));
  const rows = named.rows.map(
    (row) =>
      html`<tr><th scope="row">${row.name}</th><td>${row.kind}</td><td>${row.served}</td><td>${row.before}</td><td>${row.remark ?? ''}</td><td class="evidence">${row.evidence}</td></tr>`,
  );
  return section(
    'trackers',
    t(lang, 'report.heading.trackers'),
    html`${status(summary) ?? labelled(t(lang, 'report.trackers.summary'), summary.rows)}
${named.rows.length > 0 ? table(t(lang, 'report.trackers.named'), columns, rows) : status(named)}`,
  );
}

export function consentSection(facts: DependencyFacts, lang: Lang): Html {
  const { rows, disclaimer } = facts.consent;
  return section(
    'consent',
    t(lang, 'report.heading.consent'),
    html`${status(rows) ?? labelled(t(lang, 'report.heading.consent'), rows.rows)}
<p class="disclaimer">${disclaimer}</p>`,
  );
}

export function cookiesSection(facts: DependencyFacts, lang: Lang): Html {
  const { summary, rows, more } = facts.cookies;
  const columns = ['name', 'domain', 'party', 'lifetime', 'beforeCol'].map((key) => t(lang, `report.cookies.${key}`));
  const details = rows.map(
    (row) =>
      html`<tr><th scope="row">${row.name}</th><td>${row.domain}</td><td>${row.party}</td><td>${row.longLived ? html`<strong>${row.lifetime}</strong>` : row.lifetime}</td><td>${row.before}</td></tr>`,
  );
  return section(
    'cookies',
    t(lang, 'report.heading.cookies'),
    status(summary) ??
      html`${labelled(t(lang, 'report.heading.cookies'), summary.rows)}
${rows.length > 0 ? table(t(lang, 'report.cookies.caption'), columns, details) : null}
${more ? html`<p>${more}</p>` : null}`,
  );
}

export function widgetsSection(facts: DependencyFacts, lang: Lang): Html {
  const part = facts.widgets;
  const columns = ['name', 'kind', 'vendor', 'ai', 'evidence'].map((key) => t(lang, `report.widgets.${key}`));
  const rows = part.rows.map(
    (row) =>
      html`<tr${row.isAi ? html` class="ai"` : null}><th scope="row">${row.name}</th><td>${row.kind}</td><td>${row.vendor}</td><td>${row.isAi ? html`<strong>${row.ai}</strong>` : row.ai}</td><td class="evidence">${row.evidence}</td></tr>`,
  );
  return section('widgets', t(lang, 'report.heading.widgets'), status(part) ?? table(t(lang, 'report.widgets.caption'), columns, rows));
}

export function accessSection(facts: DependencyFacts, lang: Lang): Html {
  const part = facts.access;
  const columns = ['route', 'status', 'evidence'].map((key) => t(lang, `report.access.${key}`));
  const rows = part.rows.map(
    (row) =>
      html`<tr><th scope="row">${row.route}</th><td>${row.found ? row.status : html`<strong>${row.status}</strong>`}</td><td class="evidence">${row.evidence}</td></tr>`,
  );
  return section('access', t(lang, 'report.heading.access'), status(part) ?? table(t(lang, 'report.access.caption'), columns, rows));
}
