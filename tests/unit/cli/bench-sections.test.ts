import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSection } from '../../../scripts/bench/sections.mjs';

// docs/benchmarks.md is written by two scripts (timings and sizes, byte accuracy): each must keep the other's section.
describe('benchmark sections', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'empreinte-sections-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one section per script, in a fixed order, and rewrites only its own', async () => {
    const file = join(dir, 'benchmarks.md');
    await writeSection(file, 'accuracy', ['## Byte accuracy', 'first run']);
    await writeSection(file, 'timing', ['## Speed and size', 'timings']);
    await writeSection(file, 'accuracy', ['## Byte accuracy', 'second run']);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('# Benchmarks\n')).toBe(true);
    expect(text).toContain('<!-- timing:start -->\n## Speed and size\ntimings\n<!-- timing:end -->');
    expect(text).toContain('<!-- accuracy:start -->\n## Byte accuracy\nsecond run\n<!-- accuracy:end -->');
    expect(text).not.toContain('first run');
    expect(text.indexOf('timing:start')).toBeLessThan(text.indexOf('accuracy:start'));
    expect(text.match(/# Benchmarks/g)).toHaveLength(1);
  });

  it('keeps a section whose name has a hyphen when another one is rewritten', async () => {
    const file = join(dir, 'benchmarks.md');
    await writeSection(file, 'overhead-parts', ['## Where the overhead comes from']);
    const text = await writeSection(file, 'extension', ['## The extension in use']);
    expect(text).toContain('<!-- overhead-parts:start -->\n## Where the overhead comes from\n<!-- overhead-parts:end -->');
  });

  it('replaces a file written before the sections existed', async () => {
    const file = join(dir, 'benchmarks.md');
    await writeFile(file, '# Benchmarks\n\nold table without markers\n');
    const text = await writeSection(file, 'timing', ['new']);
    expect(text).not.toContain('old table');
    expect(text).toContain('<!-- timing:start -->\nnew\n<!-- timing:end -->');
  });
});
