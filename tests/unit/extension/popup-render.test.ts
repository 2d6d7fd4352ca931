import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report';
import { renderAi, renderConsent, renderGrades, renderParents } from '../../../src/ui/popup-dependencies';
import { precisionHints } from '../../../src/ui/popup-precision';
import { text, words } from '../support/lit';

const base = {
  scores: { dependencies: null, environment: null },
  organisations: null,
  consent: null,
  widgets: null,
  thirdParties: [],
} as unknown as Report;

const evaluated = {
  ...base,
  scores: {
    dependencies: { score: 38.4, grade: 'D', deductions: [] },
    environment: { score: 57, grade: 'C' },
  },
  organisations: [
    { parent: 'Alphabet', country: 'US', jurisdiction: 'non-eu', organisations: ['Google', 'YouTube'], domains: ['google.com', 'youtube.com'], requests: 12, bytes: 1, requestShare: 0.6, byteShare: 0.5 },
    { parent: 'Meta', country: 'US', jurisdiction: 'non-eu', organisations: ['Meta Platforms (Facebook, Instagram, WhatsApp)'], domains: ['facebook.net'], requests: 3, bytes: 1, requestShare: 0.15, byteShare: 0.2 },
    { parent: null, country: null, jurisdiction: null, organisations: [], domains: ['petit-agenda.io'], requests: 1, bytes: 1, requestShare: 0.05, byteShare: 0.1 },
  ],
  consent: { managers: [{ id: 'axeptio', name: 'Axeptio', evidence: [] }], tcf: false, givenEarlier: true, firstInteractionAt: null, trackersBeforeInteraction: 4, cookiesBeforeInteraction: 3 },
  widgets: [
    { id: 'accessibe', name: 'accessiBe accessWidget', vendor: 'accessiBe', kind: 'accessibility-overlay', ai: 'ai-overlay', organisation: null, parent: null, country: 'IL', evidence: ['script:x'] },
    { id: 'chatbase', name: 'Chatbase', vendor: 'Chatbase', kind: 'chat', ai: 'llm', organisation: null, parent: null, country: 'US', evidence: ['script:x'] },
    { id: 'youtube', name: 'YouTube embed', vendor: 'YouTube', kind: 'video', ai: 'none', organisation: null, parent: null, country: 'US', evidence: ['iframe:x'] },
  ],
} as unknown as Report;

describe('popup dependency sections', () => {
  it('shows the dependency grade beside the environment grade, each with its scale in words', () => {
    const fr = words(renderGrades(evaluated, 'fr'));
    expect(fr).toContain('Dépendances : D');
    expect(fr).toContain('de A (autonome) à E (très dépendant)');
    expect(fr).toContain('Score 38 sur 100');
    expect(fr).toContain('Environnement : EcoIndex C');
    expect(fr).toContain('EcoIndex, de A (sobre) à G (très lourd)');
    const en = words(renderGrades(evaluated, 'en'));
    expect(en).toContain('Dependencies: D');
    expect(en).toContain('from A (self-reliant) to E (very dependent)');
    // the letters are decoration for screen readers: the sentences carry them
    expect(text(renderGrades(evaluated, 'en'))).toMatch(/aria-hidden="true" data-test="dependency-grade"\s*>D</);
  });

  it('says "not evaluated" rather than inventing a grade', () => {
    expect(words(renderGrades(base, 'fr'))).toContain('Dépendances : non évaluées');
    expect(words(renderGrades(base, 'en'))).toContain('Dependencies: not evaluated');
    expect(words(renderConsent(base, 'en'))).toContain('Trackers before interaction: not evaluated.');
    expect(words(renderAi(base, 'fr'))).toContain('Widgets d’IA : non évalués.');
    expect(words(renderParents(base, 'en'))).toContain('Organisations not evaluated.');
  });

  it('lists the parent companies by share of third-party requests', () => {
    const fr = words(renderParents(evaluated, 'fr'));
    expect(fr).toMatch(/Alphabet \(Google, YouTube\) — 60\s% des requêtes tierces.*Meta .*— 15\s% des requêtes tierces/);
    expect(fr).toContain('Non répertorié (petit-agenda.io)');
    const empty = { ...evaluated, organisations: [] } as Report;
    expect(words(renderParents(empty, 'en'))).toContain('No third party');
  });

  it('counts the trackers before any interaction and says when consent was given on an earlier visit', () => {
    const en = words(renderConsent(evaluated, 'en'));
    expect(en).toContain('4 trackers active before any interaction');
    expect(en).toContain('Consent given on an earlier visit');
    expect(en).toContain('Consent management: Axeptio');
    expect(en).toContain('An observation, not a legal opinion.');
    const none = { ...evaluated, consent: { ...evaluated.consent!, givenEarlier: false, trackersBeforeInteraction: 0 } } as Report;
    expect(words(renderConsent(none, 'fr'))).toContain('Aucun traceur actif avant toute interaction');
    expect(words(renderConsent(none, 'fr'))).not.toContain('visite précédente');
  });

  it('names each AI widget with its class in words, the language models first; others are left out', () => {
    const fr = words(renderAi(evaluated, 'fr'));
    expect(fr).toMatch(/Chatbase — assistant conversationnel \(modèle de langage\).*accessiBe accessWidget — surcouche d’accessibilité vendue comme IA/);
    expect(fr).not.toContain('YouTube');
    const noAi = { ...evaluated, widgets: [evaluated.widgets![2]!] } as Report;
    expect(words(renderAi(noAi, 'en'))).toContain('No AI widget found.');
  });
});

describe('precision hints', () => {
  const withFootprint = (share: number, notes: string[]) =>
    ({ ...base, footprint: { bytesMeasuredShare: share }, notes: notes.map((key) => ({ key, params: {} })) }) as unknown as Report;

  it('points to the DevTools panel when part of the weight is estimated', () => {
    expect(words(precisionHints(withFootprint(0.62, []), 'fr'))).toBe(
      'Pour une mesure exacte : ouvrez les outils de développement (F12), onglet Empreinte.',
    );
    expect(words(precisionHints(withFootprint(0.62, []), 'en'))).toContain('open the developer tools (F12), Empreinte tab');
    expect(words(precisionHints(withFootprint(1, []), 'fr'))).toBe('');
  });

  it('says how to measure a page that came from the cache', () => {
    const said = words(precisionHints(withFootprint(1, ['note.document.fromCache']), 'fr'));
    expect(said).toContain('rechargez-la sans le cache (Ctrl+Maj+R) ou utilisez la mesure exacte');
    expect(said).toContain('onglet Empreinte');
  });
});
