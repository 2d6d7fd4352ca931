import { html, type TemplateResult } from 'lit';
import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import { verdict } from './full-report';

/**
 * The popup's glance: the report's one-line verdict (the same sentence as the
 * full report's summary) and the three findings that cost the most points,
 * so that the reader sees first what weighs most.
 */

/** The findings that cost points, heaviest first (ties keep the report's order); zero-point notes are left out. */
export function topFindings(report: Report, limit = 3): NonNullable<Report['scores']['dependencies']>['deductions'] | null {
  const deductions = report.scores.dependencies?.deductions;
  if (!deductions) return null;
  return deductions
    .map((deduction, index) => ({ deduction, index }))
    .filter(({ deduction }) => deduction.points > 0)
    .sort((a, b) => b.deduction.points - a.deduction.points || a.index - b.index)
    .slice(0, limit)
    .map(({ deduction }) => deduction);
}

export function renderVerdict(report: Report, lang: Lang): TemplateResult {
  return html`<p class="verdict" data-test="popup-verdict">${verdict(report, lang)}</p>`;
}

export function renderFindings(report: Report, lang: Lang): TemplateResult {
  const findings = topFindings(report);
  return html`<section aria-labelledby="findings">
    <h2 id="findings">${t(lang, 'popupfindings.heading')}</h2>
    ${findings === null
      ? html`<p data-test="findings-pending">${t(lang, 'popupfindings.pending')}</p>`
      : findings.length === 0
        ? html`<p data-test="findings-none">${t(lang, 'popupfindings.none')}</p>`
        : html`<ol data-test="findings">
            ${findings.map(
              (finding) => html`<li data-id=${finding.id} data-points=${finding.points}>
                ${t(lang, finding.reason.key, finding.reason.params)}
                <span class="muted">(${t(lang, 'popupfindings.points', { points: finding.points })})</span>
              </li>`,
            )}
          </ol>`}
  </section>`;
}
