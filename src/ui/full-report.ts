import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import { reportFacts, type ReportFacts } from './report-facts';
import { fullReportStyles } from './report-styles';
import { section } from './report-parts';
import { accessSection, dependenciesSection, recommendationsSection, widgetsSection } from './report-dependencies-view';
import { environmentSection, methodSection } from './report-environment-view';
import { planSection } from './report-plan-view';

/**
 * The full report of one page — summary, dependencies, AI services,
 * environment, reaching the venue without a screen, recommendations, method
 * — for report.html and the side panel. It takes a Report and a language and
 * never calls the browser; its texts come from the same facts modules as the
 * standalone HTML export, so both say the same thing.
 */
@customElement('empreinte-full-report')
export class FullReport extends LitElement {
  static override styles = [fullReportStyles];

  @property({ attribute: false }) report: Report | null = null;
  @property() language: Lang = 'fr';

  override render() {
    const report = this.report;
    if (!report) return nothing;
    const lang = this.language;
    const facts = reportFacts(report, lang, Number.POSITIVE_INFINITY);
    return html`
      <p class="url" data-test="url">${facts.url}</p>
      ${facts.title ? html`<p data-test="title">${facts.title}</p>` : nothing}
      ${summarySection(report, facts, lang)} ${planSection(report, lang)} ${dependenciesSection(facts.dependencies, lang)}
      ${widgetsSection(facts.dependencies, lang)} ${environmentSection(facts, lang)}
      ${accessSection(facts.dependencies, lang)} ${recommendationsSection(facts.dependencies, lang)}
      ${methodSection(facts, lang)}
    `;
  }
}

function summarySection(report: Report, facts: ReportFacts, lang: Lang) {
  const dependencies = facts.dependencies.score;
  const environment = facts.environment;
  const dash = ' — ';
  return section(
    'summary',
    t(lang, 'fullreport.heading.summary'),
    html`<p class="verdict" data-test="verdict">${verdict(report, lang)}</p>
      <div class="grades">
        <div>
          <p>
            ${dependencies.grade
              ? html`<span class="grade" aria-hidden="true" data-test="dependency-grade">${dependencies.grade}</span>`
              : nothing}<strong>${t(lang, 'fullreport.dependencies.label', {
              grade: dependencies.grade ?? t(lang, 'fullreport.verdict.unknown'),
            })}</strong>${dash}${dependencies.value}
          </p>
          <p class="muted">${dependencies.scale}</p>
        </div>
        <div>
          <p>
            ${environment.grade
              ? html`<span class="grade" aria-hidden="true" data-test="environment-grade">${environment.grade}</span>`
              : nothing}<strong>${t(lang, 'fullreport.environment.label', {
              grade: environment.grade ?? t(lang, 'fullreport.verdict.unknown'),
            })}</strong>${dash}${environment.value}
          </p>
          <p class="muted">${environment.scale}</p>
        </div>
      </div>`,
  );
}

/** One line: both grades, third parties, trackers (and how many fired before any interaction), AI services. */
export function verdict(report: Report, lang: Lang): string {
  const unknown = t(lang, 'fullreport.verdict.unknown');
  const trackers = report.thirdParties.filter((party) => party.tracker === true);
  return t(lang, 'fullreport.verdict', {
    dependencies: report.scores.dependencies?.grade ?? unknown,
    environment: report.scores.environment?.grade ?? unknown,
    parties: report.thirdParties.length,
    trackers: trackers.length,
    before: trackers.filter((party) => party.beforeInteraction === true).length,
    ai: (report.widgets ?? []).filter((widget) => widget.ai !== 'none').length,
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'empreinte-full-report': FullReport;
  }
}
