// `empreinte demo`: serves the bundled venue site on 127.0.0.1, audits it in
// real Chromium, prints a readable summary naming its third parties and writes
// report.json and report.html. Offline by construction (every host name is
// resolved to the local server).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/core/report';
import { buildCli, runCli } from './support/cli';

let workDir: string;

beforeAll(() => {
  buildCli();
  workDir = mkdtempSync(join(tmpdir(), 'empreinte-demo-'));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('empreinte demo', () => {
  it('audits the demo venue and writes its reports into ./demo-output', async () => {
    const result = await runCli(['demo'], { cwd: workDir });
    expect(result.stderr).not.toMatch(/unexpected error|unreachable/);
    expect(result.code).toBe(0);

    for (const name of ['Google Tag Manager', 'Google Analytics', 'Facebook', 'YouTube', 'Google Fonts', 'Crisp']) {
      expect(result.stdout).toContain(name);
    }
    expect(result.stdout).toContain('https://www.theatre-de-la-lune.fr/');
    expect(result.stdout).toContain(join('demo-output', 'report.html'));

    const report = Report.parse(JSON.parse(readFileSync(join(workDir, 'demo-output/report.json'), 'utf8')));
    expect(report.page.method).toBe('cdp');
    expect(report.footprint.requests).toBeGreaterThanOrEqual(30);
    expect(report.footprint.requests).toBeLessThanOrEqual(50);
    expect(report.footprint.bytesMeasuredShare).toBe(1);
    const domains = report.thirdParties?.map((party) => party.domain) ?? [];
    expect(domains).toEqual(
      expect.arrayContaining([
        'googletagmanager.com',
        'google-analytics.com',
        'facebook.net',
        'facebook.com',
        'youtube.com',
        'ytimg.com',
        'gstatic.com',
        'weezevent.com',
        'crisp.chat',
      ]),
    );
    const html = readFileSync(join(workDir, 'demo-output/report.html'), 'utf8');
    expect(html).toContain('theatre-de-la-lune.fr');
    expect(existsSync(join(workDir, 'demo-output/capture.json'))).toBe(true);
  });

  it('prints one JSON report with --json, in the language asked', async () => {
    const result = await runCli(['demo', '--json', '--lang', 'fr', '--out', 'sortie'], { cwd: workDir });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = Report.parse(JSON.parse(lines[0]!));
    expect(report.page.finalUrl).toBe('https://www.theatre-de-la-lune.fr/');
    expect(result.stderr).toContain('Site de démonstration servi en local');
    expect(existsSync(join(workDir, 'sortie/report.html'))).toBe(true);
  });
});
