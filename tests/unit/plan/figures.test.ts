import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse, analyseCensus, figuresOf } from '../../../src/core/analyse';
import type { PageCapture } from '../../../src/core/capture';
import { createMemo } from '../../../src/core/dependencies/memo';
import { parseRequestUrl } from '../../../src/core/party';
import { candidatesOf } from '../../../src/core/plan/candidates';
import { applyActions } from '../../../src/core/plan/apply';
import { censusOf } from '../../../src/core/requests';
import { harToCaptures } from '../../../src/collect/har';
import { loadCatalogs } from '../../../src/data/index';
import { catalogs, demoCapture, options } from './support';

const zdnet = (): PageCapture =>
  harToCaptures(JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/hars/www.zdnet.com.har', import.meta.url)), 'utf8')))[0]!;

/** What figuresOf must agree on with the whole analysis. */
function shown(report: { footprint: { bytes: number; requests: number; ecoIndex: unknown; co2: unknown; domElements: number | null }; thirdParties: unknown; scores: { dependencies: unknown } }) {
  const { bytes, requests, ecoIndex, co2, domElements } = report.footprint;
  return { bytes, requests, ecoIndex, co2, domElements, thirdParties: report.thirdParties, dependencies: report.scores.dependencies };
}

describe('figuresOf, the light analysis of a plan simulation', () => {
  for (const [name, capture] of [['the demo venue', demoCapture()], ['zdnet.com (HAR)', zdnet()]] as const) {
    it(`agrees with the whole analysis on every candidate of ${name}, with one memo shared by all simulations`, () => {
      const census = censusOf(capture, parseRequestUrl(capture.page.finalUrl).site);
      const report = analyse(capture, catalogs, { ...options, plan: false });
      const candidates = candidatesOf(report, catalogs);
      expect(candidates.length).toBeGreaterThan(2);
      const memo = createMemo(catalogs);
      expect(shown(figuresOf(capture, census, catalogs, options, memo))).toEqual(shown(report));
      for (const { spec } of candidates) {
        const applied = applyActions(capture, census, [spec], catalogs);
        const whole = analyseCensus(applied.capture, applied.census, catalogs, options);
        expect(shown(figuresOf(applied.capture, applied.census, catalogs, options, memo))).toEqual(shown(whole));
      }
      // the memo was filled and used: matching the same URLs again changes nothing
      expect(memo.trackerMatches.third.size + memo.trackerMatches.first.size).toBeGreaterThan(0);
      expect(memo.entities.size).toBeGreaterThan(0);
    });
  }

  it('ignores a memo made for other catalogs', () => {
    const capture = zdnet();
    const census = censusOf(capture, parseRequestUrl(capture.page.finalUrl).site);
    const other = loadCatalogs();
    const foreign = createMemo({ ...other, trackers: [], services: [], consentManagers: [], entities: [] });
    expect(shown(figuresOf(capture, census, catalogs, options, foreign))).toEqual(shown(analyseCensus(capture, census, catalogs, options)));
    expect(foreign.entities.size).toBe(0);
    expect(foreign.trackerMatches.third.size).toBe(0);
  });

  it('leaves the report of analyse() itself unchanged (the plan is built on the same report)', () => {
    const capture = demoCapture();
    const { plan, planSummary, ...withPlan } = analyse(capture, catalogs, options);
    const { plan: none, planSummary: noSummary, ...without } = analyse(capture, catalogs, { ...options, plan: false });
    expect(none).toBeNull();
    expect(noSummary).toBeNull();
    expect(plan!.length).toBeGreaterThan(0);
    expect(planSummary).not.toBeNull();
    expect(withPlan).toEqual(without);
  });
});
