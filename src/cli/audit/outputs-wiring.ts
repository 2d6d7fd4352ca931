/**
 * The end of an audit with `--out`: the sector outputs from every row of
 * results.jsonl (this run's and the earlier runs' of a resumed audit), then
 * the manifest over all the files, written last so that it covers them.
 */
import { join } from 'node:path';
import type { Lang } from '../../i18n/index';
import { catalogVersion } from '../../data/index';
import { toolVersion } from '../../version';
import { resultsFile } from './engine';
import { writeManifest } from './manifest';
import { dedupeRows, readRows, writeSectorOutputs } from './outputs';

export interface FinishMeta {
  browserVersion: string;
  startedAt: string;
  options: Record<string, unknown>;
}

/** Returns the files written (the sector outputs and manifest.json). */
export async function finishOutputs(outDir: string, lang: Lang, meta: FinishMeta): Promise<string[]> {
  const { rows } = await readRows(resultsFile(outDir));
  const written = await writeSectorOutputs(outDir, dedupeRows(rows), lang);
  await writeManifest(outDir, { toolVersion, catalogVersion, ...meta, finishedAt: new Date().toISOString() });
  return [...written, join(outDir, 'manifest.json')];
}
