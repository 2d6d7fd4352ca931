import { html, nothing, type TemplateResult } from 'lit';
import { t, type Lang } from '../i18n/index';
import type { DependencyFacts, ParentRow } from './dependency-facts';
import { barChart, column, labelled, section, status, table } from './report-parts';

/**
 * The dependency sections of the full report, from the same facts as the
 * standalone HTML export (./dependency-facts.ts) so that both say the same.
 */

export function dependenciesSection(facts: DependencyFacts, lang: Lang): TemplateResult {
  const { score, organisations } = facts;
  return section(
    'dependencies',
    t(lang, 'report.heading.dependencies'),
    html`
      ${section(
        'deductions',
        t(lang, 'report.heading.deductions'),
        html`${status(score.deductions)}
        ${score.deductions.rows.length > 0
          ? html`<ul>
              ${score.deductions.rows.map(
                (row) => html`<li><strong>${row.points}</strong> — ${row.reason}</li>`,
              )}
            </ul>`
          : nothing}`,
        3,
      )}
      ${section('organisations', t(lang, 'report.heading.organisations'), organisationsBody(organisations.rows, organisations.status, lang), 3)}
      ${section('trackers', t(lang, 'report.heading.trackers'), trackersBody(facts, lang), 3)}
      ${section('before-interaction', t(lang, 'fullreport.before.heading'), beforeBody(facts, lang), 3)}
      ${section('cookies', t(lang, 'report.heading.cookies'), cookiesBody(facts, lang), 3)}
    `,
  );
}

function organisationsBody(rows: ParentRow[], statusText: string | null, lang: Lang): TemplateResult {
  if (statusText !== null) return html`<p class="muted">${statusText}</p>`;
  return html`${barChart(
      t(lang, 'fullreport.heading.shareChart'),
      rows.map((row) => ({
        label: row.parent,
        detail: row.country,
        byteShare: row.byteShare,
        requestShare: row.requestShare,
        byteText: row.bytes,
        requestText: row.requests,
      })),
      lang,
    )}
    ${table(
      t(lang, 'report.heading.organisations'),
      [
        t(lang, 'report.organisations.parent'),
        column(t(lang, 'csv.country')),
        column(t(lang, 'csv.jurisdiction')),
        column(t(lang, 'csv.domain')),
        '#' + column(t(lang, 'csv.requests')),
        '#' + column(t(lang, 'csv.bytes')),
      ],
      rows.map(
        (row) => html`<tr data-test="organisation">
          <th scope="row">${row.parent}</th>
          <td>${row.country}</td>
          <td>${row.jurisdiction}</td>
          <td>${row.domains}</td>
          <td class="num">${row.requests}</td>
          <td class="num">${row.bytes}</td>
        </tr>`,
      ),
    )}`;
}

function trackersBody(facts: DependencyFacts, lang: Lang): TemplateResult {
  const { summary, named } = facts.trackers;
  return html`${status(summary)}
    ${summary.rows.length > 0 ? labelled(t(lang, 'report.heading.trackers'), summary.rows) : nothing}
    ${named.rows.length > 0
      ? table(
          t(lang, 'report.trackers.named'),
          [t(lang, 'report.trackers.name'), column(t(lang, 'csv.type')), column(t(lang, 'csv.party')), column(t(lang, 'csv.before'))],
          named.rows.map(
            (row) => html`<tr>
              <th scope="row">${row.name}</th>
              <td>${row.kind}</td>
              <td>${row.served}</td>
              <td>${row.before}${row.remark ? html`<br /><span class="muted">${row.remark}</span>` : nothing}</td>
            </tr>`,
          ),
          true,
        )
      : html`<p class="muted">${named.status}</p>`}`;
}

function beforeBody(facts: DependencyFacts, lang: Lang): TemplateResult {
  const { rows } = facts.consent;
  return html`${rows.status ? html`<p class="muted">${rows.status}</p>` : labelled(t(lang, 'fullreport.before.heading'), rows.rows)}
    <p class="disclaimer">${facts.consent.disclaimer}</p>`;
}

function cookiesBody(facts: DependencyFacts, lang: Lang): TemplateResult {
  const { cookies } = facts;
  return html`${status(cookies.summary)}
    ${cookies.summary.rows.length > 0 ? labelled(t(lang, 'report.heading.cookies'), cookies.summary.rows) : nothing}
    ${cookies.rows.length > 0
      ? table(
          t(lang, 'report.heading.cookies'),
          [t(lang, 'report.cookies.name'), column(t(lang, 'csv.domain')), column(t(lang, 'csv.party')), t(lang, 'report.cookies.lifetime'), column(t(lang, 'csv.before'))],
          cookies.rows.map(
            (row) => html`<tr>
              <th scope="row">${row.name}</th>
              <td>${row.domain}</td>
              <td>${row.party}</td>
              <td>${row.longLived ? html`<strong class="flag">${row.lifetime}</strong>` : row.lifetime}</td>
              <td>${row.before}</td>
            </tr>`,
          ),
        )
      : nothing}
    ${cookies.more ? html`<p>${cookies.more}</p>` : nothing}`;
}

export function widgetsSection(facts: DependencyFacts, lang: Lang): TemplateResult {
  const { widgets } = facts;
  const ai = widgets.rows.filter((row) => row.isAi);
  return section(
    'ai-widgets',
    t(lang, 'fullreport.heading.ai'),
    html`${widgets.status !== null && widgets.rows.length === 0 && widgets.status === t(lang, 'report.notEvaluated')
        ? html`<p class="muted">${t(lang, 'fullreport.ai.notEvaluated')}</p>`
        : ai.length === 0
          ? html`<p>${t(lang, 'fullreport.ai.none')}</p>`
          : html`<ul>
              ${ai.map((row) => html`<li data-test="ai-widget"><strong>${row.name}</strong> — ${row.ai} (${row.vendor})</li>`)}
            </ul>`}
      ${section(
        'widgets',
        t(lang, 'report.heading.widgets'),
        html`${status(widgets)}
        ${widgets.rows.length > 0
          ? table(
              t(lang, 'report.heading.widgets'),
              [t(lang, 'report.widgets.name'), t(lang, 'report.widgets.vendor'), column(t(lang, 'csv.type')), t(lang, 'report.widgets.ai')],
              widgets.rows.map(
                (row) => html`<tr>
                  <th scope="row">${row.name}</th>
                  <td>${row.vendor}</td>
                  <td>${row.kind}</td>
                  <td>${row.isAi ? html`<strong class="flag">${row.ai}</strong>` : row.ai}</td>
                </tr>`,
              ),
            )
          : nothing}`,
        3,
      )}`,
  );
}

export function accessSection(facts: DependencyFacts, lang: Lang): TemplateResult {
  const { access } = facts;
  return section(
    'access',
    t(lang, 'report.heading.access'),
    html`${status(access)}
    ${access.rows.length > 0
      ? html`<ul>
          ${access.rows.map(
            (row) => html`<li>
              ${row.route}${lang === 'fr' ? '\u00a0: ' : ': '}${row.found ? row.status : html`<strong class="flag">${row.status}</strong>`}
              ${row.evidence ? html`<span class="muted">— ${row.evidence}</span>` : nothing}
            </li>`,
          )}
        </ul>`
      : nothing}`,
  );
}

export function recommendationsSection(facts: DependencyFacts, lang: Lang): TemplateResult {
  const { recommendations } = facts;
  return section(
    'recommendations',
    t(lang, 'report.heading.recommendations'),
    html`${status(recommendations)}
    ${recommendations.rows.length > 0
      ? html`<ol class="recommendations">
          ${recommendations.rows.map(
            (row) => html`<li data-test="recommendation">
              <strong>${row.title}</strong>
              <p>${row.why}</p>
              <p class="muted">${row.targets}</p>
            </li>`,
          )}
        </ol>`
      : nothing}`,
  );
}
