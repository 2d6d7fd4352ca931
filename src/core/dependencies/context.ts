import type { Catalogs } from '../../data/index';
import type { PageCapture } from '../capture';
import type { CountedRequest } from '../requests';
import type { AnalysisMemo } from './memo';

/** What every dependency analysis reads: the capture, its counted requests, the page's site and the catalogs. */
export interface DependencyContext {
  capture: PageCapture;
  /** network requests that count (./requests.ts), each with its party and bytes */
  counted: readonly CountedRequest[];
  /** registrable domain of the page; null for IP hosts and localhost */
  pageSite: string | null;
  catalogs: Catalogs;
  /** catalog matches for these catalogs, shared by the simulations of one analyse() call (./memo.ts) */
  memo: AnalysisMemo;
}
