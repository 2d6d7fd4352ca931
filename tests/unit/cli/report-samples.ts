import { readFileSync } from 'node:fs';
import { harToCaptures } from '../../../src/collect/har';
import { analyse } from '../../../src/core/analyse';
import type { PageCapture } from '../../../src/core/capture';
import { Report } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';

const zdnetHar = new URL('../../fixtures/hars/www.zdnet.com.har', import.meta.url);

export const PAYLOAD = '<img src=x onerror=alert(1)>';

/** zdnet.com as imported from its HAR: no DOM, so no EcoIndex and no access analysis; the rest judged from its requests. */
export function zdnetReport(): Report {
  const [capture] = harToCaptures(JSON.parse(readFileSync(zdnetHar, 'utf8')));
  return analyse(capture!, loadCatalogs(), { toolVersion: 'test' });
}

/** The same page with a DOM count (so EcoIndex is computed), a hostile title and URL, and every later analysis filled in. */
export function fullHostileReport(): Report {
  const [capture] = harToCaptures(JSON.parse(readFileSync(zdnetHar, 'utf8')));
  const hostile: PageCapture = {
    ...capture!,
    page: {
      ...capture!.page,
      title: `Théâtre ${PAYLOAD} "quoted" & 'single'`,
      url: `https://www.zdnet.com/?q="><script>alert(1)</script>`,
    },
    dom: {
      elements: 1200,
      framesCounted: 1,
      title: null,
      iframes: [],
      scripts: [],
      globals: [],
      markers: [],
      fonts: [],
      images: 0,
      autoplayMedia: 0,
      structuredData: [],
      telLinks: [],
      contactData: { telephones: [], addresses: [], openingHours: [] },
      text: '',
      cookieNames: [],
      storageKeys: [],
      firstInteractionAt: null,
    },
  };
  const report = analyse(hostile, loadCatalogs(), { toolVersion: 'test' });
  const evil = `evil${PAYLOAD}.example`;
  return Report.parse({
    ...report,
    footprint: {
      ...report.footprint,
      byPurpose: {
        content: { requests: 100, bytes: 1_600_000 },
        tracking: { requests: 150, bytes: 800_000 },
        embeds: { requests: 40, bytes: 500_000 },
        fonts: { requests: 3, bytes: 120_000 },
        other: { requests: 50, bytes: 180_000 },
      },
      byOrganisation: [
        { organisation: `Org ${PAYLOAD}`, parent: `Parent ${PAYLOAD}`, requests: 30, bytes: 400_000 },
        ...Array.from({ length: 13 }, (_, index) => ({ organisation: `Small org ${index + 1}`, parent: null, requests: 1, bytes: 1000 * (13 - index) })),
        { organisation: null, parent: null, requests: 20, bytes: 10_000 },
      ],
      comparison: {
        webAlmanac: { source: `HTTP Archive Web Almanac 2025 ${PAYLOAD}`, medianBytes: 2_164_000, medianRequests: 72, bytesRatio: 1.48, requestsRatio: 4.76 },
        ecoIndexMedians: { dom: 693, requests: 78, sizeKb: 2420 },
      },
    },
    rgesn: [
      { id: '4.1', status: 'pass', measured: { key: 'rgesn.4.1.measured', params: { media: 0, iframes: 0 } }, evidence: [] },
      {
        id: '6.3',
        status: 'fail',
        measured: { key: 'rgesn.6.3.measured', params: { compressed: 2, total: 9 } },
        evidence: [`https://www.zdnet.com/app.js?x=${PAYLOAD}`, ...Array.from({ length: 7 }, (_, index) => `https://www.zdnet.com/${index}.css`)],
      },
      { id: '6.7', status: 'unknown', measured: { key: 'rgesn.6.7.unknown', params: {} }, evidence: [] },
      { id: '5.1', status: 'not-applicable', measured: { key: 'rgesn.5.1.notApplicable', params: {} }, evidence: [] },
      { id: '6.1', status: 'indicator', measured: { key: 'rgesn.6.1.measured', params: { kb: 3200, requests: 343, budgetKb: 1000, budgetRequests: 40 } }, evidence: [] },
      { id: `9.9${PAYLOAD}`, status: 'fail', measured: { key: 'rgesn.4.1.measured', params: { media: 1, iframes: `${PAYLOAD}` } }, evidence: [`font:${PAYLOAD}`] },
    ],
    thirdParties: [{ ...report.thirdParties[0]!, domain: evil, entity: `Entity ${PAYLOAD}` }, ...report.thirdParties.slice(1)],
    organisations: [
      {
        parent: `Parent ${PAYLOAD}`,
        country: 'US',
        jurisdiction: 'non-eu',
        organisations: [`Org ${PAYLOAD}`],
        domains: [evil, 'doubleclick.net'],
        requests: 30,
        bytes: 400_000,
        requestShare: 0.6,
        byteShare: 0.25,
      },
      { parent: null, country: null, jurisdiction: null, organisations: [], domains: ['unknown.example'], requests: 20, bytes: 1_200_000, requestShare: 0.4, byteShare: 0.75 },
    ],
    trackers: [
      {
        id: 'meta-pixel',
        name: `Pixel ${PAYLOAD}`,
        kind: 'pixel',
        party: 'third',
        organisation: 'Meta Platforms',
        parent: 'Meta',
        requests: 2,
        beforeInteraction: true,
        remark: null,
        evidence: [`url:https://www.facebook.com/tr/?id=1&x=${PAYLOAD}`],
      },
      {
        id: 'proxied-matomo',
        name: 'Matomo',
        kind: 'analytics',
        party: 'first',
        organisation: null,
        parent: null,
        requests: 1,
        beforeInteraction: null,
        remark: { key: 'tracker.remark.mayBeExempt', params: {} },
        evidence: ['url:https://www.zdnet.com/matomo.php'],
      },
    ],
    cookies: [
      { name: `cookie${PAYLOAD}`, domain: `.${evil}`, party: 'third', setBy: 'header', lifetimeDays: 730, longLived: true, beforeInteraction: true },
      { name: 'session', domain: 'www.zdnet.com', party: 'first', setBy: 'script', lifetimeDays: null, longLived: false, beforeInteraction: false },
    ],
    consent: {
      managers: [{ id: 'cmp', name: `CMP ${PAYLOAD}`, evidence: [`global:${PAYLOAD}`] }],
      tcf: true,
      givenEarlier: true,
      firstInteractionAt: 1234,
      trackersBeforeInteraction: 7,
      cookiesBeforeInteraction: 3,
    },
    widgets: [
      { id: 'w', name: `Chat ${PAYLOAD}`, vendor: 'V', kind: 'chat', ai: 'llm', organisation: null, parent: `Parent ${PAYLOAD}`, country: null, evidence: [`dom:${PAYLOAD}`] },
      { id: 'weezevent', name: 'Weezevent', vendor: 'Weezevent', kind: 'ticketing', ai: 'none', organisation: null, parent: null, country: 'FR', evidence: ['iframe:https://widget.weezevent.com/ticket/E1'] },
    ],
    scores: {
      ...report.scores,
      dependencies: {
        score: 42.4,
        grade: 'D',
        deductions: [
          { id: 'pixels', points: 10, reason: { key: 'score.deduction.pixels', params: { count: 1, targets: `Pixel ${PAYLOAD}` } } },
          { id: 'consent-given-earlier', points: 0, reason: { key: 'score.deduction.consent-given-earlier', params: { count: 7, targets: evil } } },
        ],
      },
    },
    access: {
      phone: { found: true, evidence: [`tel:${PAYLOAD}`] },
      address: { found: false, evidence: [] },
      openingHours: { found: false, evidence: [] },
    },
    recommendations: [
      { id: 'remove-pixels', targets: [`Pixel ${PAYLOAD}`], title: { key: 'rec.remove-pixels.title', params: { count: 1 } }, why: { key: 'rec.remove-pixels.why', params: { count: 1 } } },
      { id: 'publish-offline-access', targets: ['address', 'openingHours'], title: { key: 'rec.publish-offline-access.title', params: { count: 2 } }, why: { key: 'rec.publish-offline-access.why', params: { count: 2 } } },
    ],
    plan: [],
    notes: [...report.notes, { key: 'note.requests.failed', params: { count: 3 } }],
  });
}

/** Message keys that must never reach a reader untranslated. */
export const RAW_KEY = /\b(cli|report|note|category|method|consent|model|party|grade|score|rec|tracker|jurisdiction|organisation|rgesn)\.[a-z0-9]/;
