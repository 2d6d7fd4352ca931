// One page audited in real Chromium against the local "fake internet", in
// each consent mode: autoconsent must recognise the Axeptio and Didomi
// stand-ins and click them, and the three Reports must differ the way the
// sites behave (trackers loaded on acceptance only; the Didomi site's Meta
// pixel firing after a refusal). Then the evidence files, the manifest, and
// pages that fail (404, not HTML, redirected to another site) as data.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/core/report';
import { auditPage, type PageAuditRequest, type PageAuditResult } from '../../src/cli/audit/page-audit';
import { writeManifest } from '../../src/cli/audit/manifest';
import { capturePageDetailed } from '../../src/cli/capture-page';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import { renderDebateHtml } from '../../src/ui/debate-html';
import { chromiumArgs, chromiumPath, fakeInternetArgs } from './support/chromium';
import { repoRoot } from './support/cli';

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Empreinte/test';

function request(url: string, extra: Partial<PageAuditRequest> = {}): PageAuditRequest {
  return { url, consent: 'none', timeoutMs: 30_000, userAgent: USER_AGENT, mobile: false, outDir: null, pageSlug: 'home', keepSecrets: false, lang: 'en', ...extra };
}

function okReport(result: PageAuditResult): Report {
  if (!result.ok) throw new Error(`audit failed: ${result.failure.kind} ${result.failure.message}`);
  return Report.parse(result.report);
}

const trackerIds = (report: Report) => new Set((report.trackers ?? []).map((tracker) => tracker.id));
const tracker = (report: Report, id: string) => (report.trackers ?? []).find((found) => found.id === id);

async function withSite(root: string): Promise<{ server: SiteServer; browser: Browser }> {
  const server = await startSiteServer({ root: join(repoRoot, root) });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...fakeInternetArgs(server.port)] });
  return { server, browser };
}

describe('auditPage on the demo site (Axeptio stand-in)', () => {
  let site: { server: SiteServer; browser: Browser };
  const home = 'https://www.theatre-de-la-lune.fr/';
  beforeAll(async () => {
    site = await withSite('demo/site');
  });
  afterAll(async () => {
    await site?.browser.close();
    await site?.server.close();
  });

  it('measures before any interaction, after refusal and after acceptance: three different Reports', async () => {
    const none = await auditPage(site.browser, request(home));
    const refuse = await auditPage(site.browser, request(home, { consent: 'refuse' }));
    const accept = await auditPage(site.browser, request(home, { consent: 'accept' }));

    expect(none.consent).toEqual({ requested: 'none', manager: null, outcome: 'not-asked' });
    expect(refuse.consent).toEqual({ requested: 'refuse', manager: 'axeptio', outcome: 'done' });
    expect(accept.consent).toEqual({ requested: 'accept', manager: 'axeptio', outcome: 'done' });

    const [before, refused, accepted] = [okReport(none), okReport(refuse), okReport(accept)];
    expect(before.page.consentState).toBe('untouched');
    expect(refused.page.consentState).toBe('refused');
    expect(accepted.page.consentState).toBe('accepted');
    expect(before.consent?.firstInteractionAt).toBeNull();
    expect(refused.consent?.firstInteractionAt).toBeGreaterThan(0);
    expect(accepted.consent?.firstInteractionAt).toBeGreaterThan(0);

    // The demo site starts its Meta pixel without asking: in every state, before the click.
    for (const report of [before, refused, accepted]) expect(tracker(report, 'meta-pixel')?.beforeInteraction).toBe(true);
    // The LinkedIn tag is loaded by the consent manager on acceptance only, after the click.
    expect(trackerIds(before).has('linkedin-insight')).toBe(false);
    expect(trackerIds(refused).has('linkedin-insight')).toBe(false);
    expect(tracker(accepted, 'linkedin-insight')?.beforeInteraction).toBe(false);
    // The consent manager's cookies were set by the click, not before it.
    const axeptioCookie = (report: Report) => report.cookies?.find((cookie) => cookie.name === 'axeptio_cookies');
    expect(axeptioCookie(before)).toBeUndefined();
    expect(axeptioCookie(refused)?.beforeInteraction).toBe(false);
  });

  it('writes the evidence files and a manifest of their hashes', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'empreinte-evidence-'));
    try {
      const result = await auditPage(site.browser, request(home, { consent: 'refuse', outDir, pageSlug: 'theatre-de-la-lune.fr/home' }));
      expect(result.evidence).toEqual({
        report: 'pages/theatre-de-la-lune.fr-home/refuse.report.json',
        har: 'pages/theatre-de-la-lune.fr-home/refuse.har',
        screenshot: 'pages/theatre-de-la-lune.fr-home/refuse.png',
        debate: 'pages/theatre-de-la-lune.fr-home/refuse.debate.html',
      });
      const report = Report.parse(JSON.parse(readFileSync(join(outDir, result.evidence.report!), 'utf8')));
      expect(report.page.consentState).toBe('refused');
      const har = JSON.parse(readFileSync(join(outDir, result.evidence.har!), 'utf8')) as { log: { entries: { request: { url: string } }[] } };
      expect(har.log.entries.some((entry) => entry.request.url.startsWith(home))).toBe(true);
      const png = readFileSync(join(outDir, result.evidence.screenshot!));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // the debate sheet of this page in this state, in the audit's language (request() asks for English)
      const debate = readFileSync(join(outDir, result.evidence.debate!), 'utf8');
      expect(debate).toBe(renderDebateHtml(report, 'en'));
      expect(debate).toContain('<html lang="en">');

      await writeManifest(outDir, {
        toolVersion: '0.1.0',
        catalogVersion: 'test',
        browserVersion: site.browser.version(),
        options: { consent: 'refuse' },
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:01:00.000Z',
      });
      const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as { files: { path: string; bytes: number; sha256: string }[]; browserVersion: string };
      expect(manifest.browserVersion).toBe(site.browser.version());
      expect(manifest.files.map((file) => file.path)).toEqual([result.evidence.debate, result.evidence.har, result.evidence.screenshot, result.evidence.report].sort());
      for (const file of manifest.files) {
        const bytes = readFileSync(join(outDir, file.path));
        expect(file.bytes).toBe(bytes.length);
        expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

});

describe('auditPage on a Didomi site that tracks after refusal', () => {
  let site: { server: SiteServer; browser: Browser };
  const home = 'https://www.scene-des-tilleuls.fr/';
  beforeAll(async () => {
    site = await withSite('tests/fixtures/sites/consent-didomi');
  });
  afterAll(async () => {
    await site?.browser.close();
    await site?.server.close();
  });

  it('finds the Meta pixel firing after a refusal, and Google Analytics only after acceptance', async () => {
    const none = okReport(await auditPage(site.browser, request(home)));
    const refuseResult = await auditPage(site.browser, request(home, { consent: 'refuse' }));
    const accepted = okReport(await auditPage(site.browser, request(home, { consent: 'accept' })));
    expect(refuseResult.consent).toEqual({ requested: 'refuse', manager: 'didomi', outcome: 'done' });
    const refused = okReport(refuseResult);

    expect(tracker(none, 'meta-pixel')).toBeUndefined();
    expect(tracker(refused, 'meta-pixel')?.beforeInteraction).toBe(false);
    expect(tracker(accepted, 'meta-pixel')?.beforeInteraction).toBe(false);
    const ga = (report: Report) => report.thirdParties.find((party) => party.domain === 'google-analytics.com');
    expect(ga(none)).toBeUndefined();
    expect(ga(refused)).toBeUndefined();
    expect(ga(accepted)?.beforeInteraction).toBe(false);
  });

  it('measures a phone with mobile: true, keeping the given user agent', async () => {
    const { capture } = await capturePageDetailed(site.browser, `${home}agent/`, { timeoutMs: 30_000, userAgent: USER_AGENT, mobile: true });
    expect(capture.page.viewport).toEqual({ width: 390, height: 844 });
    expect(capture.page.title).toBe(`${USER_AGENT} | 390x844 | touch true`);
    expect(capture.dom?.devicePixelRatio).toBe(3);
  });

  it('returns the same-site links of the page', async () => {
    const result = await auditPage(site.browser, request(home));
    if (!result.ok) throw new Error(result.failure.message);
    const hrefs = result.links.map((link) => link.href);
    expect(hrefs).toContain('https://www.scene-des-tilleuls.fr/infos/');
    expect(hrefs.some((href) => href.includes('facebook.com'))).toBe(false);
    expect(result.links.find((link) => link.href.endsWith('/infos/'))?.text).toBe('Infos pratiques');
  });

  it('turns a 404, a non-HTML answer and an off-site redirect into failures with their reason', async () => {
    const missing = await auditPage(site.browser, request(`${home}ancienne-saison/`));
    const json = await auditPage(site.browser, request(`${home}agenda.json`));
    const away = await auditPage(site.browser, request(`${home}billetterie`, { consent: 'refuse' }));
    expect(missing.ok || json.ok || away.ok).toBe(false);
    if (missing.ok || json.ok || away.ok) return;
    expect(missing.failure).toMatchObject({ kind: 'http', httpStatus: 404 });
    expect(missing.retryable).toBe(false);
    expect(json.failure.kind).toBe('not-html');
    expect(json.failure.message).toContain('application/json');
    expect(away.failure.kind).toBe('offsite-redirect');
    expect(away.failure.message).toContain('billetterie-ailleurs.fr');
    expect(away.evidence).toEqual({ report: null, har: null, screenshot: null, debate: null });
  });
});

describe('auditPage when the browser cannot reach the page', () => {
  let server: SiteServer;
  beforeAll(async () => {
    server = await startSiteServer({ root: join(repoRoot, 'tests/fixtures/sites/consent-didomi') });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** one browser per network condition (resolver rules are per launch) */
  async function auditWith(args: string[]): Promise<PageAuditResult> {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...args] });
    try {
      return await auditPage(browser, request('https://www.scene-des-tilleuls.fr/', { consent: 'refuse', timeoutMs: 10_000 }));
    } finally {
      await browser.close();
    }
  }

  it('says DNS, TLS and connection failures apart, and retries only what may pass', async () => {
    const dns = await auditWith(['--host-resolver-rules=MAP * ~NOTFOUND']);
    // the site server's certificate is self-signed: without --ignore-certificate-errors it is refused
    const tls = await auditWith([`--host-resolver-rules=MAP * 127.0.0.1:${server.port}, EXCLUDE localhost`]);
    const refused = await auditWith(['--host-resolver-rules=MAP * 127.0.0.1:9, EXCLUDE localhost']);
    for (const result of [dns, tls, refused]) {
      expect(result.ok).toBe(false);
      expect(result.consent).toEqual({ requested: 'refuse', manager: null, outcome: 'not-asked' });
    }
    if (dns.ok || tls.ok || refused.ok) return;
    expect(dns.failure).toEqual({ kind: 'dns', message: 'Domain name not found (net::ERR_NAME_NOT_RESOLVED)', httpStatus: null });
    expect(dns.retryable).toBe(false);
    expect(tls.failure.kind).toBe('tls');
    expect(tls.failure.message).toMatch(/net::ERR_CERT_/);
    expect(tls.retryable).toBe(false);
    expect(refused.failure.kind).toBe('connection');
    expect(refused.retryable).toBe(true);
  });
});
