import { readFileSync } from 'node:fs';
import { harToCaptures } from '../../../src/collect/har';
import { analyse } from '../../../src/core/analyse';
import type { PageCapture } from '../../../src/core/capture';
import { Report } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';

const zdnetHar = new URL('../../fixtures/hars/www.zdnet.com.har', import.meta.url);

export const PAYLOAD = '<img src=x onerror=alert(1)>';

/** zdnet.com as imported from its HAR: no DOM, so no EcoIndex; every later analysis null. */
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
  return Report.parse({
    ...report,
    thirdParties: [{ ...report.thirdParties[0]!, domain: `evil${PAYLOAD}.example`, entity: `Entity ${PAYLOAD}` }, ...report.thirdParties.slice(1)],
    widgets: [{ id: 'w', name: `Chat ${PAYLOAD}`, vendor: 'V', kind: 'chat', ai: 'llm', organisation: null, parent: null, country: null, evidence: [] }],
    scores: { ...report.scores, dependencies: { score: 42.4, grade: 'D', deductions: [] } },
    access: {
      phone: { found: true, evidence: [] },
      address: { found: false, evidence: [] },
      openingHours: { found: false, evidence: [] },
    },
    plan: [],
    notes: [...report.notes, { key: 'note.requests.failed', params: { count: 3 } }],
  });
}
