import type { CapturedRequest } from '../../../src/core/capture';
import { capture, deepFreeze, dom, req } from '../core/support/captures';

/** Fired at `ms` after navigation start. */
export const at = (ms: number): Partial<CapturedRequest> => ({ startTime: ms });

/**
 * A French theatre home page: GTM + GA4, a Meta pixel, a YouTube embed, Google Fonts, Hotjar
 * (loaded after the visitor's first click, at 5 s), GTM also proxied through the site
 * (`/metrics/gtm.js`), and an agency's uncatalogued CDN. The probe saw the pixel's and Hotjar's globals.
 */
export const theatre = deepFreeze(
  capture(
    'https://www.theatre-exemple.fr/',
    [
      req('https://www.theatre-exemple.fr/', 'document', 30_000, at(0)),
      req('https://www.theatre-exemple.fr/metrics/gtm.js?id=GTM-PROXY1', 'script', 90_000, at(150)),
      req('https://www.theatre-exemple.fr/img/affiche.webp', 'image', 150_000, at(200)),
      req('https://fonts.googleapis.com/css2?family=Lato', 'stylesheet', 1_500, at(100)),
      req('https://fonts.gstatic.com/s/lato/v24/a.woff2', 'font', 23_000, at(120)),
      req('https://www.googletagmanager.com/gtm.js?id=GTM-ABC123', 'script', 95_000, at(300)),
      req('https://www.googletagmanager.com/gtag/js?id=G-XYZ789', 'script', 140_000, at(400)),
      req('https://region1.google-analytics.com/g/collect?v=2&tid=G-XYZ789&en=page_view', 'beacon', 400, at(900)),
      req('https://www.youtube.com/embed/dQw4w9WgXcQ', 'document', 58_000, { ...at(600), frameId: 'F1' }),
      req('https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg', 'image', 30_000, { ...at(700), frameId: 'F1' }),
      req('https://connect.facebook.net/fr_FR/fbevents.js', 'script', 100_000, at(500)),
      req('https://www.facebook.com/tr/?id=123456789&ev=PageView&noscript=1', 'image', 300, at(800)),
      req('https://static.hotjar.com/c/hotjar-1234567.js?sv=6', 'script', 50_000, at(6_000)),
      req('https://cdn.agence-web-exemple.fr/slider.js', 'script', 10_000, at(250)),
    ],
    { dom: { ...dom(900), globals: ['fbq', 'hj', 'dataLayer'], firstInteractionAt: 5_000 } },
  ),
);

/** A sober page: everything from the venue's own site. */
export const firstPartyOnly = deepFreeze(
  capture('https://www.salle-sobre.fr/', [
    req('https://www.salle-sobre.fr/', 'document', 20_000),
    req('https://www.salle-sobre.fr/style.css', 'stylesheet', 5_000),
    req('https://medias.salle-sobre.fr/photo.jpg', 'image', 80_000),
  ]),
);

/** Matomo self-hosted on the site's domain and on one of its subdomains. */
export const selfHostedMatomo = deepFreeze(
  capture('https://www.festival-exemple.fr/programme', [
    req('https://www.festival-exemple.fr/programme', 'document', 25_000),
    req('https://www.festival-exemple.fr/matomo.js', 'script', 22_000),
    req('https://stats.festival-exemple.fr/matomo.php?idsite=3&rec=1&action_name=Programme', 'xhr', 200),
  ]),
);
