import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index';
import { debateFacts } from '../../../src/ui/debate-facts';
import { planStepFacts } from '../../../src/ui/report-plan-facts';
import { renderDebateHtml } from '../../../src/ui/debate-html';
import { harReport, PAYLOAD, probedReport, step, withPlan } from './support';

const text = (page: string) => page.replace(/<[^>]*>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const squash = (value: string) => value.replace(/\s+/g, ' ');
const zdnet = harReport('www.zdnet.com.har');

describe('debate sheet content, from a real HAR (zdnet.com)', () => {
  const facts = debateFacts(zdnet, 'fr');
  const byId = Object.fromEntries(facts.questions.map((question) => [question.id, question]));

  it('asks the six questions in order, each with findings and one to three decisions', () => {
    expect(facts.questions.map((question) => question.id)).toEqual(['depends', 'costs', 'consent', 'ai', 'access', 'skills']);
    for (const question of facts.questions) {
      expect(question.heading).toBe(t('fr', `debate.${question.id}.heading`));
      expect(question.findings.length).toBeGreaterThan(0);
      expect(question.decisions.length).toBeGreaterThanOrEqual(1);
      expect(question.decisions.length).toBeLessThanOrEqual(3);
    }
  });

  it('names the parent companies with their country and the non-EU share', () => {
    const depends = byId.depends!.findings.join('\n');
    const named = zdnet.organisations!.filter((group) => group.parent !== null).slice(0, 3);
    for (const group of named) expect(depends).toContain(group.parent!);
    expect(depends).toContain('hors Union européenne');
    expect(depends).toContain(t('fr', 'debate.depends.count', { domains: String(zdnet.thirdParties.length) }));
    // the first non-null parent (Alphabet) appears, with its share of requests
    expect(depends).toMatch(/Alphabet \(US, hors Union européenne\)\s:\s16\s%/);
    expect(byId.depends!.decisions).toContain(t('fr', 'rec.fewer-multinationals.title'));
  });

  it('states the weight, CO2 per view and per 10,000 views, the median and the missing EcoIndex', () => {
    const costs = squash(byId.costs!.findings.join('\n'));
    expect(costs).toContain('3,2 Mo');
    const grams = zdnet.footprint.co2.grams;
    expect(costs).toContain(squash(`${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(grams * 10)} kg pour 10 000 visites`));
    expect(costs).toContain('1,3 fois le poids d’une page web médiane');
    expect(costs).toContain(t('fr', 'debate.costs.noEcoIndex'));
  });

  it('says what a HAR cannot know before consent, and counts trackers and cookies', () => {
    const consent = byId.consent!.findings.join('\n');
    expect(consent).toContain('Meta Pixel');
    expect(consent).toContain(t('fr', 'debate.consent.beforeUnknown'));
    expect(consent).toContain(`${zdnet.cookies!.length} cookies`);
    // the plan's tracker removals come first, with their computed change; the recommendation they cover is not repeated
    const removals = zdnet.plan!.filter((s) => s.action === 'remove-tracker');
    expect(removals.length).toBeGreaterThan(0);
    expect(byId.consent!.decisions[0]).toBe(
      t('fr', 'debate.plan.gain', { title: t('fr', removals[0]!.title.key, removals[0]!.title.params), change: planStepFacts(zdnet, removals[0]!, 'fr').short }),
    );
    expect(byId.consent!.decisions).not.toContain(t('fr', 'rec.remove-pixels.title'));
  });

  it('lists the AI systems, the unknown access routes and the services the venue hands over', () => {
    expect(byId.ai!.findings.join('\n')).toContain('Optimizely Web Experimentation');
    expect(byId.ai!.findings.join('\n')).toContain(t('fr', 'report.ai.ai-personalisation'));
    expect(byId.access!.findings[0]).toBe(t('fr', 'debate.access.unknown'));
    const skills = byId.skills!.findings.join('\n');
    expect(skills).toContain('Polices : Google Fonts (Alphabet)');
    expect(skills).toContain('Réseau social : Facebook page plugin / SDK (Meta)');
  });
});

describe('debate sheet with a DOM probe and an action plan', () => {
  const base = probedReport('www.izettle.com.har', { telLinks: ['tel:+33142000000'], text: 'Ouvert du mardi au dimanche de 14h à 19h' });

  it('says which routes without a screen exist and which are missing', () => {
    const access = debateFacts(base, 'en').questions.find((question) => question.id === 'access')!;
    expect(access.findings[0]).toContain('Phone: on the page (tel:+33142000000)');
    expect(access.findings[1]).toBe(t('en', 'debate.access.missing', { route: 'Address' }));
    expect(access.decisions).toContain(t('en', 'rec.publish-offline-access.title'));
  });

  it('puts each plan step under its question, with its change, before the recommendations it covers', () => {
    const report = withPlan(base, [
      step(base, 'remove-tracker', 'meta-pixel', 120_000, 'C', ['Meta Platforms']),
      step(base, 'remove-ai-widget', 'optimizely', 67_000, 'B', ['Optimizely']),
    ]);
    const facts = debateFacts(report, 'en');
    const consent = facts.questions.find((question) => question.id === 'consent')!;
    expect(consent.decisions[0]).toBe(`${t('en', 'plan.remove-tracker.title', { name: 'meta-pixel' })} (${base.scores.dependencies!.grade} → C, −120 kB)`);
    expect(consent.decisions).not.toContain(t('en', 'rec.remove-pixels.title'));
    const ai = facts.questions.find((question) => question.id === 'ai')!;
    expect(ai.decisions[0]).toContain('−67 kB');
  });

  it('prints an EcoIndex grade once the DOM is known', () => {
    const costs = debateFacts(base, 'en').questions.find((question) => question.id === 'costs')!;
    expect(costs.findings.join('\n')).toContain(`EcoIndex: ${base.footprint.ecoIndex!.grade} (${base.footprint.ecoIndex!.score}/100)`);
  });
});

describe('debate sheet document', () => {
  it('is a standalone document: CSP, no script, no external resource, A4 print rules', () => {
    const page = renderDebateHtml(zdnet, 'en');
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script|<link|<img|\bsrc=|url\(/i);
    expect(page).toContain('@page { size: A4');
    expect(text(page)).toContain(t('en', 'debate.depends.heading'));
    expect(text(page)).toContain(t('en', 'debate.decisions'));
  });

  it('escapes every page-derived string (title, URL, evidence, plan targets)', () => {
    const hostile = probedReport(
      'www.izettle.com.har',
      { telLinks: [`tel:${PAYLOAD}`], text: '' },
      { title: `Théâtre ${PAYLOAD}`, url: `https://x.example/?q="><script>alert(1)</script>`, finalUrl: `https://x.example/?q="><script>alert(1)</script>` },
    );
    const report = withPlan(hostile, [step(hostile, 'remove-tracker', `evil${PAYLOAD}`, 1000, 'C', [`Org ${PAYLOAD}`])]);
    for (const lang of ['fr', 'en'] as const) {
      const page = renderDebateHtml(report, lang);
      expect(page).not.toContain(PAYLOAD);
      expect(page).not.toContain('<script>');
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });
});

describe('debate sheet: a tracker that is an AI service', () => {
  it('discusses its removal under the AI question, not the consent one', () => {
    const base = probedReport('www.izettle.com.har');
    const optimizely = base.widgets!.find((widget) => widget.id === 'optimizely')!;
    expect(optimizely.ai).not.toBe('none');
    const report = withPlan(base, [{ ...step(base, 'remove-tracker', 'optimizely.com', 67_000, 'E'), targetName: optimizely.vendor }]);
    const facts = debateFacts(report, 'en');
    expect(facts.questions.find((question) => question.id === 'ai')!.decisions[0]).toContain('−67 kB');
    expect(facts.questions.find((question) => question.id === 'consent')!.decisions.join('\n')).not.toContain('−67 kB');
  });
});
