// `empreinte audit` over real Chromium against the local "fake internet":
// what the capture and the CLI report must be what the server really served,
// bytes included, and the requests of a cross-site (out-of-process) iframe
// must be in it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageCapture } from '../../src/core/capture';
import { Report } from '../../src/core/report';
import { AuditRow } from '../../src/cli/audit/row';
import { capturePage } from '../../src/cli/capture-page';
import { startSiteServer, type SiteServer } from '../../src/cli/site-server';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, fakeInternetArgs } from './support/chromium';
import { buildCli, chromiumProcessesWith, repoRoot, runCli } from './support/cli';

const siteRoot = join(repoRoot, 'tests/fixtures/sites/salle');
const fixtureHosts = new Set(readdirSync(siteRoot));
const pageUrl = 'https://www.salle-exemple.fr/';

/**
 * Elements counted by hand in the fixture, by the EcoIndex rule (the <svg>
 * counts, its <g>, <circle> and <path> do not):
 * top document: html head meta title link script body h1 svg ul li li p img p a iframe = 17;
 * the iframe (player.vimeo.com): html head meta title script body div img button = 9.
 */
const HAND_COUNTED_ELEMENTS = 17 + 9;

let server: SiteServer;
let outDir: string;

beforeAll(async () => {
  buildCli();
  server = await startSiteServer({ root: siteRoot });
  outDir = mkdtempSync(join(tmpdir(), 'empreinte-audit-'));
});

afterAll(async () => {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** A port that was free a moment ago, now closed again. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const browserArgs = () => fakeInternetArgs(server.port).map((arg) => `--browser-arg=${arg}`);

describe('empreinte audit', () => {
  // What makes the next test meaningful: the fixture's iframe is a target of
  // its own (site isolation), whose requests a page-only CDP session misses.
  it('the fixture\'s cross-site iframe runs out of process', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...fakeInternetArgs(server.port)] });
    try {
      const page = await browser.newPage();
      await page.goto(pageUrl);
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      expect(targetInfos.filter((target) => target.type === 'iframe').map((target) => target.url)).toEqual([
        'https://player.vimeo.com/video/76979871',
      ]);
    } finally {
      await browser.close();
    }
  });

  it('captures exactly the requests and bytes the server served, cross-site iframe included', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...fakeInternetArgs(server.port)] });
    server.served.length = 0;
    let capture;
    try {
      capture = PageCapture.parse(await capturePage(browser, pageUrl, { timeoutMs: 60_000 }));
    } finally {
      await browser.close();
    }
    // Only the page's traffic: Chromium's own background requests (if any)
    // would hit the server under hosts the fixture does not have.
    const served = server.served.filter((record) => fixtureHosts.has(record.host));

    // Every served response is in the capture, with its exact byte count.
    const captured = capture.requests.map((request) => {
      const url = new URL(request.url);
      return { host: url.hostname, path: url.pathname, bytes: request.bytes, frameId: request.frameId };
    });
    expect(captured).toHaveLength(served.length);
    for (const record of served) {
      expect(captured).toContainEqual(expect.objectContaining({ host: record.host, path: record.path, bytes: record.bytes }));
    }

    // The out-of-process iframe: its document, its known payload and its image.
    const player = capture.requests.find((request) => request.url === 'https://player.vimeo.com/player.js');
    const payload = server.served.find((record) => record.host === 'player.vimeo.com' && record.path === '/player.js');
    expect(player?.bytes).toBe(payload?.bytes);
    expect(player?.bytes).toBeGreaterThan(15_000); // 20 kB of base64, gzipped
    expect(player?.frameId).not.toBeNull();
    expect(capture.requests.some((request) => request.url === 'https://i.vimeocdn.com/video/poster.jpg')).toBe(true);
    expect(capture.dom?.framesCounted).toBe(2);
    expect(capture.dom?.telLinks).toEqual(['tel:+33199005678']);

    // What the RGESN checks read: the local server speaks HTTP/1.1 (over TLS
    // too), gzips text and sends `Cache-Control: public, max-age=3600` on every
    // file (src/cli/site-server.ts).
    const home = capture.requests.find((request) => request.url === pageUrl);
    expect(home).toMatchObject({ protocol: 'http/1.1', headers: { contentEncoding: 'gzip', cacheControl: 'public, max-age=3600', expires: null } });
    const photo = capture.requests.find((request) => request.url.endsWith('/images/photo.jpg'));
    expect(photo).toMatchObject({ protocol: 'http/1.1', headers: { contentEncoding: null, cacheControl: 'public, max-age=3600' } });
    expect(capture.requests.filter((request) => request.status === 200).every((request) => request.protocol === 'http/1.1')).toBe(true);
    expect(capture.dom?.imageDetails).toEqual([
      { src: 'https://www.salle-exemple.fr/images/photo.jpg', naturalWidth: 600, naturalHeight: 800, renderedWidth: 600, renderedHeight: 800, srcset: false },
    ]);
    expect(capture.dom?.devicePixelRatio).toBe(1);
  });

  it('audits through the engine: the report counts what was served, one row in results.jsonl', async () => {
    server.served.length = 0;
    const result = await runCli(['audit', pageUrl, '--json', '--out', outDir, ...browserArgs()]);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.code).toBe(0);

    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = Report.parse(JSON.parse(lines[0]!));

    // The page's traffic: the robots.txt the engine read first is not the page's.
    // The favicon is the browser's own request: Chromium may ask for it for the
    // page (the capture sees it) and for the tab that read robots.txt (not the
    // page's), or not yet when the capture ends; so it is set aside here.
    const served = server.served.filter((record) => fixtureHosts.has(record.host) && record.path !== '/robots.txt' && record.path !== '/favicon.ico');
    expect(server.served.some((record) => record.path === '/robots.txt')).toBe(true);
    const servedBytes = served.reduce((sum, record) => sum + record.bytes, 0);
    const servedList = server.served.map((record) => `${record.host}${record.path}`).join(' ');
    expect(report.footprint.requests, `served: ${servedList}`).toBeGreaterThanOrEqual(served.length);
    expect(report.footprint.requests, `served: ${servedList}`).toBeLessThanOrEqual(served.length + 1);
    // the browser sent nothing of its own (updates, accounts, push check-in)
    expect(server.served.filter((record) => !fixtureHosts.has(record.host)), servedList).toEqual([]);
    expect(Math.abs(report.footprint.bytes - servedBytes) / servedBytes).toBeLessThan(0.02);
    expect(report.footprint.bytesMeasuredShare).toBe(1);
    expect(report.footprint.domElements).toBe(HAND_COUNTED_ELEMENTS);
    expect(report.thirdParties?.map((party) => party.domain)).toEqual(
      expect.arrayContaining(['vimeo.com', 'vimeocdn.com', 'jsdelivr.net', 'petit-agenda.io']),
    );
    const rgesn = Object.fromEntries((report.rgesn ?? []).map((check) => [check.id, check]));
    expect(rgesn['6.7']).toMatchObject({ status: 'fail', measured: { params: { legacy: report.footprint.requests, hosts: 1 } } });
    expect(rgesn['6.2']?.status).toBe('pass');
    expect(rgesn['6.4']?.status).toBe('pass');
    // the player's frame, its script and its poster are the embed's weight
    const purposes = report.footprint.byPurpose!;
    expect(Object.values(purposes).reduce((sum, tally) => sum + tally.requests, 0)).toBe(report.footprint.requests);
    expect(purposes.embeds.requests).toBeGreaterThanOrEqual(3);
    const payload = served.find((record) => record.host === 'player.vimeo.com' && record.path === '/player.js')!;
    expect(purposes.embeds.bytes).toBeGreaterThan(payload.bytes);

    const rows = readFileSync(join(outDir, 'results.jsonl'), 'utf8').trim().split('\n').map((line) => AuditRow.parse(JSON.parse(line)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: `${pageUrl} none`, status: 'ok', role: 'home', site: 'salle-exemple.fr', attempts: 1 });
    expect(rows[0]!.report).toEqual(report);
    expect(readFileSync(join(outDir, 'report.html'), 'utf8')).toContain('<html');
    expect(chromiumProcessesWith(`127.0.0.1:${server.port}`)).toEqual([]);

    // the same folder again without --resume is refused, and says how to go on
    const again = await runCli(['audit', pageUrl, '--out', outDir, ...browserArgs()]);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toMatch(/already holds an audit \(results\.jsonl\): add --resume/);
  });

  it('reports an unreachable page on one line, exits 1, and still audits the others', async () => {
    // localhost is excluded from the resolver rules: a port nobody listens on refuses.
    const closedPort = await freePort();
    const result = await runCli(['audit', `http://localhost:${closedPort}/`, pageUrl, '--json', ...browserArgs()]);
    expect(result.code).toBe(1);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('empreinte audit:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`localhost:${closedPort}/ \\(none\\): not audited, connection: .*net::ERR_CONNECTION_REFUSED`));
    // its robots.txt could not be read either: said, not fatal
    expect(result.stderr).toMatch(new RegExp(`robots\\.txt cannot be read \\(http://localhost:${closedPort}/robots\\.txt`));
    const reports = result.stdout.trim().split('\n').map((line) => Report.parse(JSON.parse(line)));
    expect(reports.map((report) => report.page.url)).toEqual([pageUrl]);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects a URL that is not http(s) with a usage error', async () => {
    const result = await runCli(['audit', 'ftp://example.org/']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});
