/**
 * Crawlee's file-backed request queue (memory-storage) locks a request it
 * hands out by writing a future timestamp into its `orderNo`. A run killed
 * mid-page leaves those locks on disk, and the next run would skip the
 * pages until they expire (the handler timeout, minutes later) — or finish
 * without them. Before resuming, the locks of unhandled requests are
 * released: no other process works on this folder (`--out` is ours).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Releases stale locks in every queue under `storageDir`; returns how many. */
export async function releaseStaleLocks(storageDir: string, now = Date.now()): Promise<number> {
  const queues = join(storageDir, 'request_queues');
  if (!existsSync(queues)) return 0;
  let released = 0;
  for (const queue of await readdir(queues)) {
    const dir = join(queues, queue);
    let files: string[];
    try {
      files = (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('__'));
    } catch {
      continue;
    }
    for (const name of files) {
      const file = join(dir, name);
      let entry: { orderNo?: unknown };
      try {
        entry = JSON.parse(await readFile(file, 'utf8')) as { orderNo?: unknown };
      } catch {
        continue; // a file cut by the kill: crawlee will not read it either
      }
      if (typeof entry.orderNo !== 'number' || Math.abs(entry.orderNo) <= now) continue;
      entry.orderNo = Math.sign(entry.orderNo) * (now - 1);
      await writeFile(file, JSON.stringify(entry));
      released += 1;
    }
  }
  return released;
}
