import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report';
import { renderFindings, renderVerdict, topFindings } from '../../../src/ui/popup-findings';
import { t } from '../../../src/i18n/index';
import { words } from '../support/lit';

const deduction = (id: string, points: number, params: Record<string, string | number> = {}) => ({
  id,
  points,
  reason: { key: `score.deduction.${id}`, params },
});

const report = {
  scores: {
    dependencies: {
      score: 41,
      grade: 'C',
      // not in order on purpose: the popup must not trust the order it is given
      deductions: [
        deduction('fonts', 3, { targets: 'Google Fonts' }),
        deduction('consent-given-earlier', 0),
        deduction('trackers-before-interaction', 20, { count: 3, targets: 'Google Analytics, Meta Pixel, Hotjar' }),
        deduction('third-party-domains', 6, { count: 14, free: 8 }),
        deduction('non-eu-parents', 15, { count: 2, targets: 'Alphabet, Meta' }),
        deduction('maps', 6, { targets: 'Google Maps' }),
      ],
    },
    environment: { score: 57, grade: 'C' },
  },
  thirdParties: [
    { domain: 'google-analytics.com', tracker: true, beforeInteraction: true },
    { domain: 'facebook.net', tracker: true, beforeInteraction: false },
    { domain: 'gstatic.com', tracker: false, beforeInteraction: null },
  ],
  widgets: [{ id: 'crisp', name: 'Crisp', ai: 'ai-capable' }],
} as unknown as Report;

describe('popup glance: verdict and the three findings that weigh most', () => {
  it('keeps the three heaviest deductions, heaviest first, ties in the report order, zero-point notes left out', () => {
    expect(topFindings(report)?.map((finding) => [finding.id, finding.points])).toEqual([
      ['trackers-before-interaction', 20],
      ['non-eu-parents', 15],
      ['third-party-domains', 6],
    ]);
  });

  it('writes each finding as its sentence with the points it cost, in French and English', () => {
    const fr = words(renderFindings(report, 'fr'));
    expect(fr).toContain('Les trois constats qui pèsent le plus');
    expect(fr).toContain(t('fr', 'score.deduction.trackers-before-interaction', { count: 3, targets: 'Google Analytics, Meta Pixel, Hotjar' }));
    expect(fr).toContain('−20 points');
    expect(fr.indexOf('−20 points')).toBeLessThan(fr.indexOf('−15 points'));
    expect(fr).not.toContain('Google Maps');
    const en = words(renderFindings(report, 'en'));
    expect(en).toContain('The three findings that weigh most');
    expect(en).toContain(t('en', 'score.deduction.non-eu-parents', { count: 2, targets: 'Alphabet, Meta' }));
  });

  it('says when nothing was lost, and when the findings are not evaluated', () => {
    const clean = { ...report, scores: { ...report.scores, dependencies: { score: 100, grade: 'A', deductions: [deduction('consent-given-earlier', 0)] } } } as unknown as Report;
    expect(words(renderFindings(clean, 'fr'))).toContain('Aucun point perdu sur les dépendances.');
    const pending = { ...report, scores: { ...report.scores, dependencies: null } } as unknown as Report;
    expect(topFindings(pending)).toBeNull();
    expect(words(renderFindings(pending, 'en'))).toContain('Findings not evaluated yet.');
  });

  it('gives the one-line verdict with both grades and the counts', () => {
    const fr = words(renderVerdict(report, 'fr'));
    expect(fr).toBe(
      t('fr', 'fullreport.verdict', { dependencies: 'C', environment: 'C', parties: 3, trackers: 2, before: 1, ai: 1 }),
    );
    expect(fr).toMatch(/^Dépendances C, environnement C/);
  });
});
