// Issue 3 on realistic venue pages: the built CLI audits three French venue
// sites served by the local "fake internet" (tests/fixtures/sites/venue-*), in
// ONE run, and must report every organisation and parent company, named
// tracker, AI widget (with its class), consent manager, ticketing service and
// non-digital route in them; the sober festival must score better than the
// heavy theatre.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report, type Report as ReportType } from '../../src/core/report';
import type { SiteServer } from '../../src/cli/site-server';
import { fakeInternetArgs } from './support/chromium';
import { buildCli, runCli } from './support/cli';
import { startVenueServer, venueHosts, venues, type VenueName } from './support/venues';

interface Expected {
  /** parent companies of the third parties (report.organisations[].parent) */
  parents: string[];
  /** named trackers (report.trackers[].id) */
  trackers: string[];
  /** recognised services: id → [kind, AI class] */
  widgets: Record<string, [string, string]>;
  consentManagers: string[];
  tcf: boolean;
  access: { phone: boolean; address: boolean; openingHours: boolean };
}

const expected: Record<VenueName, Expected> = {
  // first party only: self-hosted fonts and Matomo, phone, address and hours in the page
  sobre: {
    parents: [],
    trackers: ['proxied-matomo'],
    widgets: {},
    consentManagers: [],
    tcf: false,
    access: { phone: true, address: true, openingHours: true },
  },
  // everything a heavy site loads, and no way in without a screen
  lourde: {
    parents: ['Alphabet', 'Meta', 'ByteDance', 'Contentsquare', 'Chatbase', 'accessiBe', 'Didomi', 'Billetweb'],
    trackers: ['meta-pixel', 'tiktok-pixel', 'hotjar'],
    widgets: {
      chatbase: ['chat', 'llm'],
      accessibe: ['accessibility-overlay', 'ai-overlay'],
      didomi: ['consent', 'none'],
      billetweb: ['ticketing', 'none'],
      youtube: ['video', 'none'],
      'google-maps': ['map', 'none'],
      'google-fonts': ['font', 'none'],
    },
    // Didomi, and the IAB TCF API it answers
    consentManagers: ['didomi', 'tcf-api'],
    tcf: true,
    access: { phone: false, address: false, openingHours: false },
  },
  // privacy-minded choices and a few European services; the phone only in schema.org data
  mixte: {
    parents: ['Alphabet', 'OpenStreetMap Foundation', 'Weezevent', 'Brevo', 'Bending Spoons'],
    trackers: [],
    widgets: {
      tarteaucitron: ['consent', 'none'],
      'youtube-nocookie': ['video', 'none'],
      vimeo: ['video', 'none'],
      'openstreetmap-tiles': ['map', 'none'],
      weezevent: ['ticketing', 'none'],
      'brevo-forms': ['newsletter', 'none'],
    },
    consentManagers: ['tarteaucitron'],
    tcf: false,
    access: { phone: true, address: true, openingHours: true },
  },
};

const names = Object.keys(venues) as VenueName[];
let server: SiteServer;
const reports = new Map<VenueName, ReportType>();
let stderr = '';

beforeAll(async () => {
  buildCli();
  server = await startVenueServer();
  const browserArgs = fakeInternetArgs(server.port).map((arg) => `--browser-arg=${arg}`);
  const result = await runCli(['audit', ...names.map((name) => venues[name].home), '--json', ...browserArgs], {
    timeoutMs: 150_000,
  });
  stderr = result.stderr;
  expect(result.code, result.stderr).toBe(0);
  for (const line of result.stdout.trim().split('\n')) {
    const report = Report.parse(JSON.parse(line));
    const name = names.find((n) => venues[n].home === report.page.url);
    if (name) reports.set(name, report);
  }
}, 180_000);

afterAll(async () => {
  await server?.close();
});

const reportOf = (name: VenueName): ReportType => {
  const report = reports.get(name);
  if (!report) throw new Error(`no report for ${name}\n${stderr}`);
  return report;
};

describe('venue sites audited by the CLI in one run', () => {
  it('gives one valid report per venue, counting what the server answered', () => {
    expect([...reports.keys()].sort()).toEqual([...names].sort());
    const hosts = new Set(names.flatMap((name) => [...venueHosts(name)]));
    // robots.txt is read by the auditor before the page, not by the page
    const served = server.served.filter((record) => hosts.has(record.host) && record.path !== '/robots.txt').length;
    const reported = names.reduce((sum, name) => sum + reportOf(name).footprint.requests, 0);
    // give or take each page's favicon, which the browser asks for on its own
    expect(Math.abs(served - reported)).toBeLessThanOrEqual(names.length);
  });

  for (const name of names) {
    describe(name, () => {
      const want = expected[name];

      it('attributes every third party to its organisation and parent company', () => {
        const report = reportOf(name);
        const groups = report.organisations ?? [];
        expect(report.organisations).not.toBeNull();
        expect(groups.map((group) => group.parent)).toEqual(expect.arrayContaining(want.parents));
        // nothing left unattributed: every third-party domain is in the catalog
        expect(report.thirdParties.filter((party) => party.parent === null).map((party) => party.domain)).toEqual([]);
        if (groups.length > 0) {
          const shares = groups.reduce((sum, group) => sum + group.requestShare, 0);
          expect(shares).toBeCloseTo(1, 5);
        }
      });

      it('names its trackers', () => {
        const report = reportOf(name);
        expect(report.trackers).not.toBeNull();
        expect((report.trackers ?? []).map((tracker) => tracker.id).sort()).toEqual([...want.trackers].sort());
      });

      it('recognises its embedded services with their kind and AI class', () => {
        const report = reportOf(name);
        expect(report.widgets).not.toBeNull();
        const found = Object.fromEntries((report.widgets ?? []).map((widget) => [widget.id, [widget.kind, widget.ai]]));
        expect(found).toMatchObject(want.widgets);
        for (const widget of report.widgets ?? []) expect(widget.evidence.length).toBeGreaterThan(0);
      });

      it('detects its consent manager and what fired before any interaction', () => {
        const consent = reportOf(name).consent;
        expect(consent).not.toBeNull();
        expect(consent?.managers.map((manager) => manager.id).sort()).toEqual([...want.consentManagers].sort());
        expect(consent?.tcf).toBe(want.tcf);
        // the CLI never interacts: a fresh profile, no earlier visit
        expect(consent?.firstInteractionAt).toBeNull();
        expect(consent?.givenEarlier).toBe(false);
      });

      it('says which non-digital routes it offers, with the evidence', () => {
        const access = reportOf(name).access;
        expect(access).not.toBeNull();
        for (const route of ['phone', 'address', 'openingHours'] as const) {
          expect({ route, found: access?.[route].found }).toEqual({ route, found: want.access[route] });
          if (want.access[route]) expect(access?.[route].evidence.length).toBeGreaterThan(0);
        }
      });
    });
  }

  it('shows the self-hosted Matomo as first party and "may be exempt if configured", never as compliant', () => {
    const matomo = reportOf('sobre').trackers?.find((tracker) => tracker.id === 'proxied-matomo');
    expect(matomo?.party).toBe('first');
    expect(matomo?.remark?.key).toBe('tracker.remark.mayBeExempt');
    expect(reportOf('sobre').thirdParties).toEqual([]);
  });

  it('on the heavy theatre, every pixel and the session recorder fire before any interaction', () => {
    const report = reportOf('lourde');
    for (const id of ['meta-pixel', 'tiktok-pixel', 'hotjar']) {
      expect(report.trackers?.find((tracker) => tracker.id === id)?.beforeInteraction).toBe(true);
    }
    const hotjar = report.trackers?.find((tracker) => tracker.id === 'hotjar');
    expect(hotjar?.kind).toBe('session-recording');
    expect(report.consent?.trackersBeforeInteraction).toBeGreaterThanOrEqual(4);
    // GA4 through GTM, YouTube, Maps and Fonts all lead to Alphabet, the largest share
    expect(report.organisations?.[0]?.parent).toBe('Alphabet');
  });

  it('on the museum, the stored Axeptio choice the server sends with this page is not an earlier visit', () => {
    // A cookie set by this very page view is new: saying "given earlier" would hide what fired.
    const report = reportOf('mixte');
    expect(report.cookies?.some((cookie) => cookie.name === 'axeptio_cookies' && cookie.setBy === 'header')).toBe(true);
    expect(report.consent?.givenEarlier).toBe(false);
    expect(report.page.consentState).toBe('untouched');
  });

  it('gives the heavy and mixed venues an ordered action plan whose first step improves the grade or the weight', () => {
    for (const name of ['lourde', 'mixte'] as const) {
      const report = reportOf(name);
      const plan = report.plan ?? [];
      expect(plan.length, name).toBeGreaterThan(0);
      const gains = plan.map((step) => step.gain);
      expect(gains, name).toEqual([...gains].sort((a, b) => b - a));
      const first = plan[0]!;
      const before = report.scores.dependencies!.score;
      expect(first.after.scores.dependencies.score > before || first.after.footprint.bytes < report.footprint.bytes, name).toBe(true);
      // removed and added requests account exactly for the change
      expect(first.after.footprint.requests, name).toBe(report.footprint.requests - first.removed.requests + first.added.requests);
    }
  });

  it('scores the sober festival A and better than the heavy theatre (D or E)', () => {
    const sobre = reportOf('sobre').scores.dependencies;
    const lourde = reportOf('lourde').scores.dependencies;
    const mixte = reportOf('mixte').scores.dependencies;
    expect(sobre?.grade).toBe('A');
    expect(['D', 'E']).toContain(lourde?.grade);
    expect(sobre!.score).toBeGreaterThan(mixte!.score);
    expect(mixte!.score).toBeGreaterThan(lourde!.score);
    // every deduction says why, in words the interface can translate
    for (const deduction of lourde?.deductions ?? []) expect(deduction.reason.key).toMatch(/\S/);
  });
});
