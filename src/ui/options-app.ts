import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber, t, type Lang } from '../i18n/index';
import { baseStyles } from './popup.styles';

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
}

export type OptionsChangeEvent = CustomEvent<Partial<OptionsValue>>;

/**
 * The options page: the grid intensity for CO2, and online checks (off by
 * default), with exactly what they send and to whom. It takes the values and
 * fires `empreinte-options-change`; it never calls the browser.
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

  override render() {
    const lang = this.language;
    const value = this.value;
    return html`
      <h1>${t(lang, 'options.title')}</h1>
      ${value === null
        ? html`<p role="status">${t(lang, 'options.loading')}</p>`
        : html`
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
          `}
      <p role="status" aria-live="polite" data-test="status">${this.status || nothing}</p>
    `;
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
  }
}
