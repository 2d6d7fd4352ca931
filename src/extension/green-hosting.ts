/**
 * Green hosting from The Green Web Foundation's greencheck API
 * (https://api.thegreenwebfoundation.org/api/v3/greencheck/<host>): the only
 * request the extension ever makes of its own, and only when the user has
 * turned online checks on in the options. What is sent: the page's host name,
 * nothing else (no cookie: `credentials: 'omit'`). Answers are cached for 30
 * days in `storage.local`, at most MAX_CACHED hosts.
 */
import { browser } from '#imports';
import { z } from '../core/zod';
import type { Settings } from './settings';

export const GREENCHECK_ORIGIN = 'https://api.thegreenwebfoundation.org';
export const CACHE_KEY = 'greencheck:v1';
export const CACHE_DAYS = 30;
export const MAX_CACHED = 500;
const DAY_MS = 86_400_000;

const CachedAnswer = z.strictObject({ green: z.boolean(), at: z.number() });
const Cache = z.record(z.string().max(253), CachedAnswer);
type Cache = z.infer<typeof Cache>;

/** The part of the greencheck answer we read. */
const GreencheckAnswer = z.object({ green: z.boolean() });

export type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'json'>>;

export interface GreenHostingDeps {
  fetch?: Fetch;
  now?: () => number;
}

/** A host name worth asking about: a public DNS name, not an IP address or a local name. */
export function checkableHost(host: string): boolean {
  return /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i.test(host) && !/^[\d.]+$/.test(host);
}

async function readCache(): Promise<Cache> {
  const stored = (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY];
  const parsed = Cache.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

/** The cached answer for a host, if fresh; null when unknown or expired. Never asks the network. */
export async function cachedGreenHosting(host: string, now = Date.now()): Promise<boolean | null> {
  const answer = (await readCache())[host.toLowerCase()];
  return answer && now - answer.at < CACHE_DAYS * DAY_MS ? answer.green : null;
}

const inFlight = new Map<string, Promise<boolean | null>>();

/**
 * Whether the host's hosting is green: the cached answer, else (only when
 * online checks are on) the greencheck API's. Null when unknown, when online
 * checks are off, or when the request fails. Never throws.
 */
export async function greenHosting(host: string, settings: Settings, deps: GreenHostingDeps = {}): Promise<boolean | null> {
  const now = deps.now ?? Date.now;
  const name = host.toLowerCase();
  const cached = await cachedGreenHosting(name, now()).catch(() => null);
  if (cached !== null || !settings.onlineChecks || !checkableHost(name)) return cached;
  const running = inFlight.get(name);
  if (running) return running;
  const asking = ask(name, deps.fetch ?? ((url, init) => fetch(url, init)), now).finally(() => inFlight.delete(name));
  inFlight.set(name, asking);
  return asking;
}

async function ask(host: string, fetcher: Fetch, now: () => number): Promise<boolean | null> {
  try {
    const response = await fetcher(`${GREENCHECK_ORIGIN}/api/v3/greencheck/${encodeURIComponent(host)}`, {
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) return null;
    const parsed = GreencheckAnswer.safeParse(await response.json());
    if (!parsed.success) return null;
    await remember(host, parsed.data.green, now());
    return parsed.data.green;
  } catch {
    return null;
  }
}

async function remember(host: string, green: boolean, at: number): Promise<void> {
  const cache = await readCache();
  cache[host] = { green, at };
  // Bounded: the oldest answers go first.
  const kept = Object.entries(cache)
    .filter(([, answer]) => at - answer.at < CACHE_DAYS * DAY_MS)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_CACHED);
  await browser.storage.local.set({ [CACHE_KEY]: Object.fromEntries(kept) });
}
