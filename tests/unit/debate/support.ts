import { readFileSync } from 'node:fs';
import { harToCaptures } from '../../../src/collect/har';
import { elementsOnly } from '../../../src/collect/probe';
import { analyse } from '../../../src/core/analyse';
import type { PageCapture } from '../../../src/core/capture';
import { Report, type PlanAfter, type PlanStep } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';

export const PAYLOAD = '<img src=x onerror=alert(1)>';

/** A HAR fixture's first page, as imported. */
function harCapture(name: string): PageCapture {
  const har: unknown = JSON.parse(readFileSync(new URL(`../../fixtures/hars/${name}`, import.meta.url), 'utf8'));
  return harToCaptures(har)[0]!;
}

export function harReport(name: string): Report {
  return analyse(harCapture(name), loadCatalogs(), { toolVersion: 'test' });
}

/** A HAR page given a DOM probe (so EcoIndex, access and "before interaction" are evaluated), with `dom` overrides. */
export function probedReport(name: string, dom: Partial<NonNullable<PageCapture['dom']>> = {}, page: Partial<PageCapture['page']> = {}): Report {
  const capture = harCapture(name);
  const probed: PageCapture = { ...capture, page: { ...capture.page, ...page }, dom: { ...elementsOnly(900), ...dom } };
  return analyse(probed, loadCatalogs(), { toolVersion: 'test' });
}

/** The report as if `bytes` and `requests` fewer were loaded, with the dependency grade given. */
export function after(report: Report, removedBytes: number, removedRequests: number, grade: 'A' | 'B' | 'C' | 'D' | 'E', score: number): PlanAfter {
  const eco = report.footprint.ecoIndex;
  return {
    footprint: {
      bytes: report.footprint.bytes - removedBytes,
      requests: report.footprint.requests - removedRequests,
      ecoIndex: eco ? { score: Math.min(100, eco.score + 10), grade: 'A' } : null,
      co2: { grams: report.footprint.co2.grams / 2 },
      domElements: report.footprint.domElements,
    },
    scores: { dependencies: { score, grade } },
  };
}

/** A plan step written by hand (valid against the schema), its target possibly hostile. */
export function step(report: Report, action: PlanStep['action'], target: string, removedBytes: number, grade: 'A' | 'B' | 'C' | 'D' | 'E', organisations: string[] = []): PlanStep {
  return {
    id: `${action}:${target}`,
    action,
    target,
    targetName: target,
    title: { key: `plan.${action}.title`, params: { name: target } },
    how: { key: `plan.${action}.how`, params: { name: target } },
    removed: { requests: 3, bytes: removedBytes, organisations },
    added: { requests: 0, bytes: 0 },
    gain: removedBytes,
    after: after(report, removedBytes, 3, grade, 80),
    notes: [],
  };
}

/** `report` with a plan of the given steps and the summary of the first three. */
export function withPlan(report: Report, steps: PlanStep[]): Report {
  const first = steps.slice(0, 3);
  const removedBytes = first.reduce((sum, s) => sum + s.removed.bytes, 0);
  return Report.parse({
    ...report,
    plan: steps,
    planSummary:
      first.length === 0
        ? null
        : {
            steps: first.length,
            ids: first.map((s) => s.id),
            removed: { requests: 3 * first.length, bytes: removedBytes, organisations: first.flatMap((s) => s.removed.organisations) },
            added: { requests: 0, bytes: 0 },
            after: after(report, removedBytes, 3 * first.length, 'B', 81),
          },
  });
}
