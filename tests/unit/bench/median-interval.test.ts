// The interval the overhead benchmarks give for their median (scripts/bench/median-interval.ts).
import { describe, expect, it } from 'vitest';
import { medianInterval } from '../../../scripts/bench/median-interval';

describe('medianInterval', () => {
  it('holds the median, narrows as the rounds grow, and is the same for the same numbers', () => {
    // a spread like the paired ratios of the benchmark: 1.10 ± 0.08
    const rounds = (n: number) => Array.from({ length: n }, (_, i) => 1.1 + 0.08 * Math.sin(i * 2.399));
    const [lo12, hi12] = medianInterval(rounds(12));
    const [lo96, hi96] = medianInterval(rounds(96));
    expect(lo12).toBeLessThan(1.1);
    expect(hi12).toBeGreaterThan(1.1);
    expect(lo96).toBeLessThanOrEqual(1.1);
    expect(hi96).toBeGreaterThanOrEqual(1.1);
    expect(hi96 - lo96).toBeLessThan((hi12 - lo12) / 2);
    expect(medianInterval(rounds(12))).toEqual([lo12, hi12]);
  });

  it('is a point for identical rounds, and says nothing for none', () => {
    expect(medianInterval([1.05, 1.05, 1.05])).toEqual([1.05, 1.05]);
    expect(medianInterval([]).every(Number.isNaN)).toBe(true);
  });

  it('covers the true median of the distribution about as often as its level says', () => {
    // rounds drawn from a known distribution (uniform on [1, 1.2], median 1.1): a 90 % interval should hold it
    // in about 90 % of trials; the same seeded generator is not reused for the data
    let state = 7;
    const next = () => ((state = (state * 48271) % 2147483647) / 2147483647);
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const rounds = Array.from({ length: 36 }, () => 1 + 0.2 * next());
      const [lo, hi] = medianInterval(rounds, 0.9, 1000, t + 1);
      if (lo <= 1.1 && 1.1 <= hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.82);
    expect(covered / trials).toBeLessThan(0.98);
  });
});
