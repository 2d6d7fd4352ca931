/**
 * robots.txt, honoured by default. It is fetched through the browser, not
 * from Node: the browser is the one that resolves host names (tests and the
 * demo point it at a local server with --host-resolver-rules, which Node's
 * DNS would ignore), and it is what a visitor's browser would see. Parsed by
 * crawlee's RobotsTxtFile (robots-parser), matched for the `Empreinte` token.
 *
 * As RFC 9309: 2xx → its rules; 4xx → no rules; anything else (5xx, network
 * error, timeout) → cannot be fetched: said on stderr, the site is audited.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { loadRobots } from './runtime';

export const ROBOTS_AGENT = 'Empreinte';

export interface RobotsRules {
  isAllowed(url: string): boolean;
}

export type RobotsFetch =
  | { kind: 'rules'; status: number; content: string }
  | { kind: 'none'; status: number }
  | { kind: 'unavailable'; reason: string };

const allowAll: RobotsRules = { isAllowed: () => true };

export function robotsUrl(pageUrl: string): string {
  return new URL('/robots.txt', pageUrl).href;
}

/** The rules a fetched robots.txt gives; `unavailable` and `none` allow everything. */
export function robotsRules(fetched: RobotsFetch, url: string): RobotsRules {
  if (fetched.kind !== 'rules') return allowAll;
  const file = loadRobots().RobotsTxtFile.from(url, fetched.content);
  return { isAllowed: (page) => file.isAllowed(page, ROBOTS_AGENT) };
}

/** Fetches `url` (a robots.txt) in a fresh context of `browser`. */
export async function fetchRobots(browser: Browser, url: string, userAgent: string, timeoutMs: number): Promise<RobotsFetch> {
  let context: BrowserContext | null = null;
  try {
    context = await browser.newContext({ userAgent });
    // Nothing but robots.txt: the browser would also ask for /favicon.ico,
    // a request the site did not allow and that no page audit should see.
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const page = await context.newPage();
    const response = await page.goto(url, { timeout: timeoutMs, waitUntil: 'commit' });
    if (!response) return { kind: 'unavailable', reason: 'no response' };
    const status = response.status();
    if (status >= 200 && status < 300) return { kind: 'rules', status, content: await response.text() };
    if (status >= 400 && status < 500) return { kind: 'none', status };
    return { kind: 'unavailable', reason: `HTTP ${status}` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'unavailable', reason: /net::[A-Z_]+/.exec(message)?.[0] ?? (/timeout/i.test(message) ? 'timeout' : message.split('\n')[0]!) };
  } finally {
    await context?.close().catch(() => undefined);
  }
}

/** One fetch per origin for the whole run, shared by every page and consent mode. */
export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly fetcher: (url: string) => Promise<RobotsFetch>,
    private readonly onUnavailable: (url: string, reason: string) => void,
  ) {}

  rulesFor(pageUrl: string): Promise<RobotsRules> {
    const origin = new URL(pageUrl).origin;
    let rules = this.byOrigin.get(origin);
    if (!rules) {
      const url = robotsUrl(pageUrl);
      rules = this.fetcher(url).then((fetched) => {
        if (fetched.kind === 'unavailable') this.onUnavailable(url, fetched.reason);
        return robotsRules(fetched, url);
      });
      this.byOrigin.set(origin, rules);
    }
    return rules;
  }
}
