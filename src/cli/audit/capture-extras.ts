/**
 * The parts of a page capture that only the auditor asks for: the phone
 * viewport, the consent state and click time, the page's links. Kept apart
 * from capture-page.ts, which stays the EcoIndex protocol itself.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { PageCapture } from '../../core/capture';
import type { CaptureOptions } from '../capture-page';
import type { ConsentOutcome } from './consent';

export const MOBILE_VIEWPORT = { width: 390, height: 844 };

/** A fresh context's settings: desktop 1920×1080, or a phone (isMobile, touch, device scale 3) keeping the given user agent. */
export function contextOptions(options: CaptureOptions): { viewport: { width: number; height: number }; context: BrowserContextOptions } {
  const viewport = options.viewport ?? (options.mobile ? MOBILE_VIEWPORT : { width: 1920, height: 1080 });
  const context: BrowserContextOptions = { viewport };
  if (options.mobile) Object.assign(context, { deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  if (options.userAgent) context.userAgent = options.userAgent;
  return { viewport, context };
}

/** The links of the top document, resolved, http(s) only, deduplicated (bounded). */
export async function pageLinks(page: Page): Promise<{ href: string; text: string }[]> {
  const links = await page
    .evaluate(() =>
      Array.from(document.querySelectorAll('a[href]'), (a) => ({
        href: (a as HTMLAnchorElement).href,
        text: (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
      })),
    )
    .catch(() => []);
  const seen = new Set<string>();
  return links.filter((link) => {
    if (!/^https?:/i.test(link.href) || seen.has(link.href)) return false;
    seen.add(link.href);
    return true;
  }).slice(0, 2000);
}

/**
 * The consent click in ms since the first document request (the clock of the
 * requests' startTime); null when nothing was clicked. Both times are the
 * system's wall clock: the page's performance.timeOrigin would not do, as it
 * starts before the request by a varying delay (a fresh renderer process).
 */
export function interactionSinceStart(navigationWallMs: number | null, consent: ConsentOutcome | null): number | null {
  if (consent?.interactionEpochMs == null || navigationWallMs === null) return null;
  return Math.max(0, Math.round(consent.interactionEpochMs - navigationWallMs));
}

/** refused/accepted once the manager confirmed the click; untouched when nothing was clicked; unknown after a failed click. */
export function consentStateOf(action: 'refuse' | 'accept' | null, consent: ConsentOutcome | null): PageCapture['page']['consentState'] {
  if (action === null || consent === null || consent.interactionEpochMs === null) return 'untouched';
  if (consent.outcome !== 'done') return 'unknown';
  return action === 'refuse' ? 'refused' : 'accepted';
}

/** The consent click replaces the probe's own first interaction (there is none in a driven browser). */
export function withInteraction<T extends { firstInteractionAt: number | null }>(dom: T, at: number | null): T {
  return at === null ? dom : { ...dom, firstInteractionAt: at };
}
