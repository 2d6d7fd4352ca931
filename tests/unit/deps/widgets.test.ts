import { describe, expect, it } from 'vitest';
import { detectWidgets } from '../../../src/core/dependencies/widgets';
import { probeTargets } from '../../../src/core/dependencies/probe-targets';
import { Widget } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';
import { capture, dom, req } from '../core/support/captures';
import { contextOf } from './support';

const site = 'https://www.theatre-exemple.fr/';

/** A venue page carrying one of each kind of signal, from the bundled catalogs. */
function venuePage() {
  return capture(
    site,
    [
      req(site, 'document', 20_000),
      // Intercom by host (and by global below)
      req('https://widget.intercom.io/widget/abc123', 'script', 30_000),
      // Chatbase by script URL only (its host is the vendor's www)
      req('https://www.chatbase.co/embed.min.js', 'script', 12_000),
      // accessiBe overlay
      req('https://acsbapp.com/apps/app/dist/js/app.js', 'script', 200_000),
      // Weglot
      req('https://cdn.weglot.com/weglot.min.js', 'script', 40_000),
      // Weezevent ticketing in a frame
      req('https://widget.weezevent.com/ticket/E123456/?locale=fr_FR', 'document', 50_000, { frameId: 'F1' }),
      // an unrelated first-party script
      req(`${site}js/app.js`, 'script', 8_000),
    ],
    {
      dom: {
        ...dom(800),
        globals: ['Intercom', 'Weglot', '__tcfapi'],
        markers: ['#tarteaucitronRoot'],
        scripts: [`${site}js/tarteaucitron/tarteaucitron.js`],
        iframes: [
          'https://www.google.com/maps/embed?pb=!1m18',
          'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
        ],
      },
    },
  );
}

describe('detectWidgets', () => {
  const widgets = detectWidgets(contextOf(venuePage())) ?? [];
  const byId = (id: string) => widgets.find((widget) => widget.id === id);

  it('recognises every kind of signal, with the evidence', () => {
    expect(byId('intercom')?.evidence).toEqual(['host:widget.intercom.io', 'global:Intercom']);
    expect(byId('chatbase')?.evidence).toEqual(['script:https://www.chatbase.co/embed.min.js']);
    expect(byId('accessibe')?.evidence).toEqual([
      'host:acsbapp.com',
      'script:https://acsbapp.com/apps/app/dist/js/app.js',
    ]);
    expect(byId('weglot')?.evidence).toEqual([
      'host:cdn.weglot.com',
      'script:https://cdn.weglot.com/weglot.min.js',
      'global:Weglot',
    ]);
    expect(byId('tarteaucitron')?.evidence).toEqual([
      `script:${site}js/tarteaucitron/tarteaucitron.js`,
      'dom:#tarteaucitronRoot',
    ]);
    expect(byId('weezevent')?.evidence).toEqual([
      'host:widget.weezevent.com',
      'iframe:https://widget.weezevent.com/ticket/E123456/?locale=fr_FR',
    ]);
    expect(byId('google-maps')?.evidence).toEqual(['iframe:https://www.google.com/maps/embed?pb=!1m18']);
    expect(byId('youtube-nocookie')?.evidence).toEqual([
      'iframe:https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ]);
  });

  it('gives each service its kind, AI class and the organisation behind it', () => {
    expect(byId('intercom')).toMatchObject({ kind: 'chat', ai: 'ai-capable', organisation: 'Intercom', country: 'US' });
    expect(byId('chatbase')).toMatchObject({ kind: 'chat', ai: 'llm' });
    expect(byId('accessibe')).toMatchObject({ kind: 'accessibility-overlay', ai: 'ai-overlay' });
    expect(byId('weglot')).toMatchObject({ kind: 'translation', ai: 'ai-translation' });
    expect(byId('tarteaucitron')).toMatchObject({ kind: 'consent', ai: 'none' });
    expect(byId('weezevent')).toMatchObject({ kind: 'ticketing', ai: 'none', country: 'FR' });
    expect(byId('google-maps')).toMatchObject({ kind: 'map', parent: 'Alphabet' });
    expect(byId('youtube-nocookie')).toMatchObject({ kind: 'video', parent: 'Alphabet' });
    for (const widget of widgets) expect(() => Widget.parse(widget)).not.toThrow();
  });

  it('lists AI classes first, then by kind and name', () => {
    expect(widgets.map((w) => w.id)).toEqual([
      'chatbase',
      'intercom',
      'accessibe',
      'weglot',
      'tarteaucitron',
      'google-maps',
      'weezevent',
      'youtube-nocookie',
    ]);
  });

  it('does not name a consent manager from a signal every TCF manager shares', () => {
    // __tcfapi alone is listed by Didomi, Sirdata, Quantcast and the generic TCF entry
    expect(widgets.some((w) => ['didomi', 'sirdata', 'quantcast-choice'].includes(w.id))).toBe(false);
    const didomi = detectWidgets(
      contextOf(capture(site, [req('https://sdk.privacy-center.org/abc/loader.js', 'script', 1000)], {
        dom: { ...dom(10), globals: ['__tcfapi', 'Didomi'] },
      })),
    );
    expect(didomi?.find((w) => w.id === 'didomi')?.evidence).toEqual([
      'host:sdk.privacy-center.org',
      'script:https://sdk.privacy-center.org/abc/loader.js',
      'global:__tcfapi',
      'global:Didomi',
    ]);
  });

  it('is an empty list on a sober page, and null without catalogs to match', () => {
    const sober = capture(site, [req(site, 'document', 10_000), req(`${site}style.css`, 'stylesheet', 3_000)]);
    expect(detectWidgets(contextOf(sober))).toEqual([]);
    const none = { ...loadCatalogs(), services: [], consentManagers: [] };
    expect(detectWidgets(contextOf(sober, none))).toBeNull();
  });

  it('works on a HAR-like capture without DOM, from the requests alone', () => {
    const har = capture(site, [req('https://www.youtube.com/iframe_api', 'script', 1000)], { dom: null });
    expect(detectWidgets(contextOf(har))?.map((w) => [w.id, w.evidence])).toEqual([
      ['youtube', ['host:www.youtube.com', 'script:https://www.youtube.com/iframe_api']],
    ]);
  });

  it('bounds the evidence of one service', () => {
    const many = capture(
      site,
      Array.from({ length: 20 }, (_, i) => req(`https://s${i}.widget.intercom.io/x.js`, 'script', 10)),
    );
    expect(detectWidgets(contextOf(many))?.[0]?.evidence).toHaveLength(8);
  });
});

describe('probeTargets', () => {
  const targets = probeTargets(loadCatalogs());

  it('asks the probe for every catalog global and selector, once each, in a stable order', () => {
    expect(targets.globals[0]).toBe('__tcfapi');
    expect(targets.globals).toContain('Intercom');
    expect(targets.globals).toContain('tarteaucitron');
    expect(new Set(targets.globals).size).toBe(targets.globals.length);
    expect(targets.markers).toContainEqual({ id: '#tarteaucitronRoot', selector: '#tarteaucitronRoot' });
    expect(new Set(targets.markers.map((m) => m.id)).size).toBe(targets.markers.length);
    expect(probeTargets(loadCatalogs())).toEqual(targets);
  });
});
