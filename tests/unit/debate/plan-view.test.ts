import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../src/cli/summary';
import { t } from '../../../src/i18n/index';
import { renderReportHtml } from '../../../src/ui/html-report';
import { planFacts, planLine } from '../../../src/ui/report-plan-facts';
import { planSection, MAX_PLAN_STEPS } from '../../../src/ui/report-plan-view';
import { harReport, PAYLOAD, probedReport, step, withPlan } from './support';
import { text, words, statics } from '../support/lit';

const base = probedReport('www.izettle.com.har');
const grade = base.scores.dependencies!.grade;
// three steps removing 600 kB together (the summary), a fourth that is not in it, a hostile organisation
const planned = withPlan(base, [
  step(base, 'remove-tracker', 'meta-pixel', 300_000, 'C', ['Meta Platforms']),
  step(base, 'facade-embed', 'youtube', 200_000, 'C', [`Org ${PAYLOAD}`]),
  step(base, 'self-host-fonts', 'google-fonts', 100_000, 'C'),
  step(base, 'static-map', 'google-maps', 1_000, 'D'),
]);

describe('plan line (popup)', () => {
  it('says how many changes, the dependency grades and the bytes saved, in French and English', () => {
    expect(planLine(planned, 'fr')).toBe(`Trois changements\u00a0: ${grade} → B, −600 ko`);
    expect(planLine(planned, 'en')).toBe(`Three changes: ${grade} → B, −600 kB`);
  });

  it('is absent without a plan summary, and counts one change as one', () => {
    expect(planLine(withPlan(base, []), 'fr')).toBeNull();
    expect(planLine({ ...base, plan: null, planSummary: null }, 'en')).toBeNull();
    expect(planLine(withPlan(base, [step(base, 'remove-tracker', 'x', 2000, 'D')]), 'en')).toBe(`One change: ${grade} → B, −2 kB`);
  });

  it('reads the plan the core computes for a real page', () => {
    const zdnet = harReport('www.zdnet.com.har');
    const summary = zdnet.planSummary!;
    expect(summary.steps).toBe(3);
    expect(planLine(zdnet, 'en')).toBe(
      `Three changes: ${zdnet.scores.dependencies!.grade} → ${summary.after.scores.dependencies.grade}, −${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format((zdnet.footprint.bytes - summary.after.footprint.bytes) / 1000)} kB`,
    );
  });
});

describe('plan facts', () => {
  it('sets each step against the page as measured', () => {
    const facts = planFacts(planned, 'en');
    expect(facts.status).toBeNull();
    const first = facts.steps[0]!;
    expect(first.title).toBe(t('en', 'plan.remove-tracker.title', { name: 'meta-pixel' }));
    expect(first.how).toBe(t('en', 'plan.remove-tracker.how', { name: 'meta-pixel' }));
    const rows = Object.fromEntries(first.changes.map((row) => [row.label, row.value]));
    expect(rows['Dependencies']).toMatch(new RegExp(`^${grade} \\(\\d+/100\\) → C \\(80/100\\)$`));
    expect(rows['Requests']).toMatch(/\(−3\)$/);
    expect(rows['Weight']).toMatch(/\(−300 kB\)$/);
    expect(rows['EcoIndex']).toMatch(/→ A \(\d+\/100\)$/);
    expect(rows['No longer reached']).toBe('Meta Platforms');
    expect(facts.cumulative!.heading).toBe('The first 3 changes together');
  });

  it('says when the plan was not evaluated or is empty', () => {
    expect(planFacts({ ...base, plan: null, planSummary: null }, 'fr').status).toBe(t('fr', 'debate.plan.notEvaluated'));
    expect(planFacts(withPlan(base, []), 'fr').status).toBe(t('fr', 'debate.plan.none'));
  });
});

describe('plan renderers', () => {
  it('full report: the cumulative result, then each step with its how, page data only as values', () => {
    const view = planSection(planned, 'fr');
    const shown = words(view);
    expect(shown).toContain(t('fr', 'debate.plan.heading'));
    expect(shown).toContain(t('fr', 'debate.plan.cumulative', { count: 3 }));
    expect(shown).toContain(t('fr', 'plan.facade-embed.how', { name: 'youtube' }));
    expect(text(view)).toContain(`Org ${PAYLOAD}`);
    expect(statics(view)).not.toContain(PAYLOAD);
    expect((text(view).match(/data-test="plan-step"/g) ?? []).length).toBe(4);
  });

  it('full report: at most ten steps, the rest counted', () => {
    const many = withPlan(base, Array.from({ length: 12 }, (_, i) => step(base, 'remove-tracker', `t${i}`, 1000 + i, 'D')));
    const shown = words(planSection(many, 'en'));
    expect((text(planSection(many, 'en')).match(/data-test="plan-step"/g) ?? []).length).toBe(MAX_PLAN_STEPS);
    expect(shown).toContain(t('en', 'debate.plan.more', { count: 2 }));
  });

  it('standalone HTML report: the plan section, escaped', () => {
    const page = renderReportHtml(planned, 'en');
    expect(page).toContain('<h2 id="h-plan">Action plan</h2>');
    expect(page).toContain(t('en', 'plan.static-map.title', { name: 'google-maps' }).replace(/'/g, '&#39;'));
    expect(page).not.toContain(PAYLOAD);
    expect(page).toContain('Org &lt;img src=x onerror=alert(1)&gt;');
  });

  it('terminal summary: the plan line and the three best steps, control characters replaced', () => {
    const hostile = withPlan(base, [step(base, 'remove-tracker', 'a', 300_000, 'C'), step(base, 'remove-tracker', 'b', 200_000, 'C'), step(base, 'remove-tracker', 'c\u001b[31m', 100_000, 'C'), step(base, 'remove-tracker', 'd', 1000, 'D')]);
    const out = formatSummary(hostile, 'en', { color: false });
    expect(out).toContain('Action plan');
    expect(out).toContain(`  Three changes: ${grade} → B, −600 kB`);
    expect(out).toContain(`  1. ${t('en', 'plan.remove-tracker.title', { name: 'a' })} — ${grade} → C, −300 kB`);
    expect(out).toContain(`  3. ${t('en', 'plan.remove-tracker.title', { name: 'c\ufffd[31m' })}`);
    expect(out).not.toContain(t('en', 'plan.remove-tracker.title', { name: 'd' }));
    expect(out).toContain(t('en', 'debate.plan.more', { count: 1 }));
    expect(out).not.toContain('\u001b');
  });
});
