import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportFiles } from '../../../src/cli/report-files';
import { t } from '../../../src/i18n/index';
import { exportFile } from '../../../src/ui/export-files';
import { harReport } from './support';

const report = harReport('www.zdnet.com.har');

describe('debate sheet files', () => {
  it('the CLI writes debate.html next to report.json and report.html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'empreinte-debate-'));
    const written = await writeReportFiles(dir, [report], 'fr');
    expect(written.map((path) => path.slice(dir.length + 1))).toEqual(['report.json', 'report.html', 'debate.html']);
    const sheet = readFileSync(join(dir, 'debate.html'), 'utf8');
    expect(sheet).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(sheet).toContain(t('fr', 'debate.consent.heading'));
  });

  it('numbers the sheets of several pages as it numbers the reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'empreinte-debate-'));
    await writeReportFiles(dir, [report, report], 'en');
    expect(readdirSync(dir).sort()).toEqual(['debate-1.html', 'debate-2.html', 'report-1.html', 'report-1.json', 'report-2.html', 'report-2.json']);
    expect(readFileSync(join(dir, 'debate-2.html'), 'utf8')).toContain(t('en', 'debate.title'));
  });

  it('the extension exports it as an HTML file named after the site and the date', () => {
    const file = exportFile('debate', report, 'fr', null, null)!;
    expect(file.name).toMatch(/^empreinte-zdnet\.com-\d{4}-\d{2}-\d{2}-fiche-debat\.html$/);
    expect(file.type).toBe('text/html;charset=utf-8');
    expect(file.text).toContain(t('fr', 'debate.ai.heading'));
    expect(exportFile('debate', report, 'en', null, null)!.name).toMatch(/-debate-sheet\.html$/);
  });
});
