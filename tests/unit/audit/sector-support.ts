// Audit rows for the sector-output tests, built by running the real analysis
// on the real fixture HARs and on hand-written captures (with a DOM, so that
// EcoIndex, access routes and widgets are evaluated).
import { readFileSync } from 'node:fs';
import { harToCaptures } from '../../../src/collect/har';
import { analyse } from '../../../src/core/analyse';
import type { PageCapture } from '../../../src/core/capture';
import type { Report } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';
import { AuditRow, type ConsentMode } from '../../../src/cli/audit/row';
import { capture, dom, req } from '../core/support/captures';

export const PAYLOAD = '<img src=x onerror=alert(1)>';
const catalogs = loadCatalogs();

export function harReport(file: string): Report {
  const [first] = harToCaptures(JSON.parse(readFileSync(new URL(`../../fixtures/hars/${file}`, import.meta.url), 'utf8')));
  return analyse(first!, catalogs, { toolVersion: 'test' });
}

interface RowOptions {
  site: string;
  url?: string;
  consent?: ConsentMode;
  outcome?: AuditRow['consent']['outcome'];
  role?: string;
  name?: string | null;
  finishedAt?: string;
  failure?: AuditRow['failure'];
}

export function rowOf(report: Report | null, options: RowOptions): AuditRow {
  const url = options.url ?? report?.page.url ?? `https://www.${options.site}/`;
  const consent = options.consent ?? 'none';
  return AuditRow.parse({
    rowVersion: 1,
    key: `${url} ${consent}`,
    url,
    entry: `https://www.${options.site}/`,
    site: options.site,
    name: options.name === undefined ? `Venue ${options.site}` : options.name,
    category: 'théâtre',
    region: 'Bretagne',
    role: options.role ?? 'home',
    consent: { requested: consent, manager: consent === 'none' ? null : 'axeptio', outcome: options.outcome ?? (consent === 'none' ? 'not-asked' : 'done') },
    status: report ? 'ok' : 'failed',
    failure: report ? null : (options.failure ?? { kind: 'dns', message: 'net::ERR_NAME_NOT_RESOLVED', httpStatus: null }),
    attempts: 1,
    startedAt: '2026-11-29T10:00:00.000Z',
    finishedAt: options.finishedAt ?? '2026-11-29T10:00:05.000Z',
    evidence: { report: report ? 'pages/x/report.json' : null, har: null, screenshot: null },
    report,
  });
}

/** A venue page with a DOM: trackers, a ticketing widget, an AI chat, and a phone number when `phone`. */
export function venueCapture(site: string, options: { phone: boolean; title?: string; url?: string; afterClick?: boolean; consentState?: PageCapture['page']['consentState'] }): PageCapture {
  const home = options.url ?? `https://www.${site}/`;
  const probe = dom(900);
  const withContact = options.phone ? { ...probe, telLinks: ['tel:+33299000000'], contactData: { ...probe.contactData, telephones: ['+33 2 99 00 00 00'] } } : probe;
  const later = options.afterClick ? { startTime: 5000 } : {};
  return capture(
    home,
    [
      req(home, 'document', 40_000, { mimeType: 'text/html', startTime: 0 }),
      req(`https://www.${site}/app.js`, 'script', 120_000, { startTime: 100 }),
      req('https://www.googletagmanager.com/gtm.js?id=GTM-X', 'script', 90_000, { startTime: 200, ...later }),
      req('https://connect.facebook.net/en_US/fbevents.js', 'script', 60_000, { startTime: 300, ...later }),
      req('https://www.billetweb.fr/widget.js', 'script', 30_000, { startTime: 400 }),
      req('https://www.chatbase.co/embed.min.js', 'script', 20_000, { startTime: 500 }),
    ],
    {
      page: { title: options.title ?? `Théâtre ${site}`, consentState: options.consentState ?? 'untouched' },
      dom: { ...withContact, firstInteractionAt: options.afterClick ? 1000 : null },
    },
  );
}

export function venueReport(site: string, options: Parameters<typeof venueCapture>[1]): Report {
  return analyse(venueCapture(site, options), catalogs, { toolVersion: 'test' });
}
