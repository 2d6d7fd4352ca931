import { html, nothing, type TemplateResult } from 'lit';
import { t, type Lang } from '../i18n/index';
import type { FootprintFacts, WeightRow } from './footprint-facts';
import type { ReportFacts } from './report-facts';
import type { Part } from './dependency-facts';
import { barChart, column, labelled, section, status, table } from './report-parts';

/** The environment and method sections of the full report, from ./footprint-facts.ts (as the HTML export). */

export function environmentSection(facts: ReportFacts, lang: Lang): TemplateResult {
  const footprint = facts.footprint;
  return section(
    'environment',
    t(lang, 'fullreport.heading.environment'),
    html`
      <p>
        ${facts.environment.grade
          ? html`<span class="grade" aria-hidden="true">${facts.environment.grade}</span>`
          : nothing}<strong>${t(lang, 'report.environment.grade')}</strong>${lang === 'fr' ? '\u00a0: ' : ': '}${facts.environment.value}
      </p>
      <p class="muted">${facts.environment.scale}</p>
      ${labelled(t(lang, 'report.heading.figures'), facts.figures)}
      ${section(
        'emissions',
        t(lang, 'report.heading.emissions'),
        html`${labelled(t(lang, 'report.heading.emissions'), [footprint.co2.total, ...footprint.co2.context, ...footprint.models.rows.slice(1)])}
          ${table(
            t(lang, 'report.heading.emissions'),
            [t(lang, 'fullreport.column.item'), '#' + footprint.co2.total.label, '#%'],
            footprint.co2.segments.map(
              (row) => html`<tr><th scope="row">${row.label}</th><td class="num">${row.grams}</td><td class="num">${row.shareText}</td></tr>`,
            ),
          )}
          <p class="muted">${footprint.models.note}</p>`,
        3,
      )}
      ${section('weight', t(lang, 'fullreport.heading.weightChart'), weightBody(footprint, lang), 3)}
      ${section('rgesn', t(lang, 'report.heading.rgesn'), rgesnBody(footprint, lang), 3)}
    `,
  );
}

function weightBody(footprint: FootprintFacts, lang: Lang): TemplateResult {
  const chart = (part: Part<WeightRow>, title: string) =>
    html`<h4>${title}</h4>
      ${status(part)}
      ${barChart(
        title,
        part.rows.map((row) => ({
          label: row.label,
          detail: row.detail,
          byteShare: row.byteShare,
          requestShare: row.requestShare,
          byteText: row.shareText,
          requestText: row.requestText,
        })),
        lang,
      )}
      ${part.rows.length > 0
        ? table(
            title,
            [t(lang, 'fullreport.column.item'), '#' + column(t(lang, 'csv.bytes')), '#' + column(t(lang, 'csv.requests'))],
            part.rows.map(
              (row) => html`<tr><th scope="row">${row.label}</th><td class="num">${row.shareText}</td><td class="num">${row.requestText}</td></tr>`,
            ),
          )
        : nothing}`;
  const { weight } = footprint;
  return html`${chart(weight.byPurpose, t(lang, 'report.weight.byPurpose'))}
  ${chart(weight.byType, t(lang, 'report.weight.byType'))}
  ${chart(weight.byOrganisation, t(lang, 'report.weight.byOrganisation'))}`;
}

function rgesnBody(footprint: FootprintFacts, lang: Lang): TemplateResult {
  const { rgesn } = footprint;
  return html`${status(rgesn)}
  ${rgesn.rows.length > 0
    ? table(
        t(lang, 'report.heading.rgesn'),
        [t(lang, 'report.rgesn.title'), t(lang, 'report.rgesn.status'), t(lang, 'report.rgesn.measured')],
        rgesn.rows.map(
          (row) => html`<tr>
            <th scope="row">${row.id} — ${row.title}</th>
            <td>${row.failed ? html`<strong class="flag">${row.status}</strong>` : row.status}</td>
            <td>${row.measured}${row.evidence ? html`<br /><span class="muted">${row.evidence}</span>` : nothing}</td>
          </tr>`,
        ),
      )
    : nothing}`;
}

export function methodSection(facts: ReportFacts, lang: Lang): TemplateResult {
  return section(
    'method',
    t(lang, 'report.heading.method'),
    html`${labelled(t(lang, 'report.heading.method'), [...facts.footprint.method, ...facts.measurement.slice(1)])}
    ${facts.notes.length > 0
      ? html`<h3>${t(lang, 'report.heading.notes')}</h3>
          <ul>
            ${facts.notes.map((note) => html`<li>${note}</li>`)}
          </ul>`
      : nothing}`,
  );
}
