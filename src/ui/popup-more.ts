import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t, type Lang } from '../i18n/index';
import { baseStyles } from './popup.styles';
import type { HistoryPoint } from './history-facts';
import './history-view';

/** Fired to pause or resume Empreinte on the current site. */
export type PauseEvent = CustomEvent<{ site: string; paused: boolean }>;

/**
 * The popup's ways further: the full report (and its exports) in a page of
 * its own, precise measurement in the DevTools panel, and the site's history
 * with a pause. Never calls the browser.
 */
@customElement('empreinte-popup-more')
export class PopupMore extends LitElement {
  static override styles = [baseStyles];

  @property() language: Lang = 'fr';
  @property({ type: Number }) tabId: number | null = null;
  /** the page's registrable domain; null when it has none */
  @property() site: string | null = null;
  /** the site's history; null while it is read */
  @property({ attribute: false }) history: HistoryPoint[] | null = null;
  @property({ type: Boolean }) paused = false;

  override render() {
    const lang = this.language;
    const report = this.tabId === null ? null : `report.html?tab=${this.tabId}`;
    return html`<section aria-labelledby="more">
      <h2 id="more">${t(lang, 'popup.more.heading')}</h2>
      ${report === null
        ? nothing
        : html`<ul>
            <li><a href=${report} target="_blank" data-test="full-report">${t(lang, 'popup.more.report')}</a></li>
            <li><a href=${`${report}#export`} target="_blank" data-test="export">${t(lang, 'popup.more.export')}</a></li>
          </ul>`}
      <p class="muted" data-test="precise-how">${t(lang, 'popup.more.precise')}</p>
      ${this.site === null ? nothing : this.renderHistory(this.site)}
    </section>`;
  }

  private renderHistory(site: string) {
    const lang = this.language;
    return html`<details data-test="popup-history">
      <summary>${t(lang, 'popup.more.history', { site, count: this.history?.length ?? 0 })}</summary>
      <p>
        <button type="button" data-test="pause" aria-pressed=${this.paused ? 'true' : 'false'} @click=${this.togglePause}>
          ${this.paused ? t(lang, 'history.sites.resume', { site }) : t(lang, 'history.sites.pause', { site })}
        </button>
      </p>
      ${this.history === null ? nothing : html`<empreinte-history .language=${lang} .entries=${this.history} .level=${3}></empreinte-history>`}
    </details>`;
  }

  private togglePause() {
    if (this.site === null) return;
    const detail = { site: this.site, paused: !this.paused };
    this.dispatchEvent(new CustomEvent('empreinte-pause', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-popup-more': PopupMore;
  }
  interface HTMLElementEventMap {
    'empreinte-pause': PauseEvent;
  }
}
