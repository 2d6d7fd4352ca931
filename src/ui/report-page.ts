import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PageCapture } from '../core/capture';
import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import type { PopupView } from './popup-view';
import type { ExportKind } from './export-files';
import { fullReportStyles } from './report-styles';
import './full-report';
import { findSection } from './report-plan-view';

/** A report with the capture it came from (null when the capture is not at hand). */
export interface ReportEntry {
  report: Report;
  capture: PageCapture | null;
}

export type ExportRequestEvent = CustomEvent<{ kind: ExportKind; index: number }>;
export type HarTextEvent = CustomEvent<{ text: string }>;

/**
 * The page around the full report (report.html, sidepanel.html): a heading,
 * the state of the tab, the export buttons, and in `har` mode a file input
 * for a HAR file and one report per page in it. It never calls the browser:
 * it asks the page through events (`empreinte-export`, `empreinte-har-text`).
 */
@customElement('empreinte-report-page')
export class ReportPage extends LitElement {
  static override styles = [
    fullReportStyles,
    css`
      :host { max-inline-size: 62rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
      .exports { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
      button, input[type='file'] { font: inherit; }
      button { padding: 0.35rem 0.75rem; border: 1px solid currentColor; border-radius: 0.25rem; background: transparent; color: inherit; cursor: pointer; }
      button:focus-visible, input:focus-visible { outline: 3px solid #2a62c9; outline-offset: 2px; }
      .status { padding: 0.5rem; border-inline-start: 4px solid currentColor; }
      .error { font-weight: 600; }
      article + article { margin-top: 3rem; border-top: 3px double var(--line); }
      @media print { .exports, .opener, .no-print { display: none; } :host { padding: 0; max-inline-size: none; } }
    `,
  ];

  @property() language: Lang = 'fr';
  /** `tab`: one tab's report (`view`); `har`: the reports of an opened HAR file (`entries`) */
  @property() mode: 'tab' | 'har' = 'tab';
  @property({ attribute: false }) view: PopupView | null = null;
  @property({ attribute: false }) capture: PageCapture | null = null;
  @property({ attribute: false }) entries: ReportEntry[] = [];
  @property({ attribute: false }) harError: string | null = null;
  /** the page's host, in the heading */
  @property() host: string | null = null;

  override render() {
    const lang = this.language;
    return html`<header>
        <h1>${this.host ? t(lang, 'fullreport.subtitle', { host: this.host }) : t(lang, 'fullreport.title')}</h1>
      </header>
      <main>${this.mode === 'har' ? this.renderHar() : this.renderTab()}</main>`;
  }

  private renderTab() {
    const lang = this.language;
    const view = this.view;
    if (view === null) return html`<p role="status" class="status">${t(lang, 'fullreport.loading')}</p>`;
    if (view.kind !== 'report') {
      const key = {
        restricted: 'fullreport.state.restricted',
        'no-data': 'fullreport.state.noData',
        'no-permission': 'fullreport.state.noPermission',
        'no-tab': 'fullreport.state.noTab',
        error: 'fullreport.state.error',
      }[view.kind];
      return html`<p class="status" data-test="state" data-state=${view.kind}>
        ${t(lang, key, { message: view.kind === 'error' ? view.message : '' })}
      </p>`;
    }
    return html`${view.loading
        ? html`<p role="status" class="status" data-test="loading">${t(lang, 'fullreport.stillLoading')}</p>`
        : nothing}
      ${this.renderEntry({ report: view.report, capture: this.capture }, 0)}`;
  }

  private renderHar() {
    const lang = this.language;
    return html`<section class="opener" aria-labelledby="h-har">
        <h2 id="h-har">${t(lang, 'fullreport.har.heading')}</h2>
        <p class="muted">${t(lang, 'fullreport.har.intro')}</p>
        <p>
          <label for="har-file">${t(lang, 'fullreport.har.label')}</label>
          <input id="har-file" type="file" accept=".har,.json,application/json" @change=${this.readFile} />
        </p>
        ${this.harError
          ? html`<p role="alert" class="status error" data-test="har-error">${t(lang, 'fullreport.har.error', { message: this.harError })}</p>`
          : nothing}
        ${this.entries.length > 0
          ? html`<p role="status" data-test="har-pages">${t(lang, 'fullreport.har.pages', { count: this.entries.length })}</p>`
          : nothing}
      </section>
      ${this.entries.map(
        (entry, index) => html`<article aria-labelledby="h-page-${index}">
          <h2 id="h-page-${index}">${t(lang, 'fullreport.har.page', { index: index + 1, url: entry.report.page.finalUrl })}</h2>
          ${this.renderEntry(entry, index)}
        </article>`,
      )}`;
  }

  private renderEntry(entry: ReportEntry, index: number) {
    const lang = this.language;
    const button = (kind: ExportKind, key: string) =>
      html`<button type="button" data-export=${kind} @click=${() => this.requestExport(kind, index)}>${t(lang, key)}</button>`;
    return html`<section class="exports-section no-print" aria-label=${t(lang, 'fullreport.export.heading')}>
        <div class="exports">
          ${button('json', 'fullreport.export.json')} ${button('csv-parties', 'fullreport.export.csvParties')}
          ${entry.capture ? button('csv-requests', 'fullreport.export.csvRequests') : nothing}
          ${button('html', 'fullreport.export.html')} ${button('debate', 'debate.export')} ${entry.capture ? button('har', 'fullreport.export.har') : nothing}
          <button type="button" @click=${() => window.print()}>${t(lang, 'fullreport.print')}</button>
        </div>
        <p class="muted">${t(lang, entry.capture ? 'fullreport.export.harNote' : 'fullreport.export.noCapture')}</p>
      </section>
      <empreinte-full-report .report=${entry.report} .language=${lang}></empreinte-full-report>`;
  }

  /** the section named by the URL fragment (#plan) was brought into view once */
  private revealed = false;

  override updated() {
    const id = window.location.hash.slice(1);
    if (this.revealed || id === '' || this.view?.kind !== 'report') return;
    // the report's own component renders just after this one
    setTimeout(() => {
      const target = findSection(this.renderRoot, id);
      if (!target || this.revealed) return;
      this.revealed = true;
      target.scrollIntoView({ block: 'start' });
    }, 0);
  }

  private requestExport(kind: ExportKind, index: number) {
    this.dispatchEvent(new CustomEvent('empreinte-export', { detail: { kind, index }, bubbles: true, composed: true }));
  }

  private async readFile(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const text = await file.text();
    this.dispatchEvent(new CustomEvent('empreinte-har-text', { detail: { text }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-report-page': ReportPage;
  }
  interface HTMLElementEventMap {
    'empreinte-export': ExportRequestEvent;
    'empreinte-har-text': HarTextEvent;
  }
}
