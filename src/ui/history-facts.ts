/**
 * What the history view draws, decided without the DOM: points of a trend
 * that never mixes scales. A point whose catalog or scoring version differs
 * from the latest one's is marked, and no line joins points of different
 * versions.
 */

/** One summary of a past report (src/extension/history.ts stores them). */
export interface HistoryPoint {
  at: string;
  url: string;
  dependencies: { score: number; grade: string } | null;
  environment: { score: number; grade: string } | null;
  bytes: number;
  requests: number;
  thirdParties: number;
  trackersBeforeInteraction: number | null;
  catalog: string | null;
  scoring: string | null;
}

export type Series = 'dependencies' | 'environment';

export interface TrendPoint {
  index: number;
  score: number;
  /** scored on another scale than the latest point (catalog or scoring version) */
  otherScale: boolean;
}

export const scaleOf = (point: HistoryPoint): string => `${point.catalog ?? '?'}/${point.scoring ?? '?'}`;

/**
 * The runs of one series to draw as lines: consecutive points with a score
 * and the same scale. A run of one point is drawn as a marker alone.
 */
export function trendRuns(points: readonly HistoryPoint[], series: Series): TrendPoint[][] {
  const latest = points.at(-1);
  const current = latest ? scaleOf(latest) : '';
  const runs: TrendPoint[][] = [];
  let run: TrendPoint[] = [];
  let scale: string | null = null;
  points.forEach((point, index) => {
    const value = point[series];
    if (value === null || scaleOf(point) !== scale) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    scale = value === null ? null : scaleOf(point);
    if (value !== null) run.push({ index, score: value.score, otherScale: scaleOf(point) !== current });
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Whether two reports were scored on the same scales. */
export const sameScale = (a: HistoryPoint, b: HistoryPoint): boolean => scaleOf(a) === scaleOf(b);
