import { analyse, type ObservedReport } from '../../../src/core/analyse';
import type { CapturedCookie, PageCapture } from '../../../src/core/capture';
import type { Report, ThirdParty, TrackerFinding, Widget } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';
import { capture, dom, req } from '../core/support/captures';

/**
 * Hand-built pages for the dependency score and the recommendations: the
 * calibration cases of docs/scoring.md (run through analyse() with the real
 * catalogs), and builders of observed reports whose every fact is spelt out.
 */

export const SITE = 'https://www.theatre-exemple.fr/';
const options = { toolVersion: 'test' };

export function analysed(page: PageCapture): Report {
  return analyse(page, loadCatalogs(), options);
}

/** The report's observed part: what scoreDependencies() and recommend() read. */
export function observedOf(report: Report): ObservedReport {
  const { recommendations: _recommendations, scores, ...rest } = report;
  return { ...rest, scores: { environment: scores.environment } };
}

const contact = {
  text: 'Billetterie : 01 43 62 00 00 — 12 rue des Arts, 75020 Paris. Du mardi au samedi de 14 h à 19 h.',
  telLinks: ['tel:+33143620000'],
  contactData: {
    telephones: ['+33 1 43 62 00 00'],
    addresses: ['12 rue des Arts, 75020 Paris'],
    openingHours: ['Tu-Sa 14:00-19:00'],
  },
};

const firstParty = [
  req(SITE, 'document', 30_000),
  req(`${SITE}css/main.css`, 'stylesheet', 10_000),
  req(`${SITE}js/app.js`, 'script', 20_000),
  req(`${SITE}img/affiche.webp`, 'image', 90_000),
  req(`${SITE}fonts/lato.woff2`, 'font', 22_000),
];

/** Calibration 1: everything served by the site itself. */
export function firstPartyOnly(withContact = false): PageCapture {
  return capture(SITE, firstParty, { dom: { ...dom(600), ...(withContact ? contact : {}) } });
}

/** Calibration 2: the same page with a self-hosted Matomo (its cookie included). */
export function selfHostedMatomo(): PageCapture {
  const page = capture(
    SITE,
    [
      ...firstParty,
      req(`${SITE}matomo/matomo.js`, 'script', 22_000),
      req(`${SITE}matomo/matomo.php?idsite=1&rec=1&action_name=Accueil`, 'image', 200, { status: 204 }),
    ],
    { dom: { ...dom(600), ...contact, globals: ['_paq'] } },
  );
  return { ...page, cookies: [cookie('_pk_id.1.a1b2', '.theatre-exemple.fr', 393, 'script')] };
}

/** Calibration 3: Google Fonts and a YouTube embed as YouTube serves it (its ad status check included). */
export function fontsAndYoutube(): PageCapture {
  return capture(
    SITE,
    [
      ...firstParty,
      req('https://fonts.googleapis.com/css2?family=Lato:wght@400;700&display=swap', 'stylesheet', 1_500),
      req('https://fonts.gstatic.com/s/lato/v24/S6uyw4BMUTPHjx4wXg.woff2', 'font', 23_000),
      req('https://www.youtube.com/embed/dQw4w9WgXcQ', 'document', 58_000, { frameId: 'F1' }),
      req('https://www.youtube.com/s/player/3c3a5cb4/player_ias.vflset/fr_FR/embed.js', 'script', 120_000, { frameId: 'F1' }),
      req('https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg', 'image', 30_000, { frameId: 'F1' }),
      req('https://static.doubleclick.net/instream/ad_status.js', 'script', 300, { frameId: 'F1' }),
    ],
    { dom: { ...dom(700), ...contact, iframes: ['https://www.youtube.com/embed/dQw4w9WgXcQ'] } },
  );
}

/** Calibration 4: tag manager, GA4, Meta Pixel, YouTube, Google Maps and a chat widget, all before any interaction. */
export function heavyPage(): PageCapture {
  const page = capture(
    SITE,
    [
      ...firstParty,
      req('https://www.googletagmanager.com/gtm.js?id=GTM-ABC123', 'script', 95_000),
      req('https://www.googletagmanager.com/gtag/js?id=G-XYZ789&l=dataLayer', 'script', 140_000),
      req('https://region1.google-analytics.com/g/collect?v=2&tid=G-XYZ789&en=page_view', 'beacon', 400, { status: 204 }),
      req('https://connect.facebook.net/fr_FR/fbevents.js', 'script', 100_000),
      req('https://connect.facebook.net/signals/config/123456789?v=2.9.1', 'script', 60_000),
      req('https://www.facebook.com/tr/?id=123456789&ev=PageView&noscript=1', 'image', 300),
      req('https://www.youtube.com/embed/dQw4w9WgXcQ', 'document', 58_000, { frameId: 'F1' }),
      req('https://www.youtube.com/s/player/3c3a5cb4/player_ias.vflset/fr_FR/embed.js', 'script', 120_000, { frameId: 'F1' }),
      req('https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg', 'image', 30_000, { frameId: 'F1' }),
      req('https://www.google.com/maps/embed?pb=!1m18!1m12', 'document', 40_000, { frameId: 'F2' }),
      req('https://maps.googleapis.com/maps-api-v3/api/js/56/2/main.js', 'script', 250_000, { frameId: 'F2' }),
      req('https://maps.gstatic.com/mapfiles/openhand_8_8.cur', 'other', 1_000, { frameId: 'F2' }),
      req('https://code.tidio.co/abcdefghijklmnop.js', 'script', 30_000),
      req('https://widget-v4.tidiochat.com/1_200_0/static/js/render.js', 'script', 180_000),
    ],
    {
      dom: {
        ...dom(1500),
        globals: ['fbq', 'tidioChatApi', 'dataLayer', 'gtag'],
        iframes: ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'https://www.google.com/maps/embed?pb=!1m18!1m12'],
      },
    },
  );
  return {
    ...page,
    cookies: [
      cookie('_ga', '.theatre-exemple.fr', 400, 'script'),
      cookie('_fbp', '.theatre-exemple.fr', 90, 'script'),
      cookie('NID', '.google.com', 183, 'header'),
    ],
  };
}

function cookie(name: string, domain: string, days: number, setBy: CapturedCookie['setBy']): CapturedCookie {
  const expires = new Date(Date.parse('2025-10-01T18:30:00.000Z') + days * 86_400_000).toISOString();
  return { name, domain, expires, setBy, beforeInteraction: true };
}

// Builders of observed facts, for rule-by-rule tests that do not depend on the catalogs.

export function party(domain: string, facts: Partial<ThirdParty> = {}): ThirdParty {
  return {
    domain,
    hosts: [domain],
    entity: null,
    organisation: null,
    parent: null,
    country: null,
    jurisdiction: null,
    category: null,
    requests: 1,
    bytes: 1_000,
    tracker: false,
    trackerKinds: [],
    beforeInteraction: false,
    ...facts,
  };
}

export function widget(id: string, kind: string, ai: Widget['ai'], name = id): Widget {
  return { id, name, vendor: name, kind, ai, organisation: null, parent: null, country: null, evidence: [`host:${id}.example`] };
}

export function namedTracker(id: string, kind: TrackerFinding['kind'], facts: Partial<TrackerFinding> = {}): TrackerFinding {
  return {
    id,
    name: id,
    kind,
    party: 'third',
    organisation: null,
    parent: null,
    requests: 1,
    beforeInteraction: true,
    remark: null,
    evidence: [],
    ...facts,
  };
}

/** A fully evaluated, empty observed report (a first-party page with every route found), to be filled by a test. */
export function observed(facts: Partial<ObservedReport> = {}): ObservedReport {
  const base = observedOf(analysed(firstPartyOnly(true)));
  const found = { found: true, evidence: ['text'] };
  return {
    ...base,
    thirdParties: [],
    organisations: [],
    trackers: [],
    cookies: [],
    consent: {
      managers: [],
      tcf: false,
      givenEarlier: false,
      firstInteractionAt: null,
      trackersBeforeInteraction: 0,
      cookiesBeforeInteraction: 0,
    },
    widgets: [],
    access: { phone: found, address: found, openingHours: found },
    ...facts,
  };
}
