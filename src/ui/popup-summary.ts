import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Report } from '../core/report';
import { formatBytes, formatNumber, t, type Lang } from '../i18n/index';
import { baseStyles, gradeStyles } from './popup.styles';
import { renderAi, renderConsent, renderGrades, renderParents } from './popup-dependencies';
import { precisionHints } from './popup-precision';
import { renderFindings, renderVerdict } from './popup-findings';

/**
 * The popup's summary of one report: the dependency and environment grades,
 * a one-line verdict, the three findings that cost the most points, key
 * figures, the parent companies behind the third parties, the trackers
 * active before any interaction and the AI widgets. It takes a Report and a
 * language and never calls the browser.
 */
@customElement('empreinte-popup-summary')
export class PopupSummary extends LitElement {
  static override styles = [baseStyles, gradeStyles, css`.verdict { font-weight: 600; margin-block: 0.5rem; }`];

  /** the report to summarise */
  @property({ attribute: false }) report: Report | null = null;
  /** interface language */
  @property() language: Lang = 'fr';
  /** the page is still loading: the figures are those so far */
  @property({ type: Boolean }) loading = false;

  private renderPrecision(report: Report) {
    return precisionHints(report, this.language);
  }

  override render() {
    const report = this.report;
    if (!report) return nothing;
    const lang = this.language;
    const { footprint } = report;
    const measured = Math.round(footprint.bytesMeasuredShare * 100);
    return html`
      ${this.loading
        ? html`<p class="status" role="status" data-test="loading">${t(lang, 'popup.loading')}</p>`
        : nothing}
      ${renderGrades(report, lang)} ${renderVerdict(report, lang)} ${renderFindings(report, lang)}
      ${renderParents(report, lang)} ${renderConsent(report, lang)}
      ${renderAi(report, lang)}
      <section aria-labelledby="figures">
        <h2 id="figures">${t(lang, 'popup.figures.heading')}</h2>
        <dl>
          <dt>${t(lang, 'popup.figures.weight')}</dt>
          <dd data-test="weight" data-bytes=${footprint.bytes} data-measured-share=${footprint.bytesMeasuredShare}>
            ${formatBytes(lang, footprint.bytes)}
            <span class="muted" data-test="measured-share">(${t(lang, 'popup.figures.measured', { share: measured })})</span>
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
          ${footprint.domElements === null
            ? nothing
            : html`<dt>${t(lang, 'popup.figures.elements')}</dt>
                <dd data-test="dom-elements" data-count=${footprint.domElements}>
                  ${formatNumber(lang, footprint.domElements)}
                </dd>`}
        </dl>
        ${this.renderPrecision(report)}
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
