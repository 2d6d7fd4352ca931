import type { EcoIndexGrade } from './report';

/**
 * EcoIndex, from the method published by GreenIT.fr and the collectif
 * Conception Numérique Responsable (cnumr): https://www.ecoindex.fr/comment-ca-marche/
 * This is our own implementation of the published method and figures; no code
 * of theirs is used (their code and data packages are CC BY-NC-ND).
 *
 * The quantile tables are the published ones (the same arrays appear in
 * cnumr/GreenIT-Analysis script/ecoIndex.js, cnumr/ecoindex_python_fullstack
 * components/ecoindex/data/quantiles.py and npm ecoindex_reference@1.0.2):
 * 21 quantiles of the HTTP Archive distribution of DOM elements, requests and
 * page size in kB (bytes / 1000).
 */
const QUANTILES_DOM = [
  0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601,
] as const;
const QUANTILES_REQUESTS = [
  0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920,
] as const;
const QUANTILES_SIZE_KB = [
  0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06,
  2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
] as const;

/** A grade is the first whose threshold the score strictly exceeds; a score of 0 is G. */
const GRADE_THRESHOLDS: readonly (readonly [EcoIndexGrade, number])[] = [
  ['A', 80],
  ['B', 70],
  ['C', 55],
  ['D', 40],
  ['E', 25],
  ['F', 10],
];

export interface EcoIndexResult {
  /** 0–100, rounded as the reference service (ecoindex_python) does */
  score: number;
  grade: EcoIndexGrade;
  /** greenhouse gas, gCO2e per view, 2 decimals */
  ghg: number;
  /** water, centilitres per view, 2 decimals */
  water: number;
}

export type QuantileTable = 'dom' | 'requests' | 'size';
/** The published quantile tables (exported for the test that compares them with the reference figures). */
export const QUANTILES: Readonly<Record<QuantileTable, readonly number[]>> = {
  dom: QUANTILES_DOM,
  requests: QUANTILES_REQUESTS,
  size: QUANTILES_SIZE_KB,
};

/**
 * The position of `value` in a table, interpolated: (i-1) + (x - Q[i-1]) / (Q[i] - Q[i-1])
 * for the first i in 1..20 with x < Q[i]; 20 beyond the last quantile.
 */
export function quantile(table: QuantileTable, value: number): number {
  const q = QUANTILES[table];
  for (let i = 1; i < q.length; i++) {
    const upper = q[i]!;
    const lower = q[i - 1]!;
    if (value < upper) return i - 1 + (value - lower) / (upper - lower);
  }
  return q.length - 1;
}

/** The unrounded score: 100 - 5 × (3·q_dom + 2·q_requests + q_size) / 6. */
export function rawEcoIndexScore(dom: number, requests: number, sizeKb: number): number {
  for (const [name, value] of [
    ['dom', dom],
    ['requests', requests],
    ['sizeKb', sizeKb],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`EcoIndex: ${name} must be a number ≥ 0, got ${value}`);
  }
  const weighted = 3 * quantile('dom', dom) + 2 * quantile('requests', requests) + quantile('size', sizeKb);
  return 100 - (5 * weighted) / 6;
}

/**
 * Rounds half to even, as Python's round() does: the reference service
 * (ecoindex_python `get_score`) rounds with it before grading.
 */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export function ecoIndexGrade(score: number): EcoIndexGrade {
  for (const [grade, threshold] of GRADE_THRESHOLDS) if (score > threshold) return grade;
  return 'G';
}

/** Greenhouse gas (gCO2e) for a score: 2 + 2 × (50 - score) / 100. */
export function ecoIndexGhg(score: number): number {
  return round2(2 + (2 * (50 - score)) / 100);
}

/** Water (cl) for a score: 3 + 3 × (50 - score) / 100. */
export function ecoIndexWater(score: number): number {
  return round2(3 + (3 * (50 - score)) / 100);
}

/**
 * EcoIndex of a page from its DOM element count, request count and size in kB
 * (bytes / 1000). The score is rounded first, then grade, GHG and water follow
 * the rounded score, as the reference service does. Throws RangeError on a
 * negative or non-finite input.
 */
export function computeEcoIndex(dom: number, requests: number, sizeKb: number): EcoIndexResult {
  const score = Math.min(100, Math.max(0, roundHalfEven(rawEcoIndexScore(dom, requests, sizeKb))));
  return { score, grade: ecoIndexGrade(score), ghg: ecoIndexGhg(score), water: ecoIndexWater(score) };
}
