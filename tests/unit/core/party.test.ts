import { describe, expect, it } from 'vitest';
import { isThirdParty, parseRequestUrl, registrableDomainOf } from '../../../src/core/party';

const site = (url: string) => parseRequestUrl(url).site;
const third = (pageUrl: string, requestUrl: string) => isThirdParty(site(pageUrl), parseRequestUrl(requestUrl));

describe('registrable domains (tldts, Public Suffix List)', () => {
  it.each([
    ['www.theatre.co.uk', 'theatre.co.uk'],
    ['www.culture.gouv.fr', 'culture.gouv.fr'],
    ['mediatheque.culture.gouv.fr', 'culture.gouv.fr'],
    ['compagnie.github.io', 'compagnie.github.io'], // private section counts: each github.io page is a site
    ['fonts.gstatic.com', 'gstatic.com'],
    ['www.xn--thtre-4qa2c.fr', 'xn--thtre-4qa2c.fr'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomainOf(host)).toBe(expected);
  });

  it.each(['localhost', '127.0.0.1', '[::1]', 'intranet'])('%s has no registrable domain', (host) => {
    expect(registrableDomainOf(host)).toBeNull();
  });
});

describe('parseRequestUrl', () => {
  it('normalises case, port and trailing dot', () => {
    expect(parseRequestUrl('HTTPS://WWW.Theatre.FR.:8443/a?b')).toEqual({
      network: true,
      host: 'www.theatre.fr',
      registrableDomain: 'theatre.fr',
      site: 'theatre.fr',
    });
  });

  it('turns an IDN into punycode', () => {
    const parsed = parseRequestUrl('https://billetterie.théâtre.fr/');
    expect(parsed.host).toBe('billetterie.xn--thtre-4qa2c.fr');
    expect(parsed.site).toBe('xn--thtre-4qa2c.fr');
  });

  it('uses the host itself as the site of an IP or localhost, ignoring the port', () => {
    expect(parseRequestUrl('http://localhost:8080/')).toMatchObject({ host: 'localhost', registrableDomain: null, site: 'localhost' });
    expect(parseRequestUrl('http://192.168.1.10:3000/x.js')).toMatchObject({ site: '192.168.1.10', registrableDomain: null });
    expect(parseRequestUrl('http://[::1]:8080/')).toMatchObject({ site: '[::1]', registrableDomain: null });
  });

  it.each(['data:image/png;base64,AAAA', 'blob:https://theatre.fr/1234', 'about:blank', 'chrome-extension://abc/x.js', 'not a url'])(
    '%s crosses no network',
    (url) => {
      expect(parseRequestUrl(url)).toEqual({ network: false, host: null, registrableDomain: null, site: null });
    },
  );

  it('counts websockets as network requests', () => {
    expect(parseRequestUrl('wss://chat.example.com/socket').network).toBe(true);
  });
});

describe('first vs third party', () => {
  it('subdomains of the site are first party', () => {
    expect(third('https://www.theatre.fr/', 'https://billetterie.theatre.fr/x')).toBe(false);
    expect(third('https://www.theatre.co.uk/', 'https://cdn.theatre.co.uk/x')).toBe(false);
  });

  it('another site under the same public suffix is a third party', () => {
    expect(third('https://www.theatre.co.uk/', 'https://www.opera.co.uk/x')).toBe(true);
    expect(third('https://www.culture.gouv.fr/', 'https://www.service-public.gouv.fr/x')).toBe(true);
    expect(third('https://compagnie.github.io/', 'https://autre.github.io/x.js')).toBe(true);
    expect(third('https://compagnie.github.io/', 'https://compagnie.github.io/x.js')).toBe(false);
  });

  it('localhost on another port is the same site; another IP is not', () => {
    expect(third('http://localhost:8080/', 'http://localhost:3000/app.js')).toBe(false);
    expect(third('http://127.0.0.1:8080/', 'http://127.0.0.2/app.js')).toBe(true);
    expect(third('http://localhost:8080/', 'https://fonts.googleapis.com/css')).toBe(true);
  });

  it('a data: URL is never a third party', () => {
    expect(third('https://www.theatre.fr/', 'data:image/svg+xml,<svg/>')).toBe(false);
  });

  it('every network request is third party for a page without a site', () => {
    expect(third('about:blank', 'https://www.theatre.fr/')).toBe(true);
  });

  it('the same company on another domain is still a third party (www.google.com loading gstatic.com)', () => {
    expect(third('https://www.google.com/', 'https://www.gstatic.com/x.js')).toBe(true);
  });
});
