import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t, type Lang } from '../i18n/index';
import { baseStyles } from './popup.styles';
import type { PopupView } from './popup-view';
import type { HistoryPoint } from './history-facts';
import './popup-summary';
import './popup-more';
import './popup-plan';

/** Fired when the user asks to grant host access (the page calls `permissions.request`). */
export type GrantRequestEvent = CustomEvent<void>;

/**
 * The popup's whole content: a heading, then either the summary of the tab's
 * report or an honest sentence saying why there is none.
 */
@customElement('empreinte-popup')
export class PopupApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { padding: 0.75rem 1rem 1rem; min-inline-size: 22rem; max-inline-size: 30rem; }
    `,
  ];

  /** what to show; null while the first answer is being computed */
  @property({ attribute: false }) view: PopupView | null = null;
  /** interface language */
  @property() language: Lang = 'fr';
  /** the page's host, shown under the title */
  @property() host: string | null = null;
  /** the tab shown, for the links to its full report */
  @property({ type: Number }) tabId: number | null = null;
  /** the site's history and pause (src/extension/history.ts); null while read */
  @property({ attribute: false }) history: HistoryPoint[] | null = null;
  @property({ type: Boolean }) paused = false;

  override render() {
    const lang = this.language;
    return html`
      <header>
        <h1>${this.host ? t(lang, 'popup.subtitle', { host: this.host }) : t(lang, 'popup.title')}</h1>
      </header>
      <main>${this.renderBody()}</main>
    `;
  }

  private renderBody() {
    const view = this.view;
    const lang = this.language;
    if (view === null) return html`<p role="status">${t(lang, 'popup.loading')}</p>`;
    if (view.kind === 'report') {
      return html`<empreinte-popup-summary
          .report=${view.report}
          .language=${lang}
          .loading=${view.loading}
        ></empreinte-popup-summary>
        <empreinte-popup-plan .report=${view.report} .language=${lang} .tabId=${this.tabId}></empreinte-popup-plan>
        <empreinte-popup-more
          .language=${lang}
          .tabId=${this.tabId}
          .site=${view.report.page.site}
          .history=${this.history}
          .paused=${this.paused}
        ></empreinte-popup-more>`;
    }
    const text = {
      restricted: () => t(lang, 'popup.state.restricted'),
      'no-data': () => t(lang, 'popup.state.noData'),
      'no-permission': () => t(lang, 'popup.state.noPermission'),
      'no-tab': () => t(lang, 'popup.state.noTab'),
      error: () => t(lang, 'popup.state.error', { message: view.kind === 'error' ? view.message : '' }),
    }[view.kind]();
    return html`<section aria-labelledby="state">
      <h2 id="state">${t(lang, 'popup.state.heading')}</h2>
      <p class="status" data-test="state" data-state=${view.kind}>${text}</p>
      ${view.kind === 'no-permission'
        ? html`<p><button type="button" @click=${this.requestGrant}>${t(lang, 'popup.state.grant')}</button></p>`
        : ''}
    </section>`;
  }

  private requestGrant() {
    this.dispatchEvent(new CustomEvent('empreinte-grant', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-popup': PopupApp;
  }
  interface HTMLElementEventMap {
    'empreinte-grant': GrantRequestEvent;
  }
}
