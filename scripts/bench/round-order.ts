/**
 * The order of the browsers in a round of the overhead benchmarks
 * (scripts/bench/extension-cost.ts): shifted by one place each round and
 * reversed every other cycle, so that over 2 × `count` rounds each browser
 * loads in each place equally often, and (two or three browsers) right after
 * each other one equally often: the browser loading first, or right after
 * another's load, is not slowed alike.
 * With the order only reversed every round, the middle one of three was
 * always in the middle: runs before 2026-12-07 had the extension there.
 */
export function roundOrder(count: number, round: number): number[] {
  const order = Array.from({ length: count }, (_, i) => (i + round) % count);
  return Math.floor(round / count) % 2 === 1 ? order.reverse() : order;
}
