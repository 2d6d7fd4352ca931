// Random EcoIndex inputs against an independent implementation of the
// published formula, written here from the research file's formula text
// (tests/fixtures/research/ecoindex-vectors.json, `reference`):
//   score = 100 - 5*(3*q_dom + 2*q_req + 1*q_size)/6
//   q(x) = (i-1) + (x - Q[i-1])/(Q[i]-Q[i-1]) for the first i in 1..20 with x < Q[i], else 20
//   ges = 2 + 2*(50 - score)/100 ; water = 3 + 3*(50 - score)/100
// with the reference service's rounding: the score rounded half to even
// (Python's round) first, grade, GHG and water from the rounded score.
import { describe, expect, it } from 'vitest';
import vectors from '../../fixtures/research/ecoindex-vectors.json';
import { computeEcoIndex } from '../../../src/core/ecoindex';
import { seeded } from '../../support/seeded';

const { quantiles, grades_strictly_greater_than: thresholds } = vectors.reference;

function q(table: readonly number[], x: number): number {
  for (let i = 1; i <= 20; i++) if (x < table[i]!) return i - 1 + (x - table[i - 1]!) / (table[i]! - table[i - 1]!);
  return 20;
}

function pythonRound(x: number): number {
  const floor = Math.floor(x);
  if (x - floor !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

function reference(dom: number, requests: number, sizeKb: number) {
  const raw = 100 - (5 * (3 * q(quantiles.dom, dom) + 2 * q(quantiles.req, requests) + q(quantiles.size, sizeKb))) / 6;
  const score = Math.max(0, Math.min(100, pythonRound(raw)));
  const grade = (Object.entries(thresholds) as [string, number][]).find(([, limit]) => score > limit)?.[0] ?? 'G';
  return {
    score,
    grade,
    ghg: Number((2 + (2 * (50 - score)) / 100).toFixed(2)),
    water: Number((3 + (3 * (50 - score)) / 100).toFixed(2)),
  };
}

describe('EcoIndex against an independent implementation of the published formula', () => {
  it('agrees on 500 seeded random pages, from empty to far beyond the last quantile', () => {
    const random = seeded(20251001);
    const mismatches: string[] = [];
    for (let n = 0; n < 500; n++) {
      // log-uniform spreads the inputs over every quantile band, the last one included
      const dom = Math.floor(Math.exp(random() * Math.log(800_000)) - 1);
      const requests = Math.floor(Math.exp(random() * Math.log(5_000)) - 1);
      const sizeKb = Math.round((Math.exp(random() * Math.log(300_000)) - 1) * 1000) / 1000;
      const expected = reference(dom, requests, sizeKb);
      const actual = computeEcoIndex(dom, requests, sizeKb);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${dom}/${requests}/${sizeKb}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('the generator covers every grade, so the comparison is not one-sided', () => {
    const random = seeded(20251001);
    const grades = new Set<string>();
    for (let n = 0; n < 500; n++) {
      const dom = Math.floor(Math.exp(random() * Math.log(800_000)) - 1);
      const requests = Math.floor(Math.exp(random() * Math.log(5_000)) - 1);
      const sizeKb = Math.round((Math.exp(random() * Math.log(300_000)) - 1) * 1000) / 1000;
      grades.add(reference(dom, requests, sizeKb).grade);
    }
    expect([...grades].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });
});
