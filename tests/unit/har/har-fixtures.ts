import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real HAR files copied from shared/data/real-hars (tests never read ../shared). */
export const harDir = fileURLToPath(new URL('../../fixtures/hars/', import.meta.url));
export const realHarFiles = readdirSync(harDir).filter((name) => name.endsWith('.har')).sort();

export function readHar(name: string): unknown {
  return JSON.parse(readFileSync(join(harDir, name), 'utf8'));
}

interface RawEntry {
  pageref?: string;
  _fromCache?: unknown;
  _transferSize?: number | null;
  response: { _transferSize?: number | null; fromDiskCache?: boolean; bodySize?: number; headersSize?: number };
}

/** The entries of the HAR grouped as harToCaptures must group them: by page, then those without a known page. */
export function rawPages(har: unknown): RawEntry[][] {
  const log = (har as { log: { pages?: { id: string }[]; entries: RawEntry[] } }).log;
  const ids = (log.pages ?? []).map((page) => page.id);
  const groups = ids.map((id) => log.entries.filter((entry) => entry.pageref === id));
  const orphans = log.entries.filter((entry) => entry.pageref === undefined || !ids.includes(entry.pageref));
  return [...groups, orphans].filter((group) => group.length > 0);
}

/** The bytes rule of src/collect/har.ts, written again independently from the raw JSON. */
export function rawTransferBytes(entry: RawEntry): number | null {
  const transfer = entry.response._transferSize ?? entry._transferSize;
  if (typeof transfer === 'number' && transfer >= 0) return transfer;
  if (entry._fromCache || entry.response.fromDiskCache) return 0;
  const { bodySize, headersSize } = entry.response;
  if (typeof bodySize === 'number' && typeof headersSize === 'number' && bodySize >= 0 && headersSize >= 0) {
    return bodySize + headersSize;
  }
  return null;
}
