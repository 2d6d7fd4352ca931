import { t, type Lang } from '../i18n/index';
import type { PlanFacts } from '../ui/report-plan-facts';
import { colon, type Layout } from './summary-dependencies';

/**
 * The action plan in the terminal summary (./summary.ts): the first changes
 * together in one line, then the best few, each with its change and how.
 * The HTML report and the JSON list every step.
 */

/** Steps written out in the terminal. */
export const TOP_PLAN_STEPS = 3;

export function planSection(facts: PlanFacts, lang: Lang, layout: Layout): void {
  const { heading, dim, push } = layout;
  push('', heading(t(lang, 'debate.plan.heading')));
  if (facts.status !== null) {
    push(`  ${facts.status}`);
    return;
  }
  if (facts.line) push(`  ${facts.line}`);
  const shown = facts.steps.slice(0, TOP_PLAN_STEPS);
  for (const [index, step] of shown.entries()) {
    push(`  ${index + 1}. ${step.title} — ${step.short}`);
    push(dim(`     ${t(lang, 'debate.plan.how')}${colon(lang)}${step.how}`));
  }
  if (facts.steps.length > shown.length) push(dim(`  ${t(lang, 'debate.plan.more', { count: facts.steps.length - shown.length })}`));
}
