// The sector outputs end to end: `empreinte merge` (the built CLI) on two
// shard folders gives the same report.html as one run over all the rows, with
// duplicates dropped, a cut last line repaired and clear errors for bad
// folders; the report, opened from disk (file://) in real Chromium, loads
// nothing else, shows its sections, sorts its table from the keyboard, runs
// no page-derived payload and axe-core finds no violation (light and dark).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { parseRows } from '../../src/cli/audit/outputs';
import { renderSectorHtml } from '../../src/cli/audit/sector-html';
import { sectorStats } from '../../src/cli/audit/sector-stats';
import type { AuditRow } from '../../src/cli/audit/row';
import { harReport, PAYLOAD, rowOf, venueReport } from '../unit/audit/sector-support';
import { axeViolations } from './support/axe';
import { chromiumArgs, chromiumPath } from './support/chromium';
import { buildCli, runCli } from './support/cli';


const lune = rowOf(venueReport('lune.fr', { phone: true, title: `Lune ${PAYLOAD}`, url: `https://www.lune.fr/?x=${PAYLOAD}` }), { site: 'lune.fr', name: `La Lune ${PAYLOAD}` });
const luneAgenda = rowOf(venueReport('lune.fr', { phone: false, url: 'https://www.lune.fr/agenda' }), { site: 'lune.fr', role: 'agenda' });
const soleil = rowOf(venueReport('soleil.fr', { phone: false }), { site: 'soleil.fr', name: 'Le Soleil' });
const soleilRefused = rowOf(venueReport('soleil.fr', { phone: false, afterClick: true, consentState: 'refused' }), { site: 'soleil.fr', consent: 'refuse', name: 'Le Soleil' });
const zdnet = rowOf(harReport('www.zdnet.com.har'), { site: 'zdnet.com', name: 'ZDNet' });
const broken = rowOf(null, { site: 'broken.fr', name: 'Salle fermée' });
// the same page audited again in the second shard, later: this one must win
const brokenLater = { ...broken, attempts: 3, finishedAt: '2026-11-29T11:00:00.000Z' };
const oneRun = [lune, luneAgenda, soleil, soleilRefused, zdnet, brokenLater];

const jsonl = (rows: AuditRow[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');

let dir: string;
let browser: Browser;
beforeAll(async () => {
  buildCli();
  dir = await mkdtemp(join(tmpdir(), 'empreinte-merge-'));
  await mkdir(join(dir, 'shard-1'));
  await mkdir(join(dir, 'shard-2'));
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'shard-1', 'results.jsonl'), jsonl([lune, luneAgenda, soleil, broken]));
  // shard 2 was killed in the middle of a write: its last line is cut in half
  await writeFile(join(dir, 'shard-2', 'results.jsonl'), jsonl([soleilRefused, zdnet, brokenLater]) + JSON.stringify(lune).slice(0, 300));
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
});
afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('empreinte merge', () => {
  it('merges two shards into the same sector report as one run', async () => {
    const result = await runCli(['merge', 'shard-1', 'shard-2', '--out', 'merged', '--lang', 'fr'], { cwd: dir });
    // messages follow --lang, as the report does
    expect(result.stderr).toContain('shard-2/results.jsonl : dernière ligne coupée');
    expect(result.stderr).toContain('6 ligne(s) réunie(s) depuis 2 dossier(s), 1 doublon(s) écarté(s)');
    expect(result.code).toBe(0);
    const merged = parseRows(await readFile(join(dir, 'merged', 'results.jsonl'), 'utf8'));
    expect(merged.rows).toHaveLength(6);
    expect(merged.rows.find((row) => row.site === 'broken.fr')?.attempts).toBe(3);
    const report = await readFile(join(dir, 'merged', 'report.html'), 'utf8');
    expect(report).toBe(renderSectorHtml(sectorStats([...oneRun].reverse()), 'fr'));
    const summary = await readFile(join(dir, 'merged', 'summary.csv'), 'utf8');
    expect(summary.startsWith('\ufeffurl;')).toBe(true);
    expect(summary.split('\r\n')).toHaveLength(6 + 2);
    expect((await readFile(join(dir, 'merged', 'quick-wins.csv'), 'utf8')).startsWith('\ufeffrank;id;action;')).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'merged', 'merge.json'), 'utf8'))).toMatchObject({ inputs: ['../shard-1', '../shard-2'], rows: 6, duplicates: 1 });
    // merging again into its own output folder is allowed (it holds merge.json)
    expect((await runCli(['merge', 'shard-1', 'shard-2', '--out', 'merged', '--lang', 'fr'], { cwd: dir })).code).toBe(0);
  });

  it('says what is wrong with a folder, in one line, with the usual exit codes', async () => {
    const missing = await runCli(['merge', 'nowhere'], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([1, 'empreinte merge: nowhere: no such folder\n']);
    const empty = await runCli(['merge', 'empty'], { cwd: dir });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^empreinte merge: empty has no results\.jsonl/);
    const none = await runCli(['merge'], { cwd: dir });
    expect(none.code).toBe(2);
    const self = await runCli(['merge', 'shard-1', 'shard-2', '--out', 'shard-1'], { cwd: dir });
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('--out cannot be one of the merged folders (shard-1)');
    const audit = await runCli(['merge', 'shard-1', '--out', 'shard-2'], { cwd: dir });
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain('shard-2 already holds an audit');
  });

  it('skips invalid lines, names them, and exits 1', async () => {
    await mkdir(join(dir, 'bad'));
    await writeFile(join(dir, 'bad', 'results.jsonl'), `${JSON.stringify(zdnet)}\n{oops\n${JSON.stringify({ hello: 1 })}\n${JSON.stringify(soleil)}\n`);
    const result = await runCli(['merge', 'bad', '--out', 'bad-merged'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad/results.jsonl: 2 invalid line(s) skipped: 2, 3');
    expect(parseRows(await readFile(join(dir, 'bad-merged', 'results.jsonl'), 'utf8')).rows).toHaveLength(2);
  });
});

describe('sector report.html in Chromium', () => {
  it('loads nothing else, shows its sections, sorts from the keyboard, runs no payload, and axe is clean', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const url = pathToFileURL(join(dir, 'merged', 'report.html')).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([url]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Échantillon', 'Répartition des notes', 'Organisations et maisons mères', 'Gains rapides', 'Pisteurs', 'Services intégrés', 'Poids des pages', 'Accès hors numérique', 'Sites',
    ]);
    // the quick wins: a table of actions and the grades before and after each site's first three
    expect(await page.getByRole('table', { name: /actions les plus fréquentes/ }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: /trois premières actions/ }).locator('tbody tr').count()).toBe(5);
    // the payload is shown as text
    expect(await page.locator('table.sortable').innerText()).toContain(`La Lune ${PAYLOAD}`);

    // the inline script (allowed by its hash) made the headers buttons; sort by weight with the keyboard
    const sites = () => page.locator('table.sortable tbody tr td:first-child').allInnerTexts();
    expect((await sites())[0]).toContain('broken.fr');
    const weight = page.getByRole('button', { name: 'Poids médian' });
    await weight.focus();
    await page.keyboard.press('Enter');
    const header = page.locator('th', { has: weight });
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await sites();
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = await sites();
    expect(descending[0]).toContain('zdnet.com');
    // unknown weight (the failed site) stays last both ways
    expect(ascending.at(-1)).toContain('broken.fr');
    expect(descending.at(-1)).toContain('broken.fr');
    expect(await page.locator('th[aria-sort]').count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
