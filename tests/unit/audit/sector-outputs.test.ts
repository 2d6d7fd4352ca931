import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dedupeRows, parseRows, readRows, writeSectorOutputs } from '../../../src/cli/audit/outputs';
import { rowOf, venueReport } from './sector-support';

const first = rowOf(venueReport('lune.fr', { phone: true }), { site: 'lune.fr' });
const second = rowOf(null, { site: 'broken.fr' });
const line = (value: unknown) => `${JSON.stringify(value)}\n`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'empreinte-sector-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readRows', () => {
  it('reads every row of a complete file', async () => {
    const file = join(dir, 'complete.jsonl');
    await writeFile(file, line(first) + line(second));
    expect(await readRows(file)).toEqual({ rows: [first, second], repaired: false, invalidLines: [] });
  });

  it('ignores a last line cut in half (a killed audit) and says it repaired it', async () => {
    const file = join(dir, 'cut.jsonl');
    await writeFile(file, line(first) + line(second).slice(0, 200));
    expect(await readRows(file)).toEqual({ rows: [first], repaired: true, invalidLines: [] });
  });

  it('reports other invalid lines by number and keeps the rest', () => {
    const text = line(first) + '{not json\n' + line({ ...second, status: 'maybe' }) + '\n' + line(second) + '[]\n';
    expect(parseRows(text)).toEqual({ rows: [first, second], repaired: false, invalidLines: [2, 3, 6] });
  });

  it('reads rows with the debate sheet in their evidence, and older rows without it', () => {
    const withDebate = { ...first, evidence: { ...first.evidence, debate: 'pages/x/none.debate.html' } };
    expect(first.evidence).not.toHaveProperty('debate');
    expect(parseRows(line(withDebate) + line(first)).rows).toEqual([withDebate, first]);
  });

  it('reads CRLF line ends and an empty file', () => {
    expect(parseRows(line(first).replace('\n', '\r\n')).rows).toEqual([first]);
    expect(parseRows('')).toEqual({ rows: [], repaired: false, invalidLines: [] });
  });

  it('rejects a missing file (the caller says which)', async () => {
    await expect(readRows(join(dir, 'missing.jsonl'))).rejects.toThrow(/ENOENT/);
  });
});

describe('dedupeRows', () => {
  it('keeps one row per key, the latest finishedAt', () => {
    const later = { ...second, finishedAt: '2026-11-30T00:00:00.000Z', attempts: 2 };
    expect(dedupeRows([second, first, later])).toEqual([later, first]);
    expect(dedupeRows([later, first, second])).toEqual([later, first]);
  });
});

describe('writeSectorOutputs', () => {
  it('writes summary.csv, organisations.csv, quick-wins.csv and report.html into the folder', async () => {
    const out = join(dir, 'out', 'nested');
    const written = await writeSectorOutputs(out, [first, second], 'en');
    expect(written).toEqual(['summary.csv', 'organisations.csv', 'quick-wins.csv', 'report.html'].map((name) => join(out, name)));
    expect((await readFile(join(out, 'summary.csv'), 'utf8')).split('\r\n')).toHaveLength(4);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<html lang="en">');
    // one line per action of lune's plan, after the header
    expect((await readFile(join(out, 'quick-wins.csv'), 'utf8')).split('\r\n')).toHaveLength(first.report!.plan!.length + 2);
  });
});
