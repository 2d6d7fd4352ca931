import { describe, expect, it } from 'vitest';
import { dependencyGrade, scoreDependencies, SCORING_VERSION } from '../../../src/core/dependencies/score';
import { NOTE_IDS, RULES } from '../../../src/core/dependencies/score-rules';
import { Report } from '../../../src/core/report';
import { catalogs } from '../../../src/i18n/index';
import {
  analysed,
  firstPartyOnly,
  fontsAndYoutube,
  heavyPage,
  namedTracker,
  observed,
  party,
  selfHostedMatomo,
  widget,
} from './score-fixtures';

type Score = NonNullable<Report['scores']['dependencies']>;

function score(facts: Parameters<typeof observed>[0]): Score {
  const result = scoreDependencies(observed(facts));
  if (result === null) throw new Error('not scored');
  return result;
}
const points = (result: Score, id: string) => result.deductions.find((deduction) => deduction.id === id)?.points;

/** The score explains itself: its deductions add up to what it lost. */
function expectExplained(result: Score): void {
  const lost = result.deductions.reduce((total, deduction) => total + deduction.points, 0);
  expect(100 - result.score).toBe(Math.min(100, lost));
  expect(result.grade).toBe(dependencyGrade(result.score));
  for (const deduction of result.deductions) {
    expect(deduction.reason.key).toBe(`score.deduction.${deduction.id}`);
    expect([deduction.reason.key, deduction.reason.key in catalogs.fr, deduction.reason.key in catalogs.en]).toEqual([
      deduction.reason.key,
      true,
      true,
    ]);
  }
}

describe('calibration (docs/scoring.md), through analyse() with the bundled catalogs', () => {
  it('a first-party-only page is A, with or without its contact details', () => {
    const withContact = analysed(firstPartyOnly(true)).scores.dependencies!;
    expect(withContact).toEqual({ score: 100, grade: 'A', deductions: [] });
    const bare = analysed(firstPartyOnly()).scores.dependencies!;
    expect(bare.grade).toBe('A');
    expect(bare.deductions.map((deduction) => deduction.id)).toEqual(['no-phone', 'no-address', 'no-opening-hours']);
    expectExplained(bare);
  });

  it('a page with only a self-hosted Matomo is A: the tracker that may be exempt costs nothing', () => {
    const report = analysed(selfHostedMatomo());
    const result = report.scores.dependencies!;
    expect(result.grade).toBe('A');
    expect(result.score).toBeGreaterThanOrEqual(95);
    expect(result.deductions.map((deduction) => deduction.id)).not.toContain('trackers-before-interaction');
    expect(result.deductions.map((deduction) => deduction.id)).not.toContain('trackers');
    expectExplained(result);
  });

  it('Google Fonts plus a YouTube embed is B or C', () => {
    const result = analysed(fontsAndYoutube()).scores.dependencies!;
    expect(['B', 'C']).toContain(result.grade);
    expect(points(result, 'fonts')).toBeGreaterThan(0);
    expect(points(result, 'video-embeds')).toBeGreaterThan(0);
    expect(points(result, 'non-eu-parents')).toBe(RULES['non-eu-parents'].each);
    expectExplained(result);
  });

  it('tag manager + GA4 + Meta Pixel + YouTube + Google Maps + a chat widget, all before interaction, is E', () => {
    const result = analysed(heavyPage()).scores.dependencies!;
    expect(result.grade).toBe('E');
    for (const id of ['trackers-before-interaction', 'pixels', 'video-embeds', 'maps', 'chat-widgets', 'non-eu-parents']) {
      expect([id, (points(result, id) ?? 0) > 0]).toEqual([id, true]);
    }
    expectExplained(result);
  });

  it('a sober page scores better than a heavy one', () => {
    const [sober, matomo, fontsVideo, heavy] = [firstPartyOnly(true), selfHostedMatomo(), fontsAndYoutube(), heavyPage()].map(
      (page) => analysed(page).scores.dependencies!.score,
    );
    expect(sober).toBeGreaterThanOrEqual(matomo!);
    expect(matomo).toBeGreaterThan(fontsVideo!);
    expect(fontsVideo).toBeGreaterThan(heavy!);
  });

  it('writes its version into the report', () => {
    expect(analysed(firstPartyOnly()).versions.scoring).toBe(SCORING_VERSION);
  });
});

describe('scoreDependencies rules', () => {
  it('caps each rule, and clamps the score at 0 with the deductions still adding up', () => {
    const trackers = Array.from({ length: 12 }, (_, index) =>
      party(`tracker${index}.example`, { tracker: true, trackerKinds: ['advertising'], beforeInteraction: true }),
    );
    const result = score({ thirdParties: trackers });
    expect(points(result, 'trackers-before-interaction')).toBe(RULES['trackers-before-interaction'].cap);
    expect(points(result, 'trackers')).toBe(RULES.trackers.cap);
    expect(points(result, 'third-party-domains')).toBe(7);
    expectExplained(result);

    const everything = score({
      thirdParties: trackers.map((item, index) => ({ ...item, parent: `Parent ${index}`, jurisdiction: 'non-eu' as const })),
      trackers: [namedTracker('Meta Pixel', 'pixel'), namedTracker('Hotjar', 'session-recording'), namedTracker('X', 'pixel')],
      widgets: [widget('chatbase', 'chat', 'llm'), widget('accessibe', 'accessibility-overlay', 'ai-overlay'), widget('youtube', 'video', 'none')],
    });
    expect(everything.score).toBe(0);
    expect(everything.grade).toBe('E');
    expectExplained(everything);
  });

  it('names what it found in each reason', () => {
    const result = score({
      thirdParties: [
        party('facebook.net', { tracker: true, trackerKinds: ['pixel'], beforeInteraction: true, parent: 'Meta', jurisdiction: 'non-eu' }),
      ],
      trackers: [namedTracker('meta-pixel', 'pixel', { name: 'Meta Pixel' })],
    });
    const reason = (id: string) => result.deductions.find((deduction) => deduction.id === id)?.reason.params;
    expect(reason('trackers-before-interaction')).toEqual({ count: 1, targets: 'facebook.net' });
    expect(reason('pixels')).toEqual({ count: 1, targets: 'Meta Pixel' });
    expect(reason('non-eu-parents')).toEqual({ count: 1, targets: 'Meta' });
  });

  it('does not count trackers as firing "before consent" when consent was given on an earlier visit, and says so', () => {
    const thirdParties = [party('google-analytics.com', { tracker: true, trackerKinds: ['analytics'], beforeInteraction: true })];
    const fresh = score({ thirdParties });
    const earlier = score({ thirdParties, consent: { ...observed().consent!, givenEarlier: true } });
    expect(points(fresh, 'trackers-before-interaction')).toBe(5);
    expect(points(earlier, 'trackers-before-interaction')).toBeUndefined();
    expect(points(earlier, 'consent-given-earlier')).toBe(0);
    expect(points(earlier, 'trackers')).toBe(3);
    expect(earlier.score).toBe(fresh.score + 5);
  });

  it('a self-hosted Matomo that may be exempt costs nothing; a proxied Google Analytics does', () => {
    const matomo = namedTracker('proxied-matomo', 'analytics', {
      party: 'first',
      remark: { key: 'tracker.remark.mayBeExempt', params: {} },
    });
    expect(score({ trackers: [matomo] }).score).toBe(100);
    const proxiedGa = namedTracker('proxied-ga4-collect', 'analytics', { party: 'first', name: 'Google Analytics 4' });
    const result = score({ trackers: [proxiedGa] });
    expect(points(result, 'trackers')).toBe(3);
    expect(result.deductions.find((deduction) => deduction.id === 'trackers')?.reason.params.targets).toBe('Google Analytics 4');
  });

  it('weighs chat widgets by their AI class, and spares privacy-enhanced video and open maps', () => {
    expect(points(score({ widgets: [widget('chatbase', 'chat', 'llm')] }), 'chat-widgets')).toBe(15);
    expect(points(score({ widgets: [widget('intercom', 'chat', 'ai-capable')] }), 'chat-widgets')).toBe(10);
    expect(points(score({ widgets: [widget('olark', 'chat', 'none')] }), 'chat-widgets')).toBe(4);
    const sober = score({ widgets: [widget('youtube-nocookie', 'video', 'none'), widget('openstreetmap-tiles', 'map', 'none')] });
    expect(sober.score).toBe(100);
    const commercial = score({ widgets: [widget('youtube', 'video', 'none'), widget('google-maps', 'map', 'none')] });
    expect(points(commercial, 'video-embeds')).toBe(8);
    expect(points(commercial, 'maps')).toBe(6);
  });

  it('counts a social SDK seen only through a pixel’s hosts once, as the pixel', () => {
    const pixel = namedTracker('meta-pixel', 'pixel', { name: 'Meta Pixel', evidence: ['host:connect.facebook.net', 'url:https://connect.facebook.net/fr_FR/fbevents.js'] });
    const sdk = { ...widget('facebook-embed', 'social', 'none', 'Facebook SDK'), evidence: ['host:connect.facebook.net'] };
    expect(points(score({ trackers: [pixel], widgets: [sdk] }), 'social-embeds')).toBeUndefined();
    const plugin = { ...sdk, evidence: ['host:connect.facebook.net', 'iframe:https://www.facebook.com/plugins/page.php'] };
    expect(points(score({ trackers: [pixel], widgets: [plugin] }), 'social-embeds')).toBe(4);
  });

  it('counts concentration only among several third-party domains', () => {
    const google = (domain: string, requests: number) => party(domain, { parent: 'Alphabet', jurisdiction: 'non-eu', requests });
    expect(points(score({ thirdParties: [google('googleapis.com', 1), google('gstatic.com', 2)] }), 'concentration')).toBeUndefined();
    const concentrated = score({
      thirdParties: [google('googleapis.com', 4), google('youtube.com', 4), party('weezevent.com', { requests: 3, parent: 'Weezevent', jurisdiction: 'eu' })],
    });
    expect(points(concentrated, 'concentration')).toBe(8);
    expect(concentrated.deductions.find((deduction) => deduction.id === 'concentration')?.reason.params).toMatchObject({
      targets: 'Alphabet',
      share: 73,
    });
    expect(points(concentrated, 'non-eu-parents')).toBe(5);
  });

  it('costs cookies: third-party ones and those lasting over 13 months', () => {
    const cookie = (name: string, party: 'first' | 'third', longLived: boolean) => ({
      name, domain: 'x.example', party, setBy: 'header' as const, lifetimeDays: longLived ? 400 : 30, longLived, beforeInteraction: true,
    });
    const result = score({ cookies: [cookie('a', 'third', true), cookie('b', 'first', true), cookie('c', 'first', false)] });
    expect(points(result, 'third-party-cookies')).toBe(1);
    expect(points(result, 'long-lived-cookies')).toBe(2);
  });

  it('judges nothing it could not observe: null parts cost nothing and are said', () => {
    const result = score({
      thirdParties: [party('doubleclick.net', { tracker: true, trackerKinds: ['advertising'], beforeInteraction: null })],
      widgets: null,
      access: null,
      cookies: null,
    });
    expect(result.deductions.filter((deduction) => deduction.points === 0).map((deduction) => deduction.id).sort()).toEqual(
      ['unjudged-access', 'unjudged-cookies', 'unjudged-timing', 'unjudged-widgets'],
    );
    expect(result.score).toBe(100 - 3);
    expectExplained(result);
  });

  it('is null only when the third parties cannot be judged at all', () => {
    const unjudged = observed({
      organisations: null,
      trackers: null,
      thirdParties: [party('example.com', { tracker: null, trackerKinds: null, beforeInteraction: null })],
    });
    expect(scoreDependencies(unjudged)).toBeNull();
    expect(scoreDependencies({ ...unjudged, organisations: [] })).not.toBeNull();
  });

  it('grades: A ≥ 85, B ≥ 70, C ≥ 50, D ≥ 30, else E', () => {
    expect([100, 85, 84, 70, 69, 50, 49, 30, 29, 0].map(dependencyGrade)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'E', 'E']);
  });

  it('every rule and note has its reason in French and English', () => {
    for (const id of [...Object.keys(RULES), ...NOTE_IDS]) {
      for (const lang of ['fr', 'en'] as const) expect([id, lang, `score.deduction.${id}` in catalogs[lang]]).toEqual([id, lang, true]);
    }
  });
});
