import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../../src/cli/audit/shard';

const urls = Array.from({ length: 300 }, (_, i) => `https://www.lieu-${i}.fr/`);

describe('--shard i/n', () => {
  it('parses i/n with 1 ≤ i ≤ n and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '-1/3', '1/3/4', '']) expect(parseShard(bad)).toBeNull();
  });

  it('splits the entries into disjoint shards that make the whole, each a fair part', () => {
    const parts = [1, 2, 3].map((index) => urls.filter((url) => inShard(url, { index, count: 3 })));
    expect(parts.flat().sort()).toEqual([...urls].sort());
    for (const part of parts) expect(part.length).toBeGreaterThan(60);
  });

  it('is stable: it depends on the URL only (a known value pins the hash across machines)', () => {
    expect(shardOf('https://www.lieu-0.fr/', 1)).toBe(1);
    const first = urls.map((url) => shardOf(url, 5));
    expect(urls.map((url) => shardOf(url, 5))).toEqual(first);
    // pinned values: a change of hash would silently reshuffle running batches
    expect(['https://www.theatre.fr/', 'https://www.scene-alpha.fr/', 'https://www.cirque-beta.fr/'].map((url) => shardOf(url, 7))).toEqual([6, 4, 2]);
    expect(['https://www.theatre.fr/', 'https://www.scene-alpha.fr/', 'https://www.cirque-beta.fr/'].map((url) => shardOf(url, 2))).toEqual([1, 1, 2]);
    expect(inShard('https://x.fr/', null)).toBe(true);
  });
});

