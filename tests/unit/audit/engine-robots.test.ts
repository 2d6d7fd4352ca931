import { describe, expect, it } from 'vitest';
import { RobotsCache, robotsRules, robotsUrl, type RobotsFetch } from '../../../src/cli/audit/robots';
import { auditUserAgent } from '../../../src/cli/audit/user-agent';
import { backoffMs, pageSlug, rowKey } from '../../../src/cli/audit/engine';
import { defaultConcurrency } from '../../../src/cli/commands/audit';

const content = [
  '# a venue that keeps its ticket office and drafts to itself',
  'User-agent: *',
  'Disallow: /billetterie/',
  'Allow: /billetterie/infos',
  '',
  'User-agent: Empreinte',
  'Disallow: /brouillons/',
  '',
  'User-agent: BadBot',
  'Disallow: /',
].join('\n');

describe('robots.txt decisions', () => {
  it('finds robots.txt at the origin of the page', () => {
    expect(robotsUrl('https://www.a.fr/saison/2026?x=1')).toBe('https://www.a.fr/robots.txt');
  });

  it('applies the group of the Empreinte token when there is one, else the * group', () => {
    const rules = robotsRules({ kind: 'rules', status: 200, content }, 'https://www.a.fr/robots.txt');
    expect(rules.isAllowed('https://www.a.fr/')).toBe(true);
    expect(rules.isAllowed('https://www.a.fr/brouillons/x')).toBe(false);
    // the Empreinte group replaces the * group: /billetterie/ is allowed to it
    expect(rules.isAllowed('https://www.a.fr/billetterie/')).toBe(true);
    const others = robotsRules({ kind: 'rules', status: 200, content: 'User-agent: *\nDisallow: /billetterie/\nAllow: /billetterie/infos\n' }, 'https://www.a.fr/robots.txt');
    expect(others.isAllowed('https://www.a.fr/billetterie/')).toBe(false);
    expect(others.isAllowed('https://www.a.fr/billetterie/infos')).toBe(true);
  });

  it('no robots.txt (4xx) or one that cannot be fetched allows everything', () => {
    expect(robotsRules({ kind: 'none', status: 404 }, 'https://a.fr/robots.txt').isAllowed('https://a.fr/x')).toBe(true);
    expect(robotsRules({ kind: 'unavailable', reason: 'HTTP 503' }, 'https://a.fr/robots.txt').isAllowed('https://a.fr/x')).toBe(true);
  });

  it('fetches once per origin and says when it cannot be fetched', async () => {
    const fetched: string[] = [];
    const said: string[] = [];
    const answers: Record<string, RobotsFetch> = {
      'https://a.fr/robots.txt': { kind: 'rules', status: 200, content: 'User-agent: *\nDisallow: /prive/\n' },
      'https://b.fr/robots.txt': { kind: 'unavailable', reason: 'net::ERR_CONNECTION_REFUSED' },
    };
    const cache = new RobotsCache(
      async (url) => {
        fetched.push(url);
        return answers[url]!;
      },
      (url, reason) => said.push(`${url} ${reason}`),
    );
    expect((await cache.rulesFor('https://a.fr/prive/x')).isAllowed('https://a.fr/prive/x')).toBe(false);
    expect((await cache.rulesFor('https://a.fr/')).isAllowed('https://a.fr/')).toBe(true);
    expect((await cache.rulesFor('https://b.fr/')).isAllowed('https://b.fr/')).toBe(true);
    await cache.rulesFor('https://b.fr/autre');
    expect(fetched).toEqual(['https://a.fr/robots.txt', 'https://b.fr/robots.txt']);
    expect(said).toEqual(['https://b.fr/robots.txt net::ERR_CONNECTION_REFUSED']);
  });
});

describe('engine details', () => {
  it('user agent: the browser\'s as a desktop Chrome says it, plus the Empreinte token', () => {
    const headless = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36';
    expect(auditUserAgent(headless, '1.2.3')).toBe(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Empreinte/1.2.3',
    );
  });

  it('row keys, page slugs, backoff and default concurrency', () => {
    expect(rowKey('https://a.fr/', 'refuse')).toBe('https://a.fr/ refuse');
    const slug = pageSlug('https://www.a.fr/saison/2026?x=1');
    expect(slug).toMatch(/^www\.a\.fr-saison-2026-[0-9a-f]{6}$/);
    // two URLs that read the same get different slugs
    expect(pageSlug('https://a.fr/a-b')).not.toBe(pageSlug('https://a.fr/a/b'));
    expect([1, 2, 3, 10].map(backoffMs)).toEqual([2000, 4000, 8000, 30_000]);
    expect([1, 2, 8].map((cores) => defaultConcurrency(cores))).toEqual([1, 1, 7]);
  });
});
