import { describe, expect, it } from 'vitest';
import { computeEcoIndex } from '../../../src/core/ecoindex';
import { isOneLine, runCli } from './cli-io';

describe('empreinte ecoindex', () => {
  it('--json gives the published vector: 100 elements, 100 requests, 100 kB → 72, B', async () => {
    const run = await runCli(['ecoindex', '--dom', '100', '--requests', '100', '--size-kb', '100', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(isOneLine(run.stdout)).toBe(true);
    expect(JSON.parse(run.stdout)).toEqual({
      score: 72,
      grade: 'B',
      ghg: 1.56,
      water: 2.34,
      inputs: { dom: 100, requests: 100, sizeKb: 100 },
    });
  });

  it('accepts --name=value and decimal sizes', async () => {
    const run = await runCli(['ecoindex', '--dom=0', '--requests=0', '--size-kb=0.5', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ score: 100, grade: 'A' });
  });

  it('prints a readable result in French and in English', async () => {
    const args = ['ecoindex', '--dom', '100', '--requests', '100', '--size-kb', '100'];
    const fr = await runCli(args, { lang: 'fr' });
    const en = await runCli(args, { lang: 'en' });
    expect(fr.stdout).toContain('72 sur 100, note B');
    expect(fr.stdout).toContain('1,56');
    expect(en.stdout).toContain('72 out of 100, grade B');
    expect(en.stdout).toContain('1.56');
    expect(`${fr.stdout}${en.stdout}`).not.toMatch(/cli\.|grade\.environment/);
  });

  const bad: [string, string[], RegExp][] = [
    ['a word', ['--dom', 'abc', '--requests', '1', '--size-kb', '1'], /--dom expects a whole number ≥ 0, not "abc"/],
    ['a negative count', ['--dom', '1', '--requests', '-3', '--size-kb', '1'], /--requests/],
    ['a fractional count', ['--dom', '1.5', '--requests', '1', '--size-kb', '1'], /--dom/],
    ['an infinite size', ['--dom', '1', '--requests', '1', '--size-kb', 'Infinity'], /--size-kb expects a number/],
    ['an empty value', ['--dom', '', '--requests', '1', '--size-kb', '1'], /--dom/],
    ['a missing option', ['--dom', '1', '--requests', '1'], /--size-kb is missing/],
    ['an option without its value', ['--requests', '1', '--size-kb', '1', '--dom'], /--dom/],
    ['an unknown option', ['--dom', '1', '--requests', '1', '--size-kb', '1', '--bogus'], /Unknown option '--bogus'/],
    ['a stray argument', ['--dom', '1', '--requests', '1', '--size-kb', '1', 'extra'], /unexpected argument "extra"/],
    ['an unknown language', ['--dom', '1', '--requests', '1', '--size-kb', '1', '--lang', 'de'], /unknown language "de"/],
  ];
  for (const [name, args, message] of bad) {
    it(`${name}: usage error, exit 2, one line on stderr`, async () => {
      const run = await runCli(['ecoindex', ...args]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(isOneLine(run.stderr)).toBe(true);
      expect(run.stderr).toMatch(/^empreinte ecoindex: /);
      expect(run.stderr).toMatch(message);
    });
  }

  it('prints what computeEcoIndex computes, for inputs across the scale', async () => {
    for (const [dom, requests, sizeKb] of [
      [0, 0, 0],
      [240, 20, 331],
      [2000, 200, 5000.5],
      [600000, 4000, 300000],
    ] as const) {
      const run = await runCli(['ecoindex', `--dom=${dom}`, `--requests=${requests}`, `--size-kb=${sizeKb}`, '--json']);
      expect(JSON.parse(run.stdout)).toEqual({ ...computeEcoIndex(dom, requests, sizeKb), inputs: { dom, requests, sizeKb } });
    }
  });
});
