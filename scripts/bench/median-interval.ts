/**
 * How far the median of the paired rounds of the overhead benchmarks can be
 * trusted: a percentile bootstrap (the rounds drawn again with replacement,
 * `draws` times; the middle `level` of those samples' medians). The middle half
 * of the rounds says how much one round varies; this says where the median
 * itself may lie. The draws come from a seeded generator, so that a table can
 * be recomputed from its numbers.
 */
import { median } from '../../src/cli/audit/sector-facts';
import { seeded } from '../../tests/support/seeded';

export function medianInterval(values: readonly number[], level = 0.9, draws = 4000, seed = 1): [number, number] {
  if (values.length === 0) return [Number.NaN, Number.NaN];
  const random = seeded(seed);
  const medians: number[] = [];
  const sample = new Array<number>(values.length);
  for (let draw = 0; draw < draws; draw++) {
    for (let i = 0; i < values.length; i++) sample[i] = values[Math.floor(random() * values.length)]!;
    medians.push(median(sample)!);
  }
  medians.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [medians[Math.floor(tail * (draws - 1))]!, medians[Math.ceil((1 - tail) * (draws - 1))]!];
}
