import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import { baseStyles } from './popup.styles';
import { planLine } from './report-plan-facts';

/**
 * The popup's one line about the action plan — "Trois changements : D → B,
 * −1,2 Mo", the first three changes together — linking to the plan in the
 * full report. Nothing when the report has no plan summary. Never calls the browser.
 */
@customElement('empreinte-popup-plan')
export class PopupPlan extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) report: Report | null = null;
  @property() language: Lang = 'fr';
  /** the tab shown, for the link to its full report; without it the line is text only */
  @property({ type: Number }) tabId: number | null = null;

  override render() {
    const line = this.report ? planLine(this.report, this.language) : null;
    if (line === null) return nothing;
    const label = t(this.language, 'debate.plan.label', { line });
    return html`<p data-test="plan-line">
      ${this.tabId === null
        ? label
        : html`<a href=${`report.html?tab=${this.tabId}#plan`} target="_blank" data-test="plan-link">${label}</a>`}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-popup-plan': PopupPlan;
  }
}
