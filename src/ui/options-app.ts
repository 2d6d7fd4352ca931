import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber, t, type Lang } from '../i18n/index';
import { baseStyles } from './popup.styles';
import type { SiteEntries } from './history-sites';
import './history-sites';

/** One choice of grid intensity. */
export interface GridChoice {
  /** `world` or a region code of @tgwf/co2's data (`FRA` …) */
  code: string;
  gramsPerKwh: number;
}

/** What the options page edits (src/extension/settings.ts holds the stored shape). */
export interface OptionsValue {
  gridRegion: string;
  onlineChecks: boolean;
  /** `auto` follows the browser's language */
  language: 'auto' | 'fr' | 'en';
}

export type OptionsChangeEvent = CustomEvent<Partial<OptionsValue>>;

/**
 * The options page: the interface language, site access (with a grant
 * button), precise mode, the grid intensity for CO2, online checks (off by
 * default, with exactly what they send and to whom), the history per site
 * and clearing the data. It takes the values and fires events
 * (`empreinte-options-change`, `empreinte-grant`, `empreinte-clear-data`,
 * `empreinte-history-action`); it never calls the browser.
 */
@customElement('empreinte-options')
export class OptionsApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { padding: 1rem 1.25rem; max-inline-size: 42rem; }
      label { display: block; margin-block: 0.5rem 0.25rem; font-weight: 600; }
      select { font: inherit; max-inline-size: 100%; }
      .check { display: flex; gap: 0.5rem; align-items: flex-start; font-weight: 600; }
      .sub { font-size: 0.95rem; }
      fieldset { border: 1px solid currentColor; border-radius: 0.5rem; margin-block: 1rem; padding: 0.5rem 1rem 1rem; }
    `,
  ];

  /** interface language */
  @property() language: Lang = 'fr';
  /** the current settings; null while they are read */
  @property({ attribute: false }) value: OptionsValue | null = null;
  /** the grid intensities to choose from, `world` first */
  @property({ attribute: false }) choices: GridChoice[] = [];
  /** a sentence announced after a change is saved */
  @property() status = '';
  /** whether Empreinte may observe every site; null while it is asked */
  @property({ attribute: false }) access: boolean | null = null;
  /** the history, per site, most recent first */
  @property({ attribute: false }) sites: SiteEntries[] = [];

  override render() {
    const lang = this.language;
    const value = this.value;
    return html`<main>
      <h1>${t(lang, 'options.title')}</h1>
      ${value === null
        ? html`<p role="status">${t(lang, 'options.loading')}</p>`
        : html`
            <fieldset>
              <legend>${t(lang, 'options.language.heading')}</legend>
              <label for="language">${t(lang, 'options.language.label')}</label>
              <select id="language" data-test="language" @change=${this.onLanguage}>
                ${(['auto', 'fr', 'en'] as const).map(
                  (code) => html`<option value=${code} ?selected=${code === value.language}>${t(lang, `options.language.${code}`)}</option>`,
                )}
              </select>
            </fieldset>
            ${this.renderAccess()}
            <fieldset>
              <legend>${t(lang, 'options.grid.heading')}</legend>
              <label for="grid">${t(lang, 'options.grid.label')}</label>
              <select id="grid" data-test="grid" aria-describedby="grid-help" @change=${this.onGrid}>
                ${this.choices.map(
                  (choice) => html`<option value=${choice.code} ?selected=${choice.code === value.gridRegion}>
                    ${this.choiceLabel(choice)}
                  </option>`,
                )}
              </select>
              <p id="grid-help" class="muted">${t(lang, 'options.grid.help')}</p>
            </fieldset>
            <fieldset>
              <legend>${t(lang, 'options.online.heading')}</legend>
              <label class="check">
                <input type="checkbox" data-test="online-checks" aria-describedby="online-help"
                  .checked=${value.onlineChecks} @change=${this.onOnline} />
                ${t(lang, 'options.online.label')}
              </label>
              <p id="online-help">${t(lang, 'options.online.what')}</p>
              <p class="muted">${t(lang, 'options.online.off')}</p>
            </fieldset>
            <section aria-labelledby="history-heading">
              <h2 id="history-heading">${t(lang, 'options.history.heading')}</h2>
              <p class="muted">${t(lang, 'options.history.what')}</p>
              <empreinte-history-sites .language=${lang} .sites=${this.sites}></empreinte-history-sites>
            </section>
            <section aria-labelledby="clear-heading">
              <h2 id="clear-heading">${t(lang, 'options.clear.heading')}</h2>
              <p>${t(lang, 'options.clear.what')}</p>
              <button type="button" data-test="clear-data" @click=${this.onClear}>${t(lang, 'options.clear.button')}</button>
            </section>
          `}
      <p role="status" aria-live="polite" data-test="status">${this.status || nothing}</p>
    </main>`;
  }

  private renderAccess() {
    const lang = this.language;
    const access = this.access;
    const state = access === null ? 'unknown' : access ? 'granted' : 'missing';
    return html`<fieldset>
      <legend>${t(lang, 'options.access.heading')}</legend>
      <p data-test="access" data-state=${state}>${t(lang, `options.access.${state}`)}</p>
      ${access === false
        ? html`<p><button type="button" data-test="grant" @click=${this.onGrant}>${t(lang, 'options.access.grant')}</button></p>`
        : nothing}
      <h2 class="sub">${t(lang, 'options.precise.heading')}</h2>
      <p>${t(lang, 'options.precise.what')}</p>
    </fieldset>`;
  }

  private onLanguage(event: Event) {
    const code = (event.target as HTMLSelectElement).value;
    if (code === 'auto' || code === 'fr' || code === 'en') this.emit({ language: code });
  }

  private onGrant() {
    this.dispatchEvent(new CustomEvent('empreinte-grant', { bubbles: true, composed: true }));
  }

  private onClear() {
    this.dispatchEvent(new CustomEvent('empreinte-clear-data', { bubbles: true, composed: true }));
  }

  private choiceLabel(choice: GridChoice): string {
    const lang = this.language;
    const grams = formatNumber(lang, choice.gramsPerKwh, 0);
    if (choice.code === 'world') return t(lang, 'options.grid.world', { grams });
    if (choice.code === 'FRA') return t(lang, 'options.grid.france', { grams });
    return t(lang, 'options.grid.region', { code: choice.code, grams });
  }

  private onGrid(event: Event) {
    this.emit({ gridRegion: (event.target as HTMLSelectElement).value });
  }

  private onOnline(event: Event) {
    this.emit({ onlineChecks: (event.target as HTMLInputElement).checked });
  }

  private emit(change: Partial<OptionsValue>) {
    this.dispatchEvent(new CustomEvent('empreinte-options-change', { detail: change, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-options': OptionsApp;
  }
  interface HTMLElementEventMap {
    'empreinte-options-change': OptionsChangeEvent;
    'empreinte-clear-data': CustomEvent<void>;
  }
}
