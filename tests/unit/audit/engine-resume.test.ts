import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseStaleLocks } from '../../../src/cli/audit/queue-locks';
import { readDoneKeys } from '../../../src/cli/audit/resume';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'empreinte-resume-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = (key: string, status = 'ok') => JSON.stringify({ rowVersion: 1, key, status, report: { text: 'é'.repeat(50) } });

describe('resume: results.jsonl', () => {
  it('reads the keys of a whole file and leaves it untouched', async () => {
    const file = join(dir, 'results.jsonl');
    const text = `${row('https://a.fr/ none')}\n${row('https://b.fr/ none', 'failed')}\n`;
    writeFileSync(file, text);
    const state = await readDoneKeys(file);
    expect([...state.done]).toEqual(['https://a.fr/ none', 'https://b.fr/ none']);
    expect(state.failed).toBe(1);
    expect(state.repairedBytes).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('truncates a last line cut in half (multi-byte text included), so that the page is redone', async () => {
    const file = join(dir, 'results.jsonl');
    const whole = `${row('https://a.fr/ none')}\n`;
    const cut = row('https://b.fr/ none').slice(0, 80);
    writeFileSync(file, whole + cut);
    const state = await readDoneKeys(file);
    expect([...state.done]).toEqual(['https://a.fr/ none']);
    expect(state.repairedBytes).toBe(Buffer.byteLength(cut));
    expect(readFileSync(file, 'utf8')).toBe(whole);
  });

  it('drops a last line that has its newline but is not JSON, keeps a bad line in the middle', async () => {
    const file = join(dir, 'results.jsonl');
    const text = `${row('https://a.fr/ none')}\n{oops\n${row('https://c.fr/ none')}\n{"key":"https://d.fr/ no\n`;
    writeFileSync(file, text);
    const state = await readDoneKeys(file);
    expect([...state.done]).toEqual(['https://a.fr/ none', 'https://c.fr/ none']);
    expect(readFileSync(file, 'utf8')).toBe(`${row('https://a.fr/ none')}\n{oops\n${row('https://c.fr/ none')}\n`);
  });

  it('an absent file is an empty state', async () => {
    expect((await readDoneKeys(join(dir, 'none.jsonl'))).done.size).toBe(0);
  });
});

describe('resume: crawl queue locks', () => {
  it('releases the locks a killed run left on unhandled requests, not the handled ones', async () => {
    const queue = join(dir, 'request_queues', 'default');
    mkdirSync(queue, { recursive: true });
    const now = 1_800_000_000_000;
    const entries = {
      locked: { id: 'locked', orderNo: now + 60_000, json: '{}' },
      lockedForefront: { id: 'lockedForefront', orderNo: -(now + 60_000), json: '{}' },
      waiting: { id: 'waiting', orderNo: now - 5000, json: '{}' },
      handled: { id: 'handled', orderNo: null, json: '{}' },
    };
    for (const [name, entry] of Object.entries(entries)) writeFileSync(join(queue, `${name}.json`), JSON.stringify(entry));
    writeFileSync(join(queue, 'cut.json'), '{"id":"cut","orderNo":');
    expect(await releaseStaleLocks(dir, now)).toBe(2);
    const read = (name: string) => JSON.parse(readFileSync(join(queue, `${name}.json`), 'utf8')) as { orderNo: number | null };
    expect(read('locked').orderNo).toBe(now - 1);
    expect(read('lockedForefront').orderNo).toBe(-(now - 1));
    expect(read('waiting').orderNo).toBe(now - 5000);
    expect(read('handled').orderNo).toBeNull();
    expect(await releaseStaleLocks(join(dir, 'nothing'), now)).toBe(0);
  });
});
