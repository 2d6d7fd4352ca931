/**
 * The sector report's table of sites: complete and readable without script;
 * a small inline script (./sector-html.ts) turns the column headers into
 * sort buttons and keeps `aria-sort` in step. Each cell's `data-sort` holds
 * the raw value the script sorts by (numbers as numbers, empty = unknown).
 */
import { formatBytes, t, type Lang } from '../../i18n/index';
import { html, type Html } from '../../ui/html';
import type { SectorStats, SiteLine } from './sector-stats';
import { actionTitle } from './sector-wins-html';

interface Column {
  key: string;
  numeric: boolean;
  cell: (site: SiteLine) => { text: string | Html; sort: string | number | null };
}

function columns(lang: Lang, withRefusal: boolean): Column[] {
  const none = t(lang, 'sector.none');
  const unknown = t(lang, 'sector.unknown');
  const list = (items: string[]) => ({ text: items.length === 0 ? none : items.join(', '), sort: items.length });
  const all: (Column | null)[] = [
    {
      key: 'site',
      numeric: false,
      cell: (site) => ({ text: html`${site.name === null ? null : html`<span class="name">${site.name}</span><br>`}<span class="url">${site.site}</span>`, sort: site.name ?? site.site }),
    },
    { key: 'category', numeric: false, cell: (site) => ({ text: site.category ?? '', sort: site.category ?? '' }) },
    { key: 'region', numeric: false, cell: (site) => ({ text: site.region ?? '', sort: site.region ?? '' }) },
    { key: 'pages', numeric: true, cell: (site) => ({ text: t(lang, 'sector.table.pagesValue', { ok: site.pagesOk, total: site.pages }), sort: site.pagesOk }) },
    {
      key: 'dependency',
      numeric: true,
      cell: (site) =>
        site.dependency
          ? { text: t(lang, 'sector.table.gradeValue', { grade: site.dependency.grade, score: Math.round(site.dependency.score) }), sort: site.dependency.score }
          : { text: unknown, sort: null },
    },
    {
      key: 'ecoIndex',
      numeric: true,
      cell: (site) =>
        site.ecoIndex
          ? { text: t(lang, 'sector.table.gradeValue', { grade: site.ecoIndex.grade, score: site.ecoIndex.score }), sort: site.ecoIndex.score }
          : { text: unknown, sort: null },
    },
    { key: 'bytes', numeric: true, cell: (site) => (site.bytes === null ? { text: unknown, sort: null } : { text: formatBytes(lang, site.bytes), sort: site.bytes }) },
    { key: 'thirdParties', numeric: true, cell: (site) => ({ text: String(site.thirdParties), sort: site.thirdParties }) },
    { key: 'trackersBefore', numeric: true, cell: (site) => (site.trackersBefore === null ? { text: unknown, sort: null } : { text: String(site.trackersBefore), sort: site.trackersBefore }) },
    withRefusal
      ? {
          key: 'trackersAfterRefusal',
          numeric: true,
          cell: (site) =>
            site.trackersAfterRefusal === null ? { text: t(lang, 'sector.notMeasured'), sort: null } : { text: String(site.trackersAfterRefusal), sort: site.trackersAfterRefusal },
        }
      : null,
    { key: 'ai', numeric: false, cell: (site) => list(site.aiWidgets) },
    { key: 'ticketing', numeric: false, cell: (site) => list(site.ticketing) },
    {
      key: 'route',
      numeric: false,
      cell: (site) => ({ text: site.route === null ? unknown : t(lang, site.route ? 'sector.yes' : 'sector.no'), sort: site.route === null ? '' : site.route ? '1' : '0' }),
    },
    {
      key: 'firstAction',
      numeric: false,
      cell: (site) => {
        const text = site.firstAction === null ? (site.pagesOk === 0 ? unknown : none) : actionTitle(lang, site.firstAction.action, site.firstAction.name, site.firstAction.target);
        return { text, sort: site.firstAction === null ? '' : text };
      },
    },
    {
      key: 'failures',
      numeric: false,
      cell: (site) => ({ text: site.failures.map((kind) => t(lang, `sector.failure.${kind}`)).join(', '), sort: site.failures.length }),
    },
  ];
  return all.filter((column): column is Column => column !== null);
}

export function sitesTable(stats: SectorStats, lang: Lang): Html {
  const cols = columns(lang, stats.afterRefusal !== null);
  const head = cols.map(
    (column, index) =>
      html`<th scope="col" class="${column.numeric ? 'num' : ''}" data-type="${column.numeric ? 'number' : 'text'}"${index === 0 ? html` aria-sort="ascending"` : null}>${t(lang, `sector.table.${column.key}`)}</th>`,
  );
  const body = stats.sites.map((site) => {
    const cells = cols.map((column) => {
      const { text, sort } = column.cell(site);
      return html`<td class="${column.numeric ? 'num' : column.key === 'site' ? 'site' : 'list'}" data-sort="${sort ?? ''}">${text}</td>`;
    });
    return html`<tr>${cells}</tr>`;
  });
  return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="sites-caption">
<table class="sortable">
<caption id="sites-caption">${t(lang, 'sector.table.caption', { count: stats.sites.length })}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${body}</tbody>
</table></div>`;
}

/** Static (no page data): makes the headers sort buttons. Its hash goes into the report's CSP. */
export const SORT_SCRIPT = `(function () {
  for (const table of document.querySelectorAll('table.sortable')) {
    const heads = Array.from(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        heads.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
        const numeric = th.dataset.type === 'number';
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        const key = function (row) { return row.cells[col].dataset.sort || ''; };
        rows.sort(function (a, b) {
          const x = key(a), y = key(b);
          if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
          const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, document.documentElement.lang);
          return dir === 'ascending' ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
})();`;
