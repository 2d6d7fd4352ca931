import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatBytes, t, type Lang } from '../../src/i18n/index';
import type { PreciseResult, PreciseStep } from '../../src/extension/precise';

/** What the panel shows. */
export type PanelState =
  | { kind: 'idle' }
  | { kind: 'measuring'; steps: PreciseStep[] }
  | { kind: 'done'; result: PreciseResult; reportHtml: string }
  | { kind: 'error'; message: string };

/**
 * The precise-mode panel: a button, the protocol's steps while it runs, then
 * a short header (grade, method, download) over the full report. The report
 * is the escaping standalone renderer's HTML in a sandboxed frame without
 * scripts, so that nothing the page put in its URLs or title can run here.
 * It fires `empreinte-measure` and `empreinte-download`; the page does the rest.
 */
@customElement('empreinte-precise')
export class PreciseApp extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; block-size: 100vh; box-sizing: border-box; padding: 0.75rem 1rem;
      font: 14px/1.45 system-ui, sans-serif; gap: 0.5rem; }
    h1 { font-size: 1.1rem; margin: 0; }
    p { margin: 0; max-inline-size: 60rem; }
    .actions { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
    button { font: inherit; padding: 0.35rem 0.9rem; cursor: pointer; }
    .badge { display: inline-block; padding: 0 0.4rem; border-radius: 0.25rem; background: #1d5d3a; color: #fff; font-size: 0.8rem; }
    .grade { font-weight: 700; }
    .error { color: #b3261e; }
    @media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
    ol { margin: 0; padding-inline-start: 1.4rem; }
    li[aria-current='step'] { font-weight: 600; }
    iframe { flex: 1; inline-size: 100%; min-block-size: 20rem; border: 1px solid #8884; background: #fff; }
  `;

  @property({ attribute: false }) state: PanelState = { kind: 'idle' };
  @property() language: Lang = 'fr';

  override render() {
    const lang = this.language;
    const state = this.state;
    const busy = state.kind === 'measuring';
    return html`
      <h1>${t(lang, 'precise.title')}</h1>
      ${state.kind === 'done' ? nothing : html`<p>${t(lang, 'precise.intro')}</p><p>${t(lang, 'precise.reloadWarning')}</p>`}
      <div class="actions">
        <button id="measure" ?disabled=${busy} @click=${() => this.fire('empreinte-measure')}>
          ${busy ? t(lang, 'precise.measuring') : t(lang, state.kind === 'done' ? 'precise.again' : 'precise.measure')}
        </button>
        ${state.kind === 'done'
          ? html`<button id="download" @click=${() => this.fire('empreinte-download')}>${t(lang, 'precise.download')}</button>`
          : nothing}
      </div>
      ${this.renderState()}
    `;
  }

  private renderState() {
    const lang = this.language;
    const state = this.state;
    if (state.kind === 'error') return html`<p class="error" role="alert">${state.message}</p>`;
    if (state.kind === 'measuring') {
      const current = state.steps.length - 1;
      return html`<ol role="status" aria-live="polite">
        ${state.steps.map(
          (step, index) => html`<li aria-current=${index === current ? 'step' : 'false'}>${t(lang, `precise.step.${step}`)}</li>`,
        )}
      </ol>`;
    }
    if (state.kind !== 'done') return nothing;
    const { result, reportHtml } = state;
    const footprint = result.report.footprint;
    const eco = footprint.ecoIndex;
    return html`
      <p>
        <span class="badge">${t(lang, 'precise.badge')}</span>
        <span class="grade" id="grade"
          >${eco ? t(lang, 'precise.grade', { grade: eco.grade, score: Math.round(eco.score) }) : t(lang, 'precise.gradeMissing')}</span
        >
        — ${t(lang, 'precise.method')}
      </p>
      <p id="summary">
        ${t(lang, 'precise.summary', {
          bytes: formatBytes(lang, footprint.bytes),
          requests: footprint.requests,
          elements: footprint.domElements ?? 0,
        })}
        ${t(lang, 'precise.frames', { counted: result.framesCounted, seen: result.framesSeen })}
      </p>
      ${result.domPartial ? html`<p>${t(lang, 'precise.domPartial')}</p>` : nothing}
      ${result.capture.page.complete ? nothing : html`<p>${t(lang, 'precise.incomplete')}</p>`}
      <iframe sandbox="" title=${t(lang, 'precise.reportFrame')} srcdoc=${reportHtml}></iframe>
    `;
  }

  private fire(type: string): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-precise': PreciseApp;
  }
}
