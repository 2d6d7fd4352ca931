/**
 * Audits one page in one consent mode, in a fresh browser context: capture
 * (with the consent click between load and measurement), analyse, write the
 * evidence, and return either a Report or a failure as data. The engine
 * (commands/audit) calls it once per (page, consent mode) and never sees a
 * thrown error for a page that could not be audited.
 */
import type { Browser } from 'playwright-core';
import { analyse } from '../../core/analyse';
import type { PageCapture } from '../../core/capture';
import type { Report } from '../../core/report';
import { loadCatalogs } from '../../data/index';
import type { Lang } from '../../i18n/index';
import { toolVersion } from '../../version';
import { capturePageDetailed, type CaptureResult } from '../capture-page';
import { ConsentDriver } from './consent';
import { NO_EVIDENCE, writeEvidence } from './evidence';
import { classifyDocument, classifyError, siteOf } from './failures';
import type { AuditRow, ConsentMode } from './row';

export interface PageAuditRequest {
  url: string;
  consent: ConsentMode;
  timeoutMs: number;
  userAgent: string;
  mobile: boolean;
  /** evidence written under it when not null */
  outDir: string | null;
  pageSlug: string;
  keepSecrets: boolean;
  lang: Lang;
}

export type PageAuditResult =
  | { ok: true; report: Report; links: { href: string; text: string }[]; consent: AuditRow['consent']; evidence: AuditRow['evidence'] }
  | {
      ok: false;
      failure: NonNullable<AuditRow['failure']>;
      retryable: boolean;
      consent: AuditRow['consent'];
      evidence: AuditRow['evidence'];
    };

/** Beyond the page's own budget: closing the context, the probe and the screenshot. */
const GRACE_MS = 15_000;

class HardTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HardTimeout(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The top document's response: the last document request of the top frame (after redirects). */
function mainDocument(capture: PageCapture): { status: number | null; mimeType: string | null } {
  const documents = capture.requests.filter((request) => request.type === 'document' && request.frameId === null);
  const last = documents.findLast((request) => request.status !== null && (request.status < 300 || request.status >= 400)) ?? documents.at(-1);
  return { status: last?.status ?? null, mimeType: last?.mimeType ?? null };
}

/** Same-site links, without their #fragment, deduplicated: the pages the engine may sample next. */
export function sameSiteLinks(links: readonly { href: string; text: string }[], pageUrl: string): { href: string; text: string }[] {
  const site = siteOf(pageUrl);
  const seen = new Set<string>();
  const out: { href: string; text: string }[] = [];
  for (const link of links) {
    let href: string;
    try {
      const parsed = new URL(link.href);
      parsed.hash = '';
      href = parsed.href;
    } catch {
      continue;
    }
    if (site === null || siteOf(href) !== site || seen.has(href)) continue;
    seen.add(href);
    out.push({ href, text: link.text });
  }
  return out;
}

export async function auditPage(browser: Browser, request: PageAuditRequest): Promise<PageAuditResult> {
  const driver = request.consent === 'none' ? undefined : new ConsentDriver(request.consent);
  let result: CaptureResult;
  try {
    result = await withTimeout(
      capturePageDetailed(browser, request.url, {
        timeoutMs: request.timeoutMs,
        userAgent: request.userAgent,
        mobile: request.mobile,
        consent: driver,
        screenshot: request.outDir !== null,
      }),
      request.timeoutMs + GRACE_MS,
    );
  } catch (error) {
    // Nothing was attempted on a page that never loaded.
    const consent: AuditRow['consent'] = { requested: request.consent, manager: null, outcome: 'not-asked' };
    return { ok: false, ...classifyError(error, request.lang), consent, evidence: NO_EVIDENCE };
  }

  const { capture } = result;
  const consent: AuditRow['consent'] = {
    requested: request.consent,
    manager: result.consent?.manager ?? null,
    outcome: result.consent?.outcome ?? 'not-asked',
  };
  const document = mainDocument(capture);
  const problem = classifyDocument(
    { requestedUrl: request.url, finalUrl: capture.page.finalUrl, status: document.status, mimeType: document.mimeType },
    request.lang,
  );
  if (problem) return { ok: false, ...problem, consent, evidence: NO_EVIDENCE };

  let report: Report;
  try {
    report = analyse(capture, loadCatalogs(), { toolVersion });
  } catch (error) {
    return { ok: false, ...classifyError(error, request.lang), retryable: false, consent, evidence: NO_EVIDENCE };
  }
  const evidence =
    request.outDir === null
      ? NO_EVIDENCE
      : await writeEvidence(request.outDir, request.pageSlug, request.consent, {
          report,
          capture,
          screenshot: result.screenshot,
          keepSecrets: request.keepSecrets,
          lang: request.lang,
        });
  return { ok: true, report, links: sameSiteLinks(result.links, capture.page.finalUrl), consent, evidence };
}
