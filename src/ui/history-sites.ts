import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t, type Lang } from '../i18n/index';
import { baseStyles } from './popup.styles';
import type { HistoryPoint } from './history-facts';
import './history-view';

/** What the user asked for one site's history. */
export interface HistoryAction {
  action: 'clear' | 'pause' | 'resume';
  site: string;
}
export type HistoryActionEvent = CustomEvent<HistoryAction>;

export interface SiteEntries {
  site: string;
  entries: HistoryPoint[];
  paused: boolean;
}

/**
 * The options page's history: one disclosure per site (most recent first)
 * with its trend and comparison, and buttons to clear it or to pause
 * Empreinte there. Fires `empreinte-history-action`; never calls the browser.
 */
@customElement('empreinte-history-sites')
export class HistorySites extends LitElement {
  static override styles = [
    baseStyles,
    css`
      details { border-block-end: 1px solid var(--muted, #4a4a4a); padding-block: 0.5rem; }
      summary { cursor: pointer; font-weight: 600; }
      summary:focus-visible { outline: 3px solid #2a62c9; outline-offset: 2px; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-block: 0.5rem; }
    `,
  ];

  @property() language: Lang = 'fr';
  @property({ attribute: false }) sites: SiteEntries[] = [];

  override render() {
    const lang = this.language;
    if (this.sites.length === 0) return html`<p data-test="history-sites-empty">${t(lang, 'history.sites.empty')}</p>`;
    return html`${this.sites.map((site) => this.renderSite(site))}`;
  }

  private renderSite({ site, entries, paused }: SiteEntries) {
    const lang = this.language;
    const summary = paused
      ? t(lang, 'history.sites.summaryPaused', { site, count: entries.length })
      : t(lang, 'history.sites.summary', { site, count: entries.length });
    return html`<details data-test="history-site" data-site=${site}>
      <summary>${summary}</summary>
      <div class="actions">
        <button type="button" data-test="history-clear-site" @click=${() => this.emit({ action: 'clear', site })}
          ?disabled=${entries.length === 0}>${t(lang, 'history.sites.clear', { site })}</button>
        <button type="button" data-test="history-pause" aria-pressed=${paused ? 'true' : 'false'}
          @click=${() => this.emit({ action: paused ? 'resume' : 'pause', site })}>
          ${paused ? t(lang, 'history.sites.resume', { site }) : t(lang, 'history.sites.pause', { site })}
        </button>
      </div>
      ${entries.length > 0 ? html`<empreinte-history .language=${lang} .entries=${entries} .level=${3}></empreinte-history>` : nothing}
    </details>`;
  }

  private emit(detail: HistoryAction) {
    this.dispatchEvent(new CustomEvent('empreinte-history-action', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-history-sites': HistorySites;
  }
  interface HTMLElementEventMap {
    'empreinte-history-action': HistoryActionEvent;
  }
}
