import { describe, expect, it } from 'vitest';
import { trendRuns, type HistoryPoint } from '../../../src/ui/history-facts';

const point = (score: number | null, scoring = '2', catalog = '1'): HistoryPoint => ({
  at: '2026-01-01T00:00:00Z',
  url: 'https://www.theatre.fr/',
  dependencies: score === null ? null : { score, grade: 'B' },
  environment: { score: 50, grade: 'D' },
  bytes: 1,
  requests: 1,
  thirdParties: 0,
  trackersBeforeInteraction: null,
  catalog,
  scoring,
});

describe('trendRuns', () => {
  it('never joins points of different scales, and marks those not on the latest scale', () => {
    const runs = trendRuns([point(70, '1'), point(72, '1'), point(80), point(82)], 'dependencies');
    expect(runs.map((run) => run.map((p) => p.index))).toEqual([[0, 1], [2, 3]]);
    expect(runs[0]?.every((p) => p.otherScale)).toBe(true);
    expect(runs[1]?.some((p) => p.otherScale)).toBe(false);
  });

  it('breaks the line where a score was not evaluated, and marks unknown versions (migrated points)', () => {
    const runs = trendRuns([point(60, '2'), point(null), point(65), point(66, '2', null as unknown as string)], 'dependencies');
    expect(runs.map((run) => run.map((p) => p.index))).toEqual([[0], [2], [3]]);
    expect(runs[1]?.[0]?.otherScale).toBe(true);
    expect(trendRuns([point(1), point(2)], 'environment')).toHaveLength(1);
  });
});
