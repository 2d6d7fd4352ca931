import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import { colon, labelled, section } from './html-dependencies';
import { html, type Html } from './html';
import { planFacts } from './report-plan-facts';

/**
 * The action plan in the standalone HTML report (./html-report.ts): the
 * first changes together, then each change best first with what it changes
 * and how. Same facts as the full report's plan (./report-plan-view.ts);
 * every value goes through `html` (escaped).
 */

/** Steps shown one by one; the rest are counted (the JSON report keeps them all). */
const MAX_PLAN_STEPS = 10;

export function planSection(report: Report, lang: Lang): Html {
  const facts = planFacts(report, lang);
  if (facts.status !== null) return section('plan', t(lang, 'debate.plan.heading'), html`<p>${facts.status}</p>`);
  const shown = facts.steps.slice(0, MAX_PLAN_STEPS);
  const hidden = facts.steps.length - shown.length;
  return section(
    'plan',
    t(lang, 'debate.plan.heading'),
    html`<p class="muted">${t(lang, 'debate.plan.intro')}</p>
${facts.cumulative ? html`<h3>${facts.cumulative.heading}</h3>
${labelled(facts.cumulative.heading, facts.cumulative.changes)}` : null}
<h3 id="h-plan-steps">${t(lang, 'debate.plan.steps')}</h3>
<ol class="recommendations" aria-labelledby="h-plan-steps">${shown.map(
      (step) => html`<li><strong>${step.title}</strong> — ${step.short}
<p><span class="muted">${t(lang, 'debate.plan.how')}${colon(lang)}</span>${step.how}</p>
${labelled(`${t(lang, 'debate.plan.changes')} — ${step.title}`, step.changes)}
${step.notes.map((note) => html`<p class="muted">${note}</p>`)}</li>`,
    )}</ol>
${hidden > 0 ? html`<p class="muted">${t(lang, 'debate.plan.more', { count: hidden })}</p>` : null}`,
  );
}
