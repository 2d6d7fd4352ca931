import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Report } from '../core/report';
import { formatBytes, formatNumber, t, type Lang } from '../i18n/index';
import { baseStyles, gradeStyles } from './popup.styles';
import { topEntities } from './popup-view';

/**
 * The popup's summary of one report: environment grade, key figures and the
 * top third parties. It takes a Report and a language and never calls the
 * browser.
 */
@customElement('empreinte-popup-summary')
export class PopupSummary extends LitElement {
  static override styles = [baseStyles, gradeStyles];

  /** the report to summarise */
  @property({ attribute: false }) report: Report | null = null;
  /** interface language */
  @property() language: Lang = 'fr';
  /** the page is still loading: the figures are those so far */
  @property({ type: Boolean }) loading = false;

  override render() {
    const report = this.report;
    if (!report) return nothing;
    const lang = this.language;
    const { footprint } = report;
    const environment = report.scores.environment;
    const entities = topEntities(report, 5);
    const measured = Math.round(footprint.bytesMeasuredShare * 100);
    return html`
      ${this.loading
        ? html`<p class="status" role="status" data-test="loading">${t(lang, 'popup.loading')}</p>`
        : nothing}
      <section aria-labelledby="environment">
        <h2 id="environment">${t(lang, 'popup.environment.heading')}</h2>
        ${environment
          ? html`<div class="environment">
              <span class="grade grade-${environment.grade}" aria-hidden="true" data-test="grade"
                >${environment.grade}</span
              >
              <div>
                <p><strong>${t(lang, 'popup.environment.grade', { grade: environment.grade })}</strong></p>
                <p data-test="score">${t(lang, 'popup.environment.score', { score: environment.score })}</p>
                <p class="muted">${t(lang, 'grade.environment.scale')}</p>
              </div>
            </div>`
          : html`<p>${t(lang, 'popup.environment.pending')}</p>`}
      </section>
      <section aria-labelledby="figures">
        <h2 id="figures">${t(lang, 'popup.figures.heading')}</h2>
        <dl>
          <dt>${t(lang, 'popup.figures.weight')}</dt>
          <dd data-test="weight" data-bytes=${footprint.bytes}>
            ${formatBytes(lang, footprint.bytes)}
            <span class="muted">(${t(lang, 'popup.figures.measured', { share: measured })})</span>
          </dd>
          <dt>${t(lang, 'popup.figures.requests')}</dt>
          <dd data-test="requests">${formatNumber(lang, footprint.requests)}</dd>
          <dt>${t(lang, 'popup.figures.co2')}</dt>
          <dd data-test="co2">
            ${t(lang, 'popup.figures.co2Value', {
              grams: formatNumber(lang, footprint.co2.grams, 2),
              model: footprint.co2.model,
            })}
          </dd>
          <dt>${t(lang, 'popup.figures.thirdParties')}</dt>
          <dd data-test="third-parties">${formatNumber(lang, report.thirdParties.length)}</dd>
        </dl>
      </section>
      <section aria-labelledby="entities">
        <h2 id="entities">${t(lang, 'popup.entities.heading')}</h2>
        ${entities.length === 0
          ? html`<p>${t(lang, 'popup.entities.none')}</p>`
          : html`<ol data-test="entities">
              ${entities.map(
                (entity) =>
                  html`<li>
                    ${entity.known ? entity.name : t(lang, 'popup.entities.unknown', { domain: entity.name })}
                    <span class="muted">— ${t(lang, 'popup.entities.requests', { count: entity.requests })}</span>
                  </li>`,
              )}
            </ol>`}
      </section>
      ${report.notes.length > 0
        ? html`<section aria-labelledby="notes">
            <h2 id="notes">${t(lang, 'popup.notes.heading')}</h2>
            <ul>
              ${report.notes.map((note) => html`<li>${t(lang, note.key, note.params)}</li>`)}
            </ul>
          </section>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-popup-summary': PopupSummary;
  }
}
