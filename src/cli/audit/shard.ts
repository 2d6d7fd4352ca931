/**
 * `--shard i/n`: which entries this machine audits. The split hashes the
 * normalised URL (SHA-256, first 32 bits), so it does not depend on the
 * order of the input file, the machine or the Node version: n machines given
 * the same list audit disjoint parts that together make the whole.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** `2/3` → {index 2, count 3}; null when malformed or out of range. */
export function parseShard(value: string): Shard | null {
  const match = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(value);
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return null;
  return { index, count };
}

/** The shard (1-based) a normalised URL belongs to among `count`. */
export function shardOf(url: string, count: number): number {
  const digest = createHash('sha256').update(url).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(url: string, shard: Shard | null): boolean {
  return shard === null || shardOf(url, shard.count) === shard.index;
}
