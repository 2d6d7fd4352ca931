import { describe, expect, it } from 'vitest';
import { recommend, recommendationIds } from '../../../src/core/dependencies/recommendations';
import { catalogs } from '../../../src/i18n/index';
import { dependencies } from '../../../src/i18n/messages/dependencies';
import { analysed, firstPartyOnly, heavyPage, namedTracker, observed, observedOf, party, widget } from './score-fixtures';

const ids = (facts: Parameters<typeof observed>[0]) => (recommend(observed(facts)) ?? []).map((item) => item.id);

describe('recommend', () => {
  it('recommends nothing for a sober page, and is null only when nothing was evaluated', () => {
    expect(recommend(observed())).toEqual([]);
    expect(
      recommend(observed({ organisations: null, trackers: null, cookies: null, consent: null, widgets: null, access: null })),
    ).toBeNull();
  });

  it('gives one alternative per finding family, with its targets', () => {
    const result = recommend(
      observed({
        thirdParties: [
          party('googletagmanager.com', { tracker: true, trackerKinds: ['tag-manager'], beforeInteraction: true }),
          party('facebook.net', { tracker: true, trackerKinds: ['pixel', 'social'], beforeInteraction: true }),
        ],
        trackers: [namedTracker('meta-pixel', 'pixel', { name: 'Meta Pixel' }), namedTracker('hotjar', 'session-recording', { name: 'Hotjar' })],
        widgets: [
          widget('google-fonts', 'font', 'none', 'Google Fonts'),
          widget('youtube', 'video', 'none', 'YouTube'),
          widget('google-maps', 'map', 'none', 'Google Maps'),
          widget('chatbase', 'chat', 'llm', 'Chatbase'),
          widget('accessibe', 'accessibility-overlay', 'ai-overlay', 'accessiBe'),
          widget('weglot', 'translation', 'ai-translation', 'Weglot'),
          widget('facebook-embed', 'social', 'none', 'Facebook'),
          widget('jsdelivr', 'cdn', 'none', 'jsDelivr'),
          { ...widget('weezevent', 'ticketing', 'none', 'Weezevent'), evidence: ['iframe:https://widget.weezevent.com/ticket/E1'] },
        ],
        access: { phone: { found: false, evidence: [] }, address: { found: true, evidence: ['x'] }, openingHours: { found: false, evidence: [] } },
      }),
    )!;
    const byId = Object.fromEntries(result.map((item) => [item.id, item.targets]));
    expect(byId).toEqual({
      'honest-consent': ['googletagmanager.com', 'facebook.net'],
      'remove-session-recording': ['Hotjar'],
      'remove-pixels': ['Meta Pixel'],
      'exempt-analytics': ['googletagmanager.com'],
      'human-contact': ['Chatbase'],
      'remove-overlay': ['accessiBe'],
      'video-facade': ['YouTube'],
      'static-map': ['Google Maps'],
      'self-host-fonts': ['Google Fonts'],
      'social-links': ['Facebook'],
      'reviewed-translations': ['Weglot'],
      'publish-offline-access': ['phone', 'openingHours'],
      'self-host-libraries': ['jsDelivr'],
      'ticketing-link': ['Weezevent'],
    });
    for (const item of result) {
      expect(item.title.key).toBe(`rec.${item.id}.title`);
      expect(item.why.key).toBe(`rec.${item.id}.why`);
    }
    // most important first: the order follows the points of the findings they answer
    expect(result[0]!.id).toBe('remove-session-recording');
    expect(result.at(-1)!.id).toBe('ticketing-link');
  });

  it('does not tell a visitor who consented earlier that trackers fired before consent', () => {
    const thirdParties = [party('google-analytics.com', { tracker: true, trackerKinds: ['analytics'], beforeInteraction: true })];
    expect(ids({ thirdParties })).toEqual(['honest-consent', 'exempt-analytics']);
    expect(ids({ thirdParties, consent: { ...observed().consent!, givenEarlier: true } })).toEqual(['exempt-analytics']);
  });

  it('does not recommend replacing a Matomo that may be exempt, nor privacy-enhanced video or open maps', () => {
    const matomo = namedTracker('proxied-matomo', 'analytics', { party: 'first', remark: { key: 'tracker.remark.mayBeExempt', params: {} } });
    expect(ids({ trackers: [matomo], widgets: [widget('youtube-nocookie', 'video', 'none'), widget('umap', 'map', 'none')] })).toEqual([]);
    const proxied = namedTracker('proxied-ga4-collect', 'analytics', { party: 'first', name: 'Google Analytics 4' });
    expect(recommend(observed({ trackers: [proxied] }))!.find((item) => item.id === 'exempt-analytics')?.targets).toEqual([
      'Google Analytics 4',
    ]);
  });

  it('asks for fewer multinationals when one parent dominates, and for fewer third parties beyond five domains', () => {
    const thirdParties = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((letter) =>
      party(`${letter}.example`, { parent: 'Alphabet', jurisdiction: 'non-eu' }),
    );
    const result = recommend(observed({ thirdParties }))!;
    expect(result.map((item) => item.id)).toEqual(['fewer-multinationals', 'fewer-third-parties']);
    expect(result[0]!.targets).toEqual(['Alphabet']);
  });

  it('on a heavy page through analyse(), the most important come first and an unneeded one is absent', () => {
    const result = recommend(observedOf(analysed(heavyPage())))!;
    const order = result.map((item) => item.id);
    expect(order.indexOf('honest-consent')).toBeLessThan(order.indexOf('video-facade'));
    expect(order).toContain('remove-pixels');
    expect(order).toContain('human-contact');
    expect(order).not.toContain('remove-overlay');
    expect(recommend(observedOf(analysed(firstPartyOnly(true))))).toEqual([]);
  });

  it('every recommendation has a title and a why in French and English', () => {
    for (const id of recommendationIds) {
      for (const part of ['title', 'why']) {
        const key = `rec.${id}.${part}`;
        expect([key, key in catalogs.fr, key in catalogs.en]).toEqual([key, true, true]);
      }
    }
    expect(Object.keys(dependencies.fr).sort()).toEqual(Object.keys(dependencies.en).sort());
  });
});
