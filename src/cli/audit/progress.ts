/**
 * Progress of an audit, always on stderr (stdout carries `--json` lines).
 * On a terminal: one bar redrawn in place. Otherwise (CI logs, a file): a
 * plain line when a row is written, at most every `intervalMs`, and always
 * the last one.
 */
import { t, type Lang } from '../../i18n/index';

export interface ProgressCounts {
  done: number;
  failed: number;
  total: number;
}

/** `1 h 02 min`, `3 min 05 s`, `42 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** Remaining time from the pace so far; null before the first page or when nothing remains to estimate from. */
export function eta(counts: ProgressCounts, finishedThisRun: number, elapsedMs: number): number | null {
  const remaining = counts.total - counts.done;
  if (finishedThisRun === 0 || remaining <= 0) return remaining <= 0 ? 0 : null;
  return (elapsedMs / finishedThisRun) * remaining;
}

export function formatProgressLine(lang: Lang, counts: ProgressCounts, etaMs: number | null): string {
  return t(lang, 'audit.progress.line', {
    done: counts.done,
    total: counts.total,
    failed: counts.failed,
    remaining: Math.max(0, counts.total - counts.done),
    eta: etaMs === null ? '…' : formatDuration(etaMs),
  });
}

/** `[#######.............]` of `width` cells. */
export function formatBar(counts: ProgressCounts, width = 24): string {
  const share = counts.total === 0 ? 1 : Math.min(1, counts.done / counts.total);
  const full = Math.round(share * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

export class ProgressReporter {
  private readonly started = Date.now();
  private finishedThisRun = 0;
  private lastPrinted = 0;
  private drawn = false;
  private lastLine = '';

  constructor(
    private readonly lang: Lang,
    private readonly write: (text: string) => void,
    private readonly tty: boolean,
    readonly counts: ProgressCounts,
    private readonly intervalMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A row was written. */
  step(failed: boolean): void {
    this.counts.done += 1;
    if (failed) this.counts.failed += 1;
    this.finishedThisRun += 1;
    this.render(false);
  }

  /** More pages became known (sampled links). */
  grow(by: number): void {
    this.counts.total += by;
    this.render(false);
  }

  /** A line (stderr by default, or `write`) that the bar must not draw over. */
  log(line: string, write: (text: string) => void = this.write): void {
    this.clear();
    write(`${line}\n`);
    if (this.drawn) this.render(true);
  }

  render(force: boolean): void {
    const line = formatProgressLine(this.lang, this.counts, eta(this.counts, this.finishedThisRun, this.now() - this.started));
    if (this.tty) {
      this.write(`\r\x1b[2K${formatBar(this.counts)} ${line}`);
      this.drawn = true;
      return;
    }
    const now = this.now();
    if (line === this.lastLine) return;
    if (!force && now - this.lastPrinted < this.intervalMs && this.counts.done < this.counts.total) return;
    this.lastPrinted = now;
    this.lastLine = line;
    this.write(`${line}\n`);
  }

  /** The last state, then the bar is left on its own line. */
  finish(): void {
    this.render(true);
    if (this.tty) this.write('\n');
    this.drawn = false;
  }

  private clear(): void {
    if (this.tty && this.drawn) this.write('\r\x1b[2K');
  }
}
