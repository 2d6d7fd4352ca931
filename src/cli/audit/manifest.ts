/**
 * `<outDir>/manifest.json`: the SHA-256 and size of every file of the audit
 * (the crawl state under `.crawl/` and the manifest itself excepted), with
 * the tool, catalog and browser versions, the options and the dates, so that
 * a published audit can be checked file by file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ManifestMeta {
  toolVersion: string;
  catalogVersion: string;
  browserVersion: string;
  options: Record<string, unknown>;
  startedAt: string;
  finishedAt: string;
}

export interface ManifestFile {
  /** relative to the output folder, forward slashes */
  path: string;
  bytes: number;
  sha256: string;
}

export const MANIFEST_NAME = 'manifest.json';
/** the crawl engine's state: it changes on resume and proves nothing about the results */
const SKIPPED_FOLDERS = new Set(['.crawl']);

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under the folder, sorted by path (stable manifests diff well). */
export async function listFiles(outDir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(outDir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      if (prefix === '' && SKIPPED_FOLDERS.has(entry.name)) continue;
      files.push(...(await listFiles(outDir, path)));
    } else if (entry.isFile() && !(prefix === '' && entry.name === MANIFEST_NAME)) files.push(path);
  }
  return files.sort();
}

export async function writeManifest(outDir: string, meta: ManifestMeta): Promise<void> {
  const files: ManifestFile[] = [];
  for (const path of await listFiles(outDir)) {
    const full = join(outDir, ...path.split('/'));
    files.push({ path, bytes: (await stat(full)).size, sha256: await sha256(full) });
  }
  const manifest = {
    manifestVersion: 1,
    tool: { name: 'empreinte', version: meta.toolVersion },
    catalogVersion: meta.catalogVersion,
    browserVersion: meta.browserVersion,
    options: meta.options,
    startedAt: meta.startedAt,
    finishedAt: meta.finishedAt,
    files,
  };
  await writeFile(join(outDir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
}
