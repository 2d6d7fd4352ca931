// The paired rounds of the overhead benchmarks (scripts/bench/round-order.ts) give
// every browser every place in the order, and (up to three) every predecessor, equally often.
import { describe, expect, it } from 'vitest';
import { roundOrder } from '../../../scripts/bench/round-order';

describe('roundOrder', () => {
  it.each([2, 3, 4, 5])('over 2 × %i rounds, each browser loads in each place equally often', (count) => {
    const places = new Map<string, number>();
    const after = new Map<string, number>();
    for (let round = 0; round < 2 * count; round++) {
      const order = roundOrder(count, round);
      expect([...order].sort()).toEqual(Array.from({ length: count }, (_, i) => i));
      order.forEach((browser, place) => places.set(`${browser}@${place}`, (places.get(`${browser}@${place}`) ?? 0) + 1));
      for (let i = 1; i < order.length; i++) after.set(`${order[i - 1]}>${order[i]}`, (after.get(`${order[i - 1]}>${order[i]}`) ?? 0) + 1);
    }
    expect(places.size).toBe(count * count);
    expect(new Set(places.values())).toEqual(new Set([2]));
    if (count > 3) return;
    // two or three browsers: each comes right after each other one, as often as after any other
    expect(after.size).toBe(count * (count - 1));
    expect(new Set(after.values()).size).toBe(1);
  });
});
