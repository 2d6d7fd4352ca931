import { html, nothing, type TemplateResult } from 'lit';
import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import { planFacts, type PlanStepFacts } from './report-plan-facts';
import { labelled, section } from './report-parts';

/**
 * The action plan in the full report (report.html, the side panel): the
 * cumulative result of the first changes, then each change best first with
 * what it changes and how to do it. Same facts as the standalone HTML export
 * (./html-plan.ts). Every value is a lit binding (escaped text).
 */

/** Steps shown one by one; the rest are counted (the JSON report keeps them all). */
export const MAX_PLAN_STEPS = 10;

export function planSection(report: Report, lang: Lang): TemplateResult {
  const facts = planFacts(report, lang);
  const shown = facts.steps.slice(0, MAX_PLAN_STEPS);
  const hidden = facts.steps.length - shown.length;
  return section(
    'plan',
    t(lang, 'debate.plan.heading'),
    facts.status !== null
      ? html`<p class="muted" data-test="plan-status">${facts.status}</p>`
      : html`<p class="muted">${t(lang, 'debate.plan.intro')}</p>
          ${facts.cumulative
            ? section('plan-cumulative', facts.cumulative.heading, labelled(facts.cumulative.heading, facts.cumulative.changes), 3)
            : nothing}
          <h3 id="h-plan-steps">${t(lang, 'debate.plan.steps')}</h3>
          <ol class="plan" aria-labelledby="h-plan-steps">
            ${shown.map((step) => stepItem(step, lang))}
          </ol>
          ${hidden > 0 ? html`<p class="muted">${t(lang, 'debate.plan.more', { count: hidden })}</p>` : nothing}`,
  );
}

function stepItem(step: PlanStepFacts, lang: Lang): TemplateResult {
  return html`<li data-test="plan-step" data-step=${step.id}>
    <p><strong>${step.title}</strong> — ${step.short}</p>
    <p><span class="muted">${t(lang, 'debate.plan.how')}${lang === 'fr' ? '\u00a0: ' : ': '}</span>${step.how}</p>
    ${labelled(`${t(lang, 'debate.plan.changes')} — ${step.title}`, step.changes)}
    ${step.notes.map((note) => html`<p class="muted">${note}</p>`)}
  </li>`;
}

/**
 * The element of section `id` (`data-test`), searched through the shadow roots
 * of the report's components: the browser's own scrolling to a URL fragment
 * (`report.html?tab=1#plan`, the popup's plan line) cannot see inside them.
 */
export function findSection(root: ParentNode, id: string): HTMLElement | null {
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.dataset['test'] === id && element.tagName === 'SECTION') return element;
    const inner = element.shadowRoot ? findSection(element.shadowRoot, id) : null;
    if (inner) return inner;
  }
  return null;
}
