/**
 * The sector report's "quick wins" section (./sector-wins.ts): the actions
 * the sites' plans propose most often, what each would change across the
 * sample, and the sector if every site did its own first three actions.
 * Tables rather than charts: each figure is read against the others. Names
 * come from the catalog or, for uncatalogued services, from the audited
 * pages: all through the escaping `html` template.
 */
import { dependencyGrades } from '../../core/report';
import { formatBytes, formatNumber, t, type Lang } from '../../i18n/index';
import { html, type Html } from '../../ui/html';
import type { QuickWin, SectorWins } from './sector-wins';

const TOP = 15;
/** organisations shown in a cell; the CSV lists them all */
const ORGANISATIONS_SHOWN = 4;

const percent = (lang: Lang, share: number): string => t(lang, 'sector.percent', { value: formatNumber(lang, Math.round(share * 1000) / 10, 1) });

/**
 * The plan's own title ("Remove Facebook"), with the domain when the target
 * is one: several domains of one company can share a name ("Google/Doubleclick
 * Ads" for doubleclick.net, googlesyndication.com…) and must read apart.
 */
export function actionTitle(lang: Lang, action: string, name: string, target: string): string {
  const title = t(lang, `plan.${action}.title`, { name });
  return target.includes('.') && target !== name ? t(lang, 'sector.wins.actionDomain', { title, domain: target }) : title;
}

function winRow(win: QuickWin, planned: number, lang: Lang): Html {
  const organisations = win.organisations.slice(0, ORGANISATIONS_SHOWN).map((org) => t(lang, 'sector.wins.organisationValue', { name: org.name, sites: org.sites }));
  const more = win.organisations.length - ORGANISATIONS_SHOWN;
  if (more > 0) organisations.push(t(lang, 'sector.wins.organisationsMore', { count: more }));
  return html`<tr>
<td class="list">${actionTitle(lang, win.action, win.name, win.target)}</td>
<td class="num">${t(lang, 'sector.ofSites', { count: win.sites.length, total: planned, share: percent(lang, win.share) })}</td>
<td class="num">${t(lang, 'sector.wins.totalMedian', { total: formatBytes(lang, win.bytesSaved.total), median: formatBytes(lang, win.bytesSaved.median) })}</td>
<td class="num">${t(lang, 'sector.wins.totalMedian', { total: formatNumber(lang, win.requestsRemoved.total, 0), median: formatNumber(lang, win.requestsRemoved.median, 1) })}</td>
<td class="num">${win.graded === 0 ? t(lang, 'sector.unknown') : t(lang, 'sector.wins.gradeUpsValue', { count: win.gradeUps, total: win.graded })}</td>
<td class="list">${organisations.length === 0 ? t(lang, 'sector.none') : organisations.join(', ')}</td>
</tr>`;
}

function winsTable(wins: SectorWins, lang: Lang): Html {
  const shown = wins.wins.slice(0, TOP);
  const head = ['action', 'sites', 'bytes', 'requests', 'gradeUp', 'organisations'].map(
    (key, index) => html`<th scope="col" class="${index === 0 || index === 5 ? '' : 'num'}">${t(lang, `sector.wins.col.${key}`)}</th>`,
  );
  return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="wins-caption">
<table>
<caption id="wins-caption">${t(lang, 'sector.wins.caption', { count: shown.length })}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${shown.map((win) => winRow(win, wins.sitesPlanned, lang))}</tbody>
</table></div>
${wins.wins.length > TOP ? html`<p class="muted">${t(lang, 'sector.wins.more', { count: wins.wins.length - TOP })}</p>` : null}`;
}

function firstThree(wins: SectorWins, lang: Lang): Html {
  const { effect } = wins;
  const bytes = (value: number | null) => (value === null ? t(lang, 'sector.unknown') : formatBytes(lang, value));
  const count = (value: number | null) => (value === null ? t(lang, 'sector.unknown') : formatNumber(lang, value, 1));
  const rows = dependencyGrades.map(
    (grade) => html`<tr><th scope="row">${t(lang, 'sector.grade', { grade })}</th><td class="num">${effect.gradesBefore[grade]}</td><td class="num">${effect.gradesAfter[grade]}</td></tr>`,
  );
  return html`<h3>${t(lang, 'sector.wins.firstThree')}</h3>
<p>${t(lang, 'sector.wins.firstThreeIntro', { changed: effect.sitesChanged, planned: wins.sitesPlanned })}</p>
<ul>
<li>${t(lang, 'sector.wins.gradeUps', { count: effect.gradeUps, total: effect.graded })}</li>
<li>${t(lang, 'sector.wins.weight', { before: bytes(effect.medianBytes.before), after: bytes(effect.medianBytes.after), requestsBefore: count(effect.medianRequests.before), requestsAfter: count(effect.medianRequests.after) })}</li>
<li>${t(lang, 'sector.wins.saved', { bytes: formatBytes(lang, effect.bytesSaved), sites: wins.sitesPlanned })}</li>
</ul>
<table class="grades">
<caption>${t(lang, 'sector.wins.gradesCaption', { graded: effect.graded })}</caption>
<thead><tr><th scope="col">${t(lang, 'sector.wins.col.grade')}</th><th scope="col" class="num">${t(lang, 'sector.wins.now')}</th><th scope="col" class="num">${t(lang, 'sector.wins.after')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

export function quickWinsSection(wins: SectorWins, lang: Lang): Html {
  const body =
    wins.wins.length === 0
      ? html`<p>${t(lang, 'sector.wins.none')}</p>`
      : html`${winsTable(wins, lang)}${firstThree(wins, lang)}<p class="muted">${t(lang, 'sector.wins.csv')}</p>`;
  return html`<section aria-labelledby="wins-title"><h2 id="wins-title">${t(lang, 'sector.wins.title')}</h2>
<p>${t(lang, 'sector.wins.intro', { planned: wins.sitesPlanned, measured: wins.sitesMeasured })}</p>
${body}</section>`;
}
