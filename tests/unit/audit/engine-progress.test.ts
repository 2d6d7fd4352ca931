import { describe, expect, it } from 'vitest';
import { eta, formatBar, formatDuration, formatProgressLine, ProgressReporter } from '../../../src/cli/audit/progress';

describe('audit progress', () => {
  it('formats durations and the bar', () => {
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatBar({ done: 5, failed: 0, total: 10 }, 10)).toBe('[#####.....]');
    expect(formatBar({ done: 0, failed: 0, total: 0 }, 4)).toBe('[####]');
  });

  it('estimates the time left from this run\'s pace', () => {
    expect(eta({ done: 10, failed: 0, total: 30 }, 0, 5000)).toBeNull();
    // 4 pages in 20 s this run (6 were done by an earlier run): 5 s a page, 20 left
    expect(eta({ done: 10, failed: 0, total: 30 }, 4, 20_000)).toBe(100_000);
    expect(eta({ done: 30, failed: 0, total: 30 }, 4, 20_000)).toBe(0);
  });

  it('says done, failed, remaining and ETA in both languages', () => {
    expect(formatProgressLine('en', { done: 3, failed: 1, total: 10 }, 70_000)).toBe('3/10 pages finished, 1 failed, 7 remaining, about 1 min 10 s left');
    expect(formatProgressLine('fr', { done: 3, failed: 1, total: 10 }, null)).toBe('3/10 pages terminées, 1 en échec, 7 restantes, fin estimée dans …');
  });

  it('not a terminal: plain lines, at most one per interval, always the last', () => {
    const out: string[] = [];
    let clock = 0;
    const progress = new ProgressReporter('en', (text) => out.push(text), false, { done: 0, failed: 0, total: 3 }, 1000, () => clock);
    clock = 2000;
    progress.step(false);
    clock = 2500;
    progress.step(true); // within the interval: not printed
    progress.log('a warning');
    clock = 2600;
    progress.step(false); // the last one: printed
    progress.finish(); // same state: not repeated
    expect(out).toEqual([
      expect.stringMatching(/^1\/3 pages finished, 0 failed, 2 remaining/),
      'a warning\n',
      expect.stringMatching(/^3\/3 pages finished, 1 failed, 0 remaining.*\n$/),
    ]);
    expect(out.every((line) => !line.includes('\r'))).toBe(true);
  });

  it('on a terminal: one bar redrawn in place, cleared for log lines, left on its own line at the end', () => {
    const out: string[] = [];
    const progress = new ProgressReporter('en', (text) => out.push(text), true, { done: 0, failed: 0, total: 2 });
    progress.step(false);
    progress.log('a warning');
    progress.step(false);
    progress.finish();
    expect(out[0]!.startsWith(`\r\u001b[2K[${'#'.repeat(12)}${'.'.repeat(12)}] 1/2 pages finished`)).toBe(true);
    expect(out.slice(1, 3)).toEqual(['\r\x1b[2K', 'a warning\n']);
    expect(out.at(-1)).toBe('\n');
  });
});
