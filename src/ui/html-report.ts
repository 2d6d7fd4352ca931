import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import { reportFacts, type LabelledValue } from './report-facts';
import { Html, html, standaloneDocument } from './html';
import {
  accessSection,
  consentSection,
  cookiesSection,
  deductionsSection,
  organisationsSection,
  recommendationsSection,
  trackersSection,
  widgetsSection,
} from './html-dependencies';
import { comparisonSection, emissionsSection, methodSection, rgesnSection, weightSection } from './html-footprint';
import { planSection } from './html-plan';

export { escapeHtml } from './html';

/**
 * The standalone HTML report: one file, inline CSS, no script and no external
 * resource (a Content-Security-Policy says so to the browser too), printable,
 * dark mode through prefers-color-scheme, readable without colour. Shared by
 * the CLI (`--out`) and the extension's export, so it imports no Node or
 * browser API. Every interpolated value goes through `escapeHtml` (./html.ts):
 * titles, URLs, domains, cookie names and evidence come from the page being
 * measured and may be hostile.
 */

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --line: #ccc; --accent: #0b5394; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #151515; --muted: #aaa; --line: #444; --accent: #8ab4f8; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
.url { font-family: ui-monospace, monospace; overflow-wrap: anywhere; margin: 0; }
.muted, footer { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
caption { text-align: left; color: var(--muted); padding-bottom: .25rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
/* URLs and lists may break anywhere; words in other cells never do */
td.evidence, td.list, .url { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.grade { display: inline-block; min-width: 2.2em; text-align: center; font-weight: 700; font-size: 1.6rem;
  border: 2px solid currentColor; border-radius: .3em; margin-right: .5rem; }
.grade-A, .grade-B { color: #1e7b34; } .grade-C, .grade-D { color: #8a6d00; } .grade-E, .grade-F, .grade-G { color: #b3261e; }
@media (prefers-color-scheme: dark) { .grade-A, .grade-B { color: #7bd88f; } .grade-C, .grade-D { color: #f2cc60; } .grade-E, .grade-F, .grade-G { color: #ff8a80; } }
footer { margin-top: 2.5rem; font-size: .875rem; }
.grades { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; } .grades > div { flex: 1 1 18rem; } .grades p { margin: .25rem 0; }
.chart { margin: .5rem 0 1rem; max-width: 48rem; } .chart svg { display: block; color: var(--fg); font: 13px system-ui, sans-serif; }
.chart text { fill: currentColor; } .chart .small { font-size: 11px; }
.chart .track { fill: none; stroke: currentColor; stroke-width: .6; } .chart .requests { fill: var(--accent); } .chart .bytes { fill: currentColor; fill-opacity: .45; }
.chart .bytes-solid { fill: currentColor; fill-opacity: .8; } h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
tr.fail strong { text-decoration: underline; } ul.ratios { padding-left: 1.2rem; }
tr.note td { color: var(--muted); } td.evidence { font-size: .85rem; color: var(--muted); min-width: 12rem; }
.disclaimer { border-left: 3px solid var(--line); padding-left: .75rem; font-style: italic; }
ol.recommendations li { margin-bottom: .75rem; } ol.recommendations p { margin: .2rem 0; }
@media print { body { background: #fff; color: #000; } main { max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

/** The report as a complete HTML document, in `lang`. */
export function renderReportHtml(report: Report, lang: Lang): string {
  const facts = reportFacts(report, lang, Number.POSITIVE_INFINITY);
  const rowsOf = (items: LabelledValue[]) =>
    items.map((item) => html`<tr><th scope="row">${item.label}</th><td>${item.value}</td></tr>`);
  const grade = facts.environment.grade;
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  const pageRows: LabelledValue[] = [
    ...(facts.title ? [{ label: t(lang, 'report.page.title'), value: facts.title }] : []),
    { label: t(lang, 'report.page.url'), value: facts.url },
    ...(facts.finalUrl ? [{ label: t(lang, 'report.page.finalUrl'), value: facts.finalUrl }] : []),
    ...facts.measurement,
  ];

  const body = html`<main>
<header>
<h1>${t(lang, 'report.title')}</h1>
<p class="url">${facts.url}</p>
${facts.title ? html`<p>${facts.title}</p>` : null}
</header>
<section aria-labelledby="h-grades">
<h2 id="h-grades">${t(lang, 'report.heading.grades')}</h2>
<div class="grades">
<div>
<p>${gradeBadge(facts.dependencies.score.grade)}<strong>${t(lang, 'report.dependencies.grade')}</strong>${colon}${facts.dependencies.score.value}</p>
<p class="muted">${facts.dependencies.score.scale}</p>
</div>
<div>
<p>${gradeBadge(grade)}<strong>${t(lang, 'report.environment.grade')}</strong>${colon}${facts.environment.value}</p>
<p class="muted">${facts.environment.scale}</p>
</div>
</div>
</section>
<section aria-labelledby="h-figures">
<h2 id="h-figures">${t(lang, 'report.heading.figures')}</h2>
<table><caption class="visually-hidden">${t(lang, 'report.heading.figures')}</caption><tbody>${rowsOf(facts.figures)}</tbody></table>
</section>
${planSection(report, lang)}
${emissionsSection(facts.footprint, lang)}
${weightSection(facts.footprint, lang)}
${comparisonSection(facts.footprint, lang)}
${rgesnSection(facts.footprint, lang)}
${deductionsSection(facts.dependencies, lang)}
${recommendationsSection(facts.dependencies, lang)}
${organisationsSection(facts.dependencies, lang)}
${trackersSection(facts.dependencies, lang)}
${consentSection(facts.dependencies, lang)}
${cookiesSection(facts.dependencies, lang)}
${widgetsSection(facts.dependencies, lang)}
${accessSection(facts.dependencies, lang)}
<section aria-labelledby="h-third-parties">
<h2 id="h-third-parties">${facts.thirdParties.heading}</h2>
${facts.thirdParties.none ? html`<p>${facts.thirdParties.none}</p>` : thirdPartyTable(facts.thirdParties.rows, lang)}
${facts.thirdParties.more ? html`<p>${facts.thirdParties.more}</p>` : null}
</section>
${methodSection(facts.footprint, lang)}
${
  facts.notes.length > 0
    ? html`<section aria-labelledby="h-notes">
<h2 id="h-notes">${t(lang, 'report.heading.notes')}</h2>
<ul>${facts.notes.map((note) => html`<li>${note}</li>`)}</ul>
</section>`
    : null
}
<section aria-labelledby="h-page">
<h2 id="h-page">${t(lang, 'report.heading.page')}</h2>
<table><caption class="visually-hidden">${t(lang, 'report.heading.page')}</caption><tbody>${rowsOf(pageRows)}</tbody></table>
</section>
<footer><p>${t(lang, 'report.footer', { version: report.versions.tool })}</p></footer>
</main>`;

  return standaloneDocument(lang, `${t(lang, 'report.title')} — ${facts.url}`, STYLE, body);
}

/** The grade letter in a box: the letter itself says the grade, colour only adds to it. */
function gradeBadge(grade: string | null): Html | null {
  return grade ? html`<span class="grade grade-${grade}">${grade}</span>` : null;
}

function thirdPartyTable(rows: ReturnType<typeof reportFacts>['thirdParties']['rows'], lang: Lang): Html {
  return html`<table><caption>${t(lang, 'report.thirdParties.caption')}</caption>
<thead><tr><th scope="col">${t(lang, 'report.thirdParties.domain')}</th><th scope="col">${t(lang, 'report.thirdParties.entity')}</th><th scope="col">${t(lang, 'report.thirdParties.category')}</th><th scope="col">${t(lang, 'report.organisations.parent')}</th><th scope="col">${t(lang, 'report.trackers.name')}</th><th scope="col" class="num">${t(lang, 'report.parties.requests')}</th><th scope="col" class="num">${t(lang, 'report.parties.bytes')}</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${row.domain}</th><td>${row.entity}</td><td>${row.category}</td><td>${row.parent}</td><td>${row.tracker}</td><td class="num">${row.requests}</td><td class="num">${row.bytes}</td></tr>`)}</tbody></table>`;
}
