import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatBytes, formatNumber, t, type Lang } from '../i18n/index';
import { baseStyles } from './popup.styles';
import { sameScale, scaleOf, trendRuns, type HistoryPoint, type Series, type TrendPoint } from './history-facts';

const W = 320;
const H = 140;
const PAD = 12;

/**
 * A site's history: a trend of both scores (an SVG readable without colour:
 * solid line and dots for dependencies, dashes and squares for EcoIndex,
 * hollow marks for another scale, never joined), the same figures as a
 * table, and two chosen dates side by side.
 */
@customElement('empreinte-history')
export class HistoryView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      svg { inline-size: 100%; max-inline-size: 28rem; block-size: auto; color: inherit; }
      .dep { stroke: var(--dep, #1f4e9a); fill: var(--dep, #1f4e9a); }
      .env { stroke: var(--env, #7a4b00); fill: var(--env, #7a4b00); }
      .other { fill: var(--bg, #fff); }
      .axis { stroke: currentColor; opacity: 0.4; }
      table { border-collapse: collapse; margin-block: 0.5rem; }
      th, td { border: 1px solid var(--muted, #4a4a4a); padding: 0.2rem 0.4rem; text-align: start; }
      select { font: inherit; }
      .pick { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
      @media (prefers-color-scheme: dark) {
        :host { --dep: #8fb4ff; --env: #ffc46b; --bg: #1b1b1b; }
      }
    `,
  ];

  @property() language: Lang = 'fr';
  /** the site's reports, oldest first */
  @property({ attribute: false }) entries: HistoryPoint[] = [];
  /** heading level of the view's own heading (2 in a page, 3 inside a section) */
  @property({ type: Number }) level = 2;
  @state() private first: number | null = null;
  @state() private second: number | null = null;

  override render() {
    const lang = this.language;
    const entries = this.entries;
    const heading = t(lang, 'history.heading');
    const title = this.level === 3 ? html`<h3>${heading}</h3>` : html`<h2>${heading}</h2>`;
    if (entries.length === 0) return html`${title}<p data-test="history-empty">${t(lang, 'history.empty')}</p>`;
    return html`${title}${this.renderTrend()}${this.renderTable()}${entries.length > 1 ? this.renderCompare() : nothing}`;
  }

  private date(at: string): string {
    const date = new Date(at);
    if (Number.isNaN(date.getTime())) return at;
    return new Intl.DateTimeFormat(this.language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  private renderTrend() {
    const lang = this.language;
    const entries = this.entries;
    const x = (index: number) => (entries.length === 1 ? W / 2 : PAD + (index * (W - 2 * PAD)) / (entries.length - 1));
    const y = (score: number) => H - PAD - (score * (H - 2 * PAD)) / 100;
    const marks = (series: Series, point: TrendPoint) => {
      const cls = `${series === 'dependencies' ? 'dep' : 'env'}${point.otherScale ? ' other' : ''}`;
      return series === 'dependencies'
        ? svg`<circle class=${cls} cx=${x(point.index)} cy=${y(point.score)} r="4" stroke-width="2"></circle>`
        : svg`<rect class=${cls} x=${x(point.index) - 4} y=${y(point.score) - 4} width="8" height="8" stroke-width="2"></rect>`;
    };
    const line = (series: Series) =>
      trendRuns(entries, series).map(
        (run) => svg`${run.length > 1
          ? svg`<polyline class=${series === 'dependencies' ? 'dep' : 'env'} fill="none" stroke-width="2"
              stroke-dasharray=${series === 'environment' ? '6 4' : 'none'}
              points=${run.map((p) => `${x(p.index)},${y(p.score)}`).join(' ')}></polyline>`
          : nothing}${run.map((point) => marks(series, point))}`,
      );
    const otherScale = entries.some((entry) => !sameScale(entry, entries.at(-1) as HistoryPoint));
    const first = entries[0] as HistoryPoint;
    const last = entries.at(-1) as HistoryPoint;
    return html`
      <figure>
        <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="trend-title" data-test="history-trend">
          <title id="trend-title">${t(lang, 'history.trend.title', { count: entries.length, from: this.date(first.at), to: this.date(last.at) })}</title>
          <line class="axis" x1=${PAD} x2=${W - PAD} y1=${y(0)} y2=${y(0)}></line>
          <line class="axis" x1=${PAD} x2=${W - PAD} y1=${y(100)} y2=${y(100)} stroke-dasharray="2 4"></line>
          ${line('dependencies')}${line('environment')}
        </svg>
        <figcaption>
          <ul>
            <li>${t(lang, 'history.legend.dependencies')}</li>
            <li>${t(lang, 'history.legend.environment')}</li>
            ${otherScale ? html`<li data-test="history-other-scale">${t(lang, 'history.legend.otherScale')}</li>` : nothing}
          </ul>
        </figcaption>
      </figure>
    `;
  }

  private scoreText(value: HistoryPoint['dependencies']): string {
    return value ? t(this.language, 'history.score', { grade: value.grade, score: value.score }) : t(this.language, 'history.notEvaluated');
  }

  private renderTable() {
    const lang = this.language;
    const latest = this.entries.at(-1) as HistoryPoint;
    return html`<table data-test="history-table">
      <caption>${t(lang, 'history.table.caption')}</caption>
      <thead><tr>
        <th scope="col">${t(lang, 'history.col.date')}</th>
        <th scope="col">${t(lang, 'history.row.dependencies')}</th>
        <th scope="col">${t(lang, 'history.row.environment')}</th>
        <th scope="col">${t(lang, 'history.col.scale')}</th>
      </tr></thead>
      <tbody>${[...this.entries].reverse().map(
        (entry) => html`<tr>
          <th scope="row">${this.date(entry.at)}</th>
          <td>${this.scoreText(entry.dependencies)}</td>
          <td>${this.scoreText(entry.environment)}</td>
          <td>${scaleOf(entry)}${sameScale(entry, latest) ? nothing : html` (${t(lang, 'history.otherScaleShort')})`}</td>
        </tr>`,
      )}</tbody>
    </table>`;
  }

  private renderCompare() {
    const lang = this.language;
    const entries = this.entries;
    const a = this.first ?? 0;
    const b = this.second ?? entries.length - 1;
    const left = entries[a] ?? (entries[0] as HistoryPoint);
    const right = entries[b] ?? (entries.at(-1) as HistoryPoint);
    const options = (selected: number) =>
      entries.map((entry, index) => html`<option value=${index} ?selected=${index === selected}>${this.date(entry.at)}</option>`);
    const trackers = (entry: HistoryPoint) =>
      entry.trackersBeforeInteraction === null ? t(lang, 'history.notEvaluated') : formatNumber(lang, entry.trackersBeforeInteraction);
    const rows: [string, (entry: HistoryPoint) => string][] = [
      ['history.row.dependencies', (e) => this.scoreText(e.dependencies)],
      ['history.row.environment', (e) => this.scoreText(e.environment)],
      ['history.row.bytes', (e) => formatBytes(lang, e.bytes)],
      ['history.row.requests', (e) => formatNumber(lang, e.requests)],
      ['history.row.thirdParties', (e) => formatNumber(lang, e.thirdParties)],
      ['history.row.trackers', trackers],
      ['history.row.url', (e) => e.url],
      ['history.col.scale', (e) => scaleOf(e)],
    ];
    return html`<section aria-labelledby="compare-heading">
      <h3 id="compare-heading">${t(lang, 'history.compare.heading')}</h3>
      <div class="pick">
        <label>${t(lang, 'history.compare.first')}
          <select data-test="compare-first" @change=${(e: Event) => (this.first = Number((e.target as HTMLSelectElement).value))}>${options(a)}</select>
        </label>
        <label>${t(lang, 'history.compare.second')}
          <select data-test="compare-second" @change=${(e: Event) => (this.second = Number((e.target as HTMLSelectElement).value))}>${options(b)}</select>
        </label>
      </div>
      ${sameScale(left, right) ? nothing : html`<p class="status" data-test="compare-other-scale">${t(lang, 'history.compare.otherScale')}</p>`}
      <table data-test="history-compare">
        <thead><tr>
          <th scope="col">${t(lang, 'history.compare.criterion')}</th>
          <th scope="col">${this.date(left.at)}</th>
          <th scope="col">${this.date(right.at)}</th>
        </tr></thead>
        <tbody>${rows.map(([key, read]) => html`<tr><th scope="row">${t(lang, key)}</th><td>${read(left)}</td><td>${read(right)}</td></tr>`)}</tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-history': HistoryView;
  }
}
