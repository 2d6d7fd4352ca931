/**
 * A job of the audit queue: one page in one consent mode, with what its row
 * needs (entry, CSV columns, role). Keys, evidence slugs and retry backoff.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AuditRow, ConsentMode } from './row';

/** What the queue carries for a job; the row is built from it. */
export interface JobData {
  key: string;
  /** the page, when it is not the entry's home page */
  url?: string;
  entry: string;
  name: string | null;
  category: string | null;
  region: string | null;
  role: string;
  consent: ConsentMode;
  lastFailure?: { kind: NonNullable<AuditRow['failure']>['kind']; message: string; httpStatus: number | null; retryable: boolean };
  consentState?: AuditRow['consent'];
  startedAt?: string;
}

export const rowKey = (url: string, consent: ConsentMode): string => `${url} ${consent}`;

/** `www.example.fr-agenda-1a2b3c`: readable, unique (hash), safe on every file system. */
export function pageSlug(url: string): string {
  const { hostname, pathname } = new URL(url);
  const readable = `${hostname}${pathname}`.replace(/[^a-zA-Z0-9.-]+/g, '-').replace(/-+$/, '').slice(0, 80);
  return `${readable}-${createHash('sha256').update(url).digest('hex').slice(0, 6)}`;
}

/** Backoff before retry `n` (1-based): 2 s, 4 s, 8 s… at most 30 s. */
export const backoffMs = (retry: number): number => Math.min(30_000, 2000 * 2 ** Math.max(0, retry - 1));

export function toRequest(url: string, job: JobData) {
  return { url, uniqueKey: job.key, skipNavigation: true, userData: job };
}

/** The sampled jobs an earlier run wrote down; a line cut by a kill is skipped (its home page is redone). */
export async function readSampled(file: string): Promise<JobData[]> {
  if (!existsSync(file)) return [];
  const jobs: JobData[] = [];
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    try {
      const job = JSON.parse(line) as JobData;
      if (typeof job.key === 'string' && typeof job.url === 'string') jobs.push(job);
    } catch {
      // blank or cut line
    }
  }
  return jobs;
}
