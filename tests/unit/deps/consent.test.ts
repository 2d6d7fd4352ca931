import { describe, expect, it } from 'vitest';
import type { CapturedCookie } from '../../../src/core/capture';
import { analyseConsent } from '../../../src/core/dependencies/consent';
import { ConsentFinding, CookieFinding, type ThirdParty, type TrackerFinding } from '../../../src/core/report';
import { capture, dom, req } from '../core/support/captures';
import { contextOf } from './support';

const site = 'https://www.theatre-exemple.fr/';
// captures are taken at 2025-10-01T18:30:00.000Z (tests/unit/core/support/captures.ts)

function cookie(name: string, overrides: Partial<CapturedCookie> = {}): CapturedCookie {
  return { name, domain: '.theatre-exemple.fr', expires: null, setBy: 'header', beforeInteraction: true, ...overrides };
}

function party(domain: string, tracker: boolean, beforeInteraction: boolean): ThirdParty {
  return {
    domain,
    hosts: [domain],
    entity: null,
    organisation: null,
    parent: null,
    country: null,
    category: null,
    requests: 1,
    bytes: 100,
    jurisdiction: null,
    tracker,
    trackerKinds: tracker ? ['analytics'] : [],
    beforeInteraction,
  };
}

function tracker(partyOf: 'first' | 'third', beforeInteraction: boolean | null): TrackerFinding {
  return {
    id: 'matomo-proxied',
    name: 'Matomo',
    kind: 'analytics',
    party: partyOf,
    organisation: null,
    parent: null,
    requests: 2,
    beforeInteraction,
    remark: null,
    evidence: [],
  };
}

describe('analyseConsent: cookies', () => {
  it('gives each cookie its party, lifetime from the capture time, and flags lifetimes over 13 months', () => {
    const page = capture(site, [req(site, 'document', 1000)]);
    page.cookies = [
      cookie('PHPSESSID'),
      cookie('_ga', { domain: '.theatre-exemple.fr', expires: '2027-11-05T18:30:00.000Z', setBy: 'script' }),
      cookie('_fbp', { expires: '2025-12-30T18:30:00.000Z', setBy: 'script' }),
      cookie('IDE', { domain: '.doubleclick.net', expires: '2026-11-06T06:30:00.000Z', beforeInteraction: false }),
      cookie('gone', { expires: '2020-01-01T00:00:00.000Z', beforeInteraction: null }),
    ];
    const { cookies } = analyseConsent(null, [], contextOf(page));
    expect(cookies).toEqual([
      { name: 'PHPSESSID', domain: '.theatre-exemple.fr', party: 'first', setBy: 'header', lifetimeDays: null, longLived: false, beforeInteraction: true },
      { name: '_ga', domain: '.theatre-exemple.fr', party: 'first', setBy: 'script', lifetimeDays: 765, longLived: true, beforeInteraction: true },
      { name: '_fbp', domain: '.theatre-exemple.fr', party: 'first', setBy: 'script', lifetimeDays: 90, longLived: false, beforeInteraction: true },
      { name: 'IDE', domain: '.doubleclick.net', party: 'third', setBy: 'header', lifetimeDays: 400.5, longLived: true, beforeInteraction: false },
      { name: 'gone', domain: '.theatre-exemple.fr', party: 'first', setBy: 'header', lifetimeDays: 0, longLived: false, beforeInteraction: null },
    ]);
    for (const found of cookies ?? []) expect(() => CookieFinding.parse(found)).not.toThrow();
  });

  it('compares hosts when the page has no registrable domain (localhost)', () => {
    const page = capture('http://localhost:8080/', [req('http://localhost:8080/', 'document', 1000)]);
    page.cookies = [cookie('a', { domain: 'localhost' }), cookie('b', { domain: 'tracker.example' })];
    expect(analyseConsent(null, [], contextOf(page)).cookies?.map((c) => c.party)).toEqual(['first', 'third']);
  });
});

describe('analyseConsent: consent', () => {
  it('is not evaluated for a HAR without cookies nor DOM; cookies without DOM still judge', () => {
    const har = capture(site, [req(site, 'document', 1000)], { dom: null });
    har.cookies = null;
    expect(analyseConsent(null, [], contextOf(har))).toEqual({ consent: null, cookies: null });
    har.cookies = [cookie('a')];
    const { consent } = analyseConsent(null, [], contextOf(har));
    expect(consent).toMatchObject({ managers: [], tcf: false, givenEarlier: false, cookiesBeforeInteraction: 1 });
  });

  it('counts third-party trackers and proxied first-party trackers that fired before the interaction', () => {
    const page = capture(site, [req(site, 'document', 1000)], { dom: { ...dom(100), firstInteractionAt: 4200.5 } });
    page.cookies = [cookie('a'), cookie('b', { beforeInteraction: false }), cookie('c', { beforeInteraction: null })];
    const parties = [
      party('google-analytics.com', true, true),
      party('facebook.net', true, false),
      party('cdn-fonts.example', false, true),
    ];
    const named = [tracker('first', true), tracker('third', true), tracker('first', false)];
    const { consent } = analyseConsent(named, parties, contextOf(page));
    expect(consent).toEqual({
      managers: [],
      tcf: false,
      givenEarlier: false,
      firstInteractionAt: 4200.5,
      trackersBeforeInteraction: 2,
      cookiesBeforeInteraction: 1,
    });
    expect(() => ConsentFinding.parse(consent)).not.toThrow();
  });

  it('recognises Didomi and the TCF API', () => {
    const page = capture(site, [req('https://sdk.privacy-center.org/abc/loader.js', 'script', 1000)], {
      dom: { ...dom(100), globals: ['__tcfapi', 'Didomi'], markers: ['#didomi-host'] },
    });
    const { consent } = analyseConsent(null, [], contextOf(page));
    expect(consent?.tcf).toBe(true);
    expect(consent?.managers).toEqual([
      {
        id: 'didomi',
        name: expect.stringContaining('Didomi'),
        evidence: [
          'host:sdk.privacy-center.org',
          'script:https://sdk.privacy-center.org/abc/loader.js',
          'global:__tcfapi',
          'global:Didomi',
          'dom:#didomi-host',
        ],
      },
    ]);
  });

  it('says when a choice stored on an earlier visit is present (Axeptio cookie), in the visitor’s own browser', () => {
    const axeptio = () =>
      capture(site, [req('https://static.axept.io/sdk.js', 'script', 1000)], {
        page: { method: 'passive', consentState: 'unknown' },
        dom: { ...dom(100), cookieNames: ['axeptio_cookies', '_ga'] },
      });
    const earlier = analyseConsent(null, [party('google-analytics.com', true, true)], contextOf(axeptio()));
    expect(earlier.consent).toMatchObject({
      managers: [{ id: 'axeptio' }],
      givenEarlier: true,
      // still counted: the UI says they fired under the earlier choice
      trackersBeforeInteraction: 1,
    });
  });

  it('reads stored choices from localStorage, prefixes and the TCF cookie', () => {
    const withDom = (cookieNames: string[], storageKeys: string[]) =>
      capture(site, [], { page: { consentState: 'unknown' }, dom: { ...dom(10), cookieNames, storageKeys } });
    const earlier = (cookieNames: string[], storageKeys: string[] = []) =>
      analyseConsent(null, [], contextOf(withDom(cookieNames, storageKeys))).consent?.givenEarlier;
    expect(earlier([], ['uc_settings'])).toBe(true); // Usercentrics
    expect(earlier(['_iub_cs-12345'])).toBe(true); // iubenda, a prefix in the catalog
    expect(earlier(['euconsent-v2'])).toBe(true);
    expect(earlier(['_ga', 'PHPSESSID'], ['theme'])).toBe(false);
  });

  it('does not take a consent cookie set by this very page view, nor any in a fresh profile, for an earlier choice', () => {
    const page = capture(site, [], { page: { consentState: 'unknown' }, dom: { ...dom(10), cookieNames: ['OptanonConsent'] } });
    page.cookies = [cookie('OptanonConsent', { setBy: 'header' })];
    expect(analyseConsent(null, [], contextOf(page)).consent?.givenEarlier).toBe(false);
    // the CLI starts every page in a fresh browser context: untouched
    const fresh = capture(site, [], { dom: { ...dom(10), cookieNames: ['axeptio_cookies'] } });
    expect(analyseConsent(null, [], contextOf(fresh)).consent?.givenEarlier).toBe(false);
    const declared = capture(site, [], { page: { consentState: 'given-earlier' } });
    expect(analyseConsent(null, [], contextOf(declared)).consent?.givenEarlier).toBe(true);
  });
});
