import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse';
import type { PageCapture } from '../../../src/core/capture';
import { Report, type PlanStep } from '../../../src/core/report';
import { simulate } from '../../../src/core/simulate';
import { harToCaptures } from '../../../src/collect/har';
import { t } from '../../../src/i18n/index';
import { catalogs, demoCapture, options } from './support';

const HARS = fileURLToPath(new URL('../../fixtures/hars/', import.meta.url));

/** Every step's "after" equals simulating it alone, and bytes/requests add up exactly. */
function checkPlan(capture: PageCapture, report: Report): void {
  const gains = (report.plan ?? []).map((step) => step.gain);
  expect(gains).toEqual([...gains].sort((a, b) => b - a));
  for (const step of report.plan ?? []) {
    const alone = simulate(capture, [{ action: step.action, target: step.target }], catalogs, options);
    expect(step.after.footprint.bytes).toBe(alone.footprint.bytes);
    expect(step.after.footprint.bytes).toBe(report.footprint.bytes - step.removed.bytes + step.added.bytes);
    expect(step.after.footprint.requests).toBe(report.footprint.requests - step.removed.requests + step.added.requests);
    expect(step.after.scores.dependencies.score).toBe(alone.scores.dependencies?.score);
    for (const message of [step.title, step.how, ...step.notes]) {
      expect(t('fr', message.key, message.params)).not.toBe(message.key);
      expect(t('en', message.key, message.params)).not.toBe(message.key);
    }
  }
  const [first] = report.plan ?? [];
  if (first) expect(improves(report, first)).toBe(true);
}

function improves(report: Report, step: PlanStep): boolean {
  return step.after.scores.dependencies.score > (report.scores.dependencies?.score ?? 100) || step.after.footprint.bytes < report.footprint.bytes;
}

describe('the action plan', () => {
  it('is golden for the demo venue, and its summary is the first three applied together', () => {
    const capture = demoCapture();
    const report = analyse(capture, catalogs, options);
    expect(() => Report.parse(report)).not.toThrow();
    expect(report.plan?.map((step) => step.id)).toEqual([
      'remove-tracker:meta-pixel',
      'remove-tracker:googletagmanager.com',
      'facade-embed:youtube',
      'self-host-fonts:google-fonts',
      'remove-chat:crisp',
    ]);
    checkPlan(capture, report);
    const summary = report.planSummary!;
    expect(summary.ids).toEqual(report.plan!.slice(0, 3).map((step) => step.id));
    const together = simulate(capture, report.plan!.slice(0, 3).map(({ action, target }) => ({ action, target })), catalogs, options);
    expect(summary.after.footprint.bytes).toBe(together.footprint.bytes);
    expect(summary.after.footprint.bytes).toBe(report.footprint.bytes - summary.removed.bytes + summary.added.bytes);
    expect(summary.after.scores.dependencies).toEqual({ score: together.scores.dependencies?.score, grade: together.scores.dependencies?.grade });
    expect(report.scores.dependencies?.grade).toBe('E');
    expect(summary.after.scores.dependencies.grade).toBe('B');
    expect(summary.removed.organisations).toContain('YouTube');
  });

  it('is off when asked, so that a simulation never plans', () => {
    const report = analyse(demoCapture(), catalogs, { ...options, plan: false });
    expect(report.plan).toBeNull();
    expect(report.planSummary).toBeNull();
  });

  const golden: Record<string, string | null> = {
    'bing.com.har': null,
    'ilmessaggero.it-h2push.har': null,
    'www.calibreapp.com.signin.har': 'defer-chat:intercom',
    'www.izettle.com.har': 'remove-tracker:optimizely.com',
    'www.vercel.com.har': 'remove-tracker:segment.com',
    'www.wikipedia.org.har': null,
    'www.zdnet.com.har': 'remove-tracker:meta-pixel',
  };
  for (const file of readdirSync(HARS).filter((name) => name.endsWith('.har'))) {
    it(`is ordered and exact for ${file}`, () => {
      for (const capture of harToCaptures(JSON.parse(readFileSync(HARS + file, 'utf8')))) {
        const report = analyse(capture, catalogs, options);
        expect(report.plan?.[0]?.id ?? null).toBe(golden[file]);
        checkPlan(capture, report);
      }
    }, 30_000);
  }
});
