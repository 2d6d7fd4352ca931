/**
 * What an earlier run of the same audit already wrote. `results.jsonl` is
 * appended one complete line per row, so after a crash or `kill -9` only its
 * last line can be cut in half: it is truncated away (that page is audited
 * again). Keys already present are skipped, so no row is ever written twice.
 */
import { existsSync } from 'node:fs';
import { readFile, truncate } from 'node:fs/promises';

export interface ResumeState {
  /** row keys (`url consent`) already in results.jsonl */
  done: Set<string>;
  /** failed rows among them */
  failed: number;
  /** bytes dropped from a cut last line, 0 when the file was whole */
  repairedBytes: number;
}

interface RowHead {
  key?: unknown;
  status?: unknown;
}

/**
 * Reads the keys of `results.jsonl`. A last line without its newline, or
 * one that is not JSON, is the trace of an interrupted write: the file is
 * truncated to the end of the last good line. A bad line in the middle
 * cannot come from an interruption: it is left alone and not counted.
 */
export async function readDoneKeys(file: string): Promise<ResumeState> {
  const state: ResumeState = { done: new Set(), failed: 0, repairedBytes: 0 };
  if (!existsSync(file)) return state;
  const buffer = await readFile(file);
  const text = buffer.toString('utf8');
  const lastNewline = text.lastIndexOf('\n');
  let goodEnd = lastNewline + 1;
  const lines = text.slice(0, goodEnd).split('\n');
  lines.pop(); // after the final newline
  // The last complete line may be JSON cut exactly before a newline that a
  // later write never added: check it parses, else drop it too.
  for (const [index, line] of lines.entries()) {
    const head = parseHead(line);
    if (head === null) {
      if (index === lines.length - 1) goodEnd -= line.length + 1;
      continue;
    }
    if (typeof head.key !== 'string') continue;
    state.done.add(head.key);
    if (head.status === 'failed') state.failed += 1;
  }
  const goodBytes = Buffer.byteLength(text.slice(0, goodEnd));
  if (goodBytes < buffer.length) {
    state.repairedBytes = buffer.length - goodBytes;
    await truncate(file, goodBytes);
  }
  return state;
}

function parseHead(line: string): RowHead | null {
  if (line.trim() === '') return null;
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? (value as RowHead) : null;
  } catch {
    return null;
  }
}
