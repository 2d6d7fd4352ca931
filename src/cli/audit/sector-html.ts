/**
 * The sector report: one self-contained HTML file (inline CSS, one small
 * inline script allowed by its hash in the Content-Security-Policy, no
 * external resource), printable, dark mode, charts readable without colour.
 * Figures come from ./sector-stats.ts; every value from the audited sites
 * goes through the escaping `html` template (src/ui/html.ts).
 */
import { createHash } from 'node:crypto';
import { dependencyGrades, ecoIndexGrades } from '../../core/report';
import { formatBytes, formatNumber, t, type Lang } from '../../i18n/index';
import { html, type Html } from '../../ui/html';
import { barChart } from './sector-charts';
import type { Prevalence, SectorStats } from './sector-stats';
import { SORT_SCRIPT, sitesTable } from './sector-table';
import { quickWinsSection } from './sector-wins-html';

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --line: #bbb; --accent: #0b5394; --warn: #8a4b00; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #151515; --muted: #b0b0b0; --line: #555; --accent: #8ab4f8; --warn: #f2cc60; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
.muted, footer { color: var(--muted); } .url { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.warning { border-left: 4px solid var(--warn); padding: .25rem .75rem; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; } table.grades { width: auto; }
caption { text-align: left; color: var(--muted); padding-bottom: .25rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.list, td.site { overflow-wrap: break-word; } td.site { min-width: 11rem; } td.site .url { overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; } .table-wrap:focus { outline: 2px solid var(--accent); }
button.sort { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
button.sort:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; } th[aria-sort="descending"] button.sort::after { content: " ▼"; }
.chart { margin: .5rem 0 1rem; } .chart svg { display: block; max-width: 100%; height: auto; color: var(--fg); font: 13px system-ui, sans-serif; }
.chart text { fill: currentColor; } .chart .track { fill: none; stroke: currentColor; stroke-width: .6; } .chart .bar { fill: var(--accent); }
footer { margin-top: 2.5rem; font-size: .875rem; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
@media print { body { background: #fff; color: #000; } main { max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } .table-wrap { overflow: visible; } }
`;

const TOP = 15;

function percent(lang: Lang, share: number): string {
  return t(lang, 'sector.percent', { value: formatNumber(lang, Math.round(share * 1000) / 10, 1) });
}

function ofSites(lang: Lang, count: number, total: number): string {
  return t(lang, 'sector.ofSites', { count, total, share: percent(lang, total === 0 ? 0 : count / total) });
}

function date(lang: Lang, iso: string | null): string {
  if (iso === null) return t(lang, 'sector.unknown');
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(value) + ' UTC';
}

function sampleSection(stats: SectorStats, lang: Lang): Html {
  const { sample } = stats;
  const fact = (key: string, value: string | Html) => html`<dt>${t(lang, `sector.sample.${key}`)}</dt><dd>${value}</dd>`;
  const failures =
    sample.failures.length === 0
      ? t(lang, 'sector.none')
      : html`<ul>${sample.failures.map((failure) => html`<li>${t(lang, 'sector.failureCount', { kind: t(lang, `sector.failure.${failure.kind}`), count: failure.count })}</li>`)}</ul>`;
  const versions = (list: string[]) => (list.length === 0 ? t(lang, 'sector.unknown') : list.join(', '));
  return html`<section aria-labelledby="sample-title"><h2 id="sample-title">${t(lang, 'sector.sample.title')}</h2>
${sample.mixedVersions ? html`<p class="warning" role="note">${t(lang, 'sector.sample.mixedVersions')}</p>` : null}
<dl class="facts">
${fact('sites', t(lang, 'sector.sample.sitesValue', { sites: sample.sites, measured: stats.sitesMeasured }))}
${fact('pages', t(lang, 'sector.sample.pagesValue', { pages: sample.pages, measured: stats.pagesMeasured }))}
${fact('rows', t(lang, 'sector.sample.rowsValue', { rows: sample.rows, ok: sample.ok, failed: sample.failed }))}
${fact('modes', t(lang, 'sector.sample.modesValue', { none: sample.modes.none, refuse: sample.modes.refuse, accept: sample.modes.accept }))}
${fact('failures', failures)}
${fact('dates', t(lang, 'sector.sample.datesValue', { from: date(lang, sample.firstStartedAt), to: date(lang, sample.lastFinishedAt) }))}
${fact('tool', versions(sample.tools))}
${fact('catalog', versions(sample.catalogs))}
${fact('scoring', versions(sample.scorings))}
</dl>
<p class="muted">${t(lang, 'sector.sample.baseline')}</p></section>`;
}

function gradesSection(stats: SectorStats, lang: Lang): Html {
  const chart = (title: string, grades: readonly string[], counts: Record<string, number>, ungraded: number, note: string) => {
    const graded = grades.reduce((sum, grade) => sum + (counts[grade] ?? 0), 0);
    const bars = grades.map((grade) => {
      const n = counts[grade] ?? 0;
      return { label: t(lang, 'sector.grade', { grade }), value: n, text: t(lang, 'sector.countShare', { count: n, share: percent(lang, graded === 0 ? 0 : n / graded) }) };
    });
    return html`<section><h3>${title}</h3>${barChart(title, bars)}
<p class="muted">${t(lang, 'sector.grades.counted', { graded, ungraded })} ${note}</p></section>`;
  };
  return html`<section aria-labelledby="grades-title"><h2 id="grades-title">${t(lang, 'sector.grades.title')}</h2>
${chart(t(lang, 'sector.grades.dependency'), dependencyGrades, stats.dependencyGrades, stats.ungraded.dependency, '')}
${chart(t(lang, 'sector.grades.ecoIndex'), ecoIndexGrades, stats.ecoIndexGrades, stats.ungraded.ecoIndex, t(lang, 'sector.grades.ecoIndexNote'))}
</section>`;
}

function prevalenceBlock(lang: Lang, title: string, items: readonly Prevalence[], total: number, empty: string): Html {
  if (items.length === 0) return html`<h3>${title}</h3><p>${empty}</p>`;
  const shown = items.slice(0, TOP);
  const bars = shown.map((item) => ({ label: item.name, value: item.sites, text: ofSites(lang, item.sites, total) }));
  const more = items.length > TOP ? html`<p class="muted">${t(lang, 'sector.more', { count: items.length - TOP })}</p>` : null;
  const rows = items.map((item) => html`<tr><td>${item.name}</td><td class="num">${item.sites}</td><td class="num">${percent(lang, item.share)}</td></tr>`);
  return html`<h3>${title}</h3>${barChart(title, bars, total)}${more}
<details><summary>${t(lang, 'sector.fullList', { count: items.length })}</summary>
<table><thead><tr><th scope="col">${t(lang, 'sector.name')}</th><th scope="col" class="num">${t(lang, 'sector.sites')}</th><th scope="col" class="num">${t(lang, 'sector.share')}</th></tr></thead>
<tbody>${rows}</tbody></table></details>`;
}

function companiesSection(stats: SectorStats, lang: Lang): Html {
  return html`<section aria-labelledby="companies-title"><h2 id="companies-title">${t(lang, 'sector.companies.title')}</h2>
<p>${t(lang, 'sector.companies.intro', { sites: stats.sitesMeasured })}</p>
${prevalenceBlock(lang, t(lang, 'sector.companies.parents'), stats.parents, stats.sitesMeasured, t(lang, 'sector.companies.none'))}
${prevalenceBlock(lang, t(lang, 'sector.companies.organisations'), stats.organisations, stats.sitesMeasured, t(lang, 'sector.companies.none'))}
<p class="muted">${t(lang, 'sector.companies.csv')}</p></section>`;
}

function trackersSection(stats: SectorStats, lang: Lang): Html {
  const before = stats.trackersBefore;
  const refusal = stats.afterRefusal;
  const after =
    refusal === null
      ? html`<p><strong>${t(lang, 'sector.notMeasured')}</strong> — ${t(lang, 'sector.trackers.refusalNotMeasured')}</p>`
      : html`<ul>
<li>${t(lang, 'sector.trackers.refusalTried', { measured: refusal.sitesMeasured, refused: refusal.sitesRefused })}</li>
<li>${t(lang, 'sector.trackers.refusalAny', { value: ofSites(lang, refusal.sitesWithTrackers, refusal.sitesRefused) })}</li>
<li><strong>${t(lang, 'sector.trackers.refusalAfter', { value: ofSites(lang, refusal.sitesWithTrackersAfter, refusal.sitesRefused) })}</strong></li>
</ul>`;
  return html`<section aria-labelledby="trackers-title"><h2 id="trackers-title">${t(lang, 'sector.trackers.title')}</h2>
<h3>${t(lang, 'sector.trackers.before')}</h3>
<p>${t(lang, 'sector.trackers.beforeValue', { value: ofSites(lang, before.sitesWith, before.sitesKnown) })}</p>
${before.sitesKnown < stats.sitesMeasured ? html`<p class="muted">${t(lang, 'sector.trackers.beforeUnknown', { count: stats.sitesMeasured - before.sitesKnown })}</p>` : null}
<h3>${t(lang, 'sector.trackers.after')}</h3>${after}</section>`;
}

function servicesSection(stats: SectorStats, lang: Lang): Html {
  return html`<section aria-labelledby="services-title"><h2 id="services-title">${t(lang, 'sector.services.title')}</h2>
${prevalenceBlock(lang, t(lang, 'sector.services.ai'), stats.aiWidgets, stats.sitesMeasured, t(lang, 'sector.services.noAi'))}
${prevalenceBlock(lang, t(lang, 'sector.services.ticketing'), stats.ticketing, stats.sitesMeasured, t(lang, 'sector.services.noTicketing'))}
</section>`;
}

function weightSection(stats: SectorStats, lang: Lang): Html {
  const { weight } = stats;
  const title = t(lang, 'sector.weight.title');
  if (weight.medianBytes === null) return html`<section aria-labelledby="weight-title"><h2 id="weight-title">${title}</h2><p>${t(lang, 'sector.weight.none')}</p></section>`;
  const bars = [
    { label: t(lang, 'sector.weight.sample'), value: weight.medianBytes, text: formatBytes(lang, weight.medianBytes) },
    { label: t(lang, 'sector.weight.almanac'), value: weight.almanacBytes, text: formatBytes(lang, weight.almanacBytes) },
  ];
  return html`<section aria-labelledby="weight-title"><h2 id="weight-title">${title}</h2>
${barChart(title, bars)}
<p>${t(lang, 'sector.weight.value', {
    bytes: formatBytes(lang, weight.medianBytes),
    requests: weight.medianRequests ?? 0,
    pages: weight.pages,
    ratio: formatNumber(lang, weight.medianBytes / weight.almanacBytes, 2),
    almanacBytes: formatBytes(lang, weight.almanacBytes),
    almanacRequests: weight.almanacRequests,
  })}</p>
<p class="muted">${t(lang, 'sector.weight.source')} ${weight.almanacSource}</p></section>`;
}

function routeSection(stats: SectorStats, lang: Lang): Html {
  const { noRoute } = stats;
  const names = new Map(stats.sites.map((site) => [site.site, site.name]));
  return html`<section aria-labelledby="route-title"><h2 id="route-title">${t(lang, 'sector.route.title')}</h2>
<p>${t(lang, 'sector.route.value', { value: ofSites(lang, noRoute.sites.length, noRoute.evaluated) })}</p>
${noRoute.sites.length === 0 ? null : html`<ul>${noRoute.sites.map((site) => html`<li>${names.get(site) ?? site} <span class="url">(${site})</span></li>`)}</ul>`}
<p class="muted">${t(lang, 'sector.route.note')}</p></section>`;
}

export function renderSectorHtml(stats: SectorStats, lang: Lang): string {
  const scriptHash = createHash('sha256').update(SORT_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:`;
  const body = html`<main>
<header><h1>${t(lang, 'sector.title')}</h1><p class="muted">${t(lang, 'sector.subtitle', { sites: stats.sample.sites, pages: stats.sample.pages })}</p></header>
${sampleSection(stats, lang)}
${gradesSection(stats, lang)}
${companiesSection(stats, lang)}
${quickWinsSection(stats.quickWins, lang)}
${trackersSection(stats, lang)}
${servicesSection(stats, lang)}
${weightSection(stats, lang)}
${routeSection(stats, lang)}
<section aria-labelledby="sites-title"><h2 id="sites-title">${t(lang, 'sector.table.title')}</h2>
<p class="muted">${t(lang, 'sector.table.intro')}</p>
${sitesTable(stats, lang)}</section>
<footer><p>${t(lang, 'sector.footer')}</p></footer>
</main>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(lang, 'sector.title')}</title>
<style>${STYLE}</style>
</head>
<body>
${body.text}
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
