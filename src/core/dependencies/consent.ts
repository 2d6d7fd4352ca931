import type { CapturedCookie, PageCapture } from '../capture';
import { parseRequestUrl, registrableDomainOf } from '../party';
import type { ConsentFinding, CookieFinding, ThirdParty, TrackerFinding } from '../report';
import type { DependencyContext } from './context';
import { TCF_GLOBAL } from './probe-targets';
import { recogniseServices } from './service-matcher';
import { remembered, type AnalysisMemo } from './memo';

/** 13 months, the CNIL's maximum lifetime for consent cookies (délibération 2020-091), in days. */
export const LONG_LIVED_DAYS = 395;
const DAY_MS = 86_400_000;
/** The IAB TCF v2 consent string: a choice made earlier on any TCF site of the same vendor setup. */
const TCF_COOKIE = 'euconsent-v2';

/** Cookies, consent managers, a choice given earlier, and what fired before the first interaction. */
export function analyseConsent(
  trackers: readonly TrackerFinding[] | null,
  thirdParties: readonly ThirdParty[],
  context: DependencyContext,
): { consent: ConsentFinding | null; cookies: CookieFinding[] | null } {
  const { capture } = context;
  const cookies = capture.cookies === null ? null : cookieFindings(capture, context.memo);
  const dom = capture.dom;
  // A HAR file has neither cookies nor a DOM: nothing to judge consent by.
  if (dom === null && cookies === null) return { consent: null, cookies };

  const managers = recogniseServices(context)
    .filter((found) => found.target.kind === 'consent')
    .map(({ target, evidence }) => ({ id: target.entry.id, name: target.entry.name, evidence }));

  // Third parties classified as trackers, plus trackers served through the
  // site's own domain (proxied analytics), which no third party stands for.
  const trackersBeforeInteraction =
    thirdParties.filter((party) => party.tracker === true && party.beforeInteraction === true).length +
    (trackers ?? []).filter((tracker) => tracker.party === 'first' && tracker.beforeInteraction === true).length;

  return {
    consent: {
      managers,
      tcf: dom?.globals.includes(TCF_GLOBAL) ?? false,
      givenEarlier: givenEarlier(context),
      firstInteractionAt: dom?.firstInteractionAt ?? null,
      trackersBeforeInteraction,
      cookiesBeforeInteraction: (cookies ?? []).filter((cookie) => cookie.beforeInteraction === true).length,
    },
    cookies,
  };
}

/**
 * Each cookie's finding. The page is parsed once for all of them (a page may set
 * hundreds); a finding depends only on its cookie and the page, so the plan's
 * simulations take it from the memo.
 */
function cookieFindings(capture: PageCapture, memo: AnalysisMemo): CookieFinding[] {
  const pageSite = parseRequestUrl(capture.page.finalUrl).site;
  const capturedAt = Date.parse(capture.page.capturedAt);
  return (capture.cookies ?? []).map((cookie) => remembered(memo.cookies, cookie, () => cookieFinding(cookie, pageSite, capturedAt)));
}

function cookieFinding(cookie: CapturedCookie, pageSite: string | null, capturedAt: number): CookieFinding {
  const lifetimeDays = lifetimeOf(cookie.expires, capturedAt);
  return {
    name: cookie.name,
    domain: cookie.domain,
    party: partyOf(cookie.domain, pageSite),
    setBy: cookie.setBy,
    lifetimeDays,
    longLived: lifetimeDays !== null && lifetimeDays > LONG_LIVED_DAYS,
    beforeInteraction: cookie.beforeInteraction,
  };
}

/**
 * Declared lifetime in days, from the capture's own time (analyse() reads no
 * clock). Null for a session cookie or an unreadable date; an expiry already
 * past (a cookie being deleted) is 0.
 */
function lifetimeOf(expires: string | null, start: number): number | null {
  if (expires === null) return null;
  const end = Date.parse(expires);
  if (Number.isNaN(end) || Number.isNaN(start)) return null;
  return Math.max(0, Math.round(((end - start) / DAY_MS) * 10) / 10);
}

/** First party when the cookie's domain belongs to the page's site (registrable domain, else the host). */
function partyOf(domain: string, pageSite: string | null): CookieFinding['party'] {
  const host = domain.replace(/^\./, '').toLowerCase();
  const site = registrableDomainOf(host) ?? host;
  return pageSite !== null && site === pageSite ? 'first' : 'third';
}

/**
 * Did the visitor answer a consent banner on an earlier visit? Only a capture
 * made in the visitor's own browser can tell (`consentState` unknown): a
 * fresh profile (the CLI: untouched, refused, accepted) has no earlier visit,
 * even though some managers write their cookie on the first page view.
 * Signals: a catalog manager's stored-choice cookie or localStorage key, or
 * the TCF consent string — except a cookie this page view itself set by a
 * response header (that one is new, not earlier).
 */
function givenEarlier(context: DependencyContext): boolean {
  const { capture } = context;
  if (capture.page.consentState === 'given-earlier') return true;
  if (capture.page.consentState !== 'unknown') return false;
  const setNow = new Set((capture.cookies ?? []).filter((c) => c.setBy === 'header').map((c) => c.name));
  const cookieNames = [
    ...(capture.cookies ?? []).filter((c) => c.setBy === 'script').map((c) => c.name),
    ...(capture.dom?.cookieNames ?? []),
  ].filter((name) => !setNow.has(name));
  const storageKeys = capture.dom?.storageKeys ?? [];
  if (cookieNames.includes(TCF_COOKIE)) return true;
  return context.catalogs.consentManagers.some(
    ({ storedChoice }) =>
      storedChoice.cookies.some((pattern) => cookieNames.some((name) => namePattern(pattern, name))) ||
      storedChoice.localStorage.some((pattern) => storageKeys.some((key) => namePattern(pattern, key))),
  );
}

/** A stored-choice name from the catalog: exact, or a prefix ending in `*` (`_iub_cs-*`). */
function namePattern(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
