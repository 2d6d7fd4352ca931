import { describe, expect, it } from 'vitest';
import { harToCaptures } from '../../../src/collect/har';
import { analyse } from '../../../src/core/analyse';
import { classifyTrackers } from '../../../src/core/dependencies/trackers';
import { createMemo } from '../../../src/core/dependencies/memo';
import { Report, type ThirdParty } from '../../../src/core/report';
import { censusOf } from '../../../src/core/requests';
import { thirdPartiesOf } from '../../../src/core/third-parties';
import { loadCatalogs } from '../../../src/data/index';
import { capture, dom, req } from '../core/support/captures';
import { readHar } from '../har/har-fixtures';
import { firstPartyOnly, selfHostedMatomo, theatre } from './trackers.fixtures';

const catalogs = loadCatalogs();
const options = { toolVersion: 'test' };
const byDomain = (report: Report) => new Map(report.thirdParties.map((tp) => [tp.domain, tp]));
const pick = (tp: ThirdParty | undefined) => tp && { tracker: tp.tracker, kinds: tp.trackerKinds, before: tp.beforeInteraction };

describe('trackers on a French theatre page', () => {
  const report = analyse(theatre, catalogs, options);
  const tps = byDomain(report);

  it('passes the Report schema', () => {
    expect(Report.parse(report)).toEqual(report);
  });

  it('classes each third party by the definition', () => {
    expect(pick(tps.get('googletagmanager.com'))).toEqual({ tracker: true, kinds: ['tag-manager'], before: true });
    expect(pick(tps.get('google-analytics.com'))).toEqual({ tracker: true, kinds: ['analytics'], before: true });
    expect(pick(tps.get('facebook.net'))).toEqual({ tracker: true, kinds: ['pixel', 'social'], before: true });
    expect(pick(tps.get('facebook.com'))).toEqual({ tracker: true, kinds: ['pixel', 'social'], before: true });
    expect(pick(tps.get('hotjar.com'))).toEqual({ tracker: true, kinds: ['analytics', 'session-recording'], before: false });
    // dependencies, not trackers by themselves
    expect(pick(tps.get('youtube.com'))).toEqual({ tracker: false, kinds: [], before: true });
    expect(pick(tps.get('ytimg.com'))).toEqual({ tracker: false, kinds: [], before: true });
    expect(pick(tps.get('fonts.googleapis.com'))).toEqual({ tracker: false, kinds: [], before: true });
    expect(pick(tps.get('gstatic.com'))).toEqual({ tracker: false, kinds: [], before: true });
    expect(pick(tps.get('agence-web-exemple.fr'))).toEqual({ tracker: false, kinds: [], before: true });
  });

  it('names the Meta Pixel, Hotjar and the proxied GTM container, with evidence', () => {
    expect(report.trackers).toEqual([
      {
        id: 'meta-pixel', name: 'Meta Pixel', kind: 'pixel', party: 'third',
        organisation: 'Meta Platforms (Facebook, Instagram, WhatsApp)', parent: 'Meta',
        requests: 2, beforeInteraction: true, remark: null,
        evidence: [
          'host:connect.facebook.net', 'host:www.facebook.com',
          'url:https://connect.facebook.net/fr_FR/fbevents.js', 'url:https://www.facebook.com/tr/', 'global:fbq',
        ],
      },
      expect.objectContaining({ id: 'proxied-gtm', kind: 'tag-manager', party: 'first', organisation: 'Google', parent: 'Alphabet', requests: 1, beforeInteraction: true, remark: null, evidence: ['host:www.theatre-exemple.fr', 'url:https://www.theatre-exemple.fr/metrics/gtm.js'] }),
      expect.objectContaining({ id: 'hotjar', kind: 'session-recording', party: 'third', parent: 'Contentsquare', requests: 1, beforeInteraction: false, evidence: ['host:static.hotjar.com', 'url:https://static.hotjar.com/c/hotjar-1234567.js', 'global:hj'] }),
    ]);
  });

  it('does not take the site’s own GTM-looking path for a tracker when it is not one', () => {
    const plain = capture('https://www.theatre-exemple.fr/', [req('https://www.theatre-exemple.fr/js/gtm.js', 'script', 1_000)]);
    expect(analyse(plain, catalogs, options).trackers).toEqual([]);
  });
});

describe('pages without trackers, and self-hosted measurement', () => {
  it('a first-party-only page: no tracker, empty lists rather than null', () => {
    const report = analyse(firstPartyOnly, catalogs, options);
    expect(report.thirdParties).toEqual([]);
    expect(report.trackers).toEqual([]);
  });

  it('self-hosted Matomo: a first-party finding that may be exempt, attributed to no other organisation', () => {
    const report = analyse(selfHostedMatomo, catalogs, options);
    expect(report.thirdParties).toEqual([]);
    expect(report.trackers).toEqual([
      {
        id: 'proxied-matomo', name: 'Matomo tracker (self-hosted or proxied)', kind: 'analytics', party: 'first',
        organisation: null, parent: null, requests: 2, beforeInteraction: true,
        remark: { key: 'tracker.remark.mayBeExempt', params: {} },
        evidence: [
          'host:stats.festival-exemple.fr', 'host:www.festival-exemple.fr',
          'url:https://www.festival-exemple.fr/matomo.js', 'url:https://stats.festival-exemple.fr/matomo.php',
        ],
      },
    ]);
  });

  it('Matomo Cloud: the remark too, but it stays a third-party tracker of its operator', () => {
    const page = capture('https://www.musee-exemple.fr/', [
      req('https://www.musee-exemple.fr/', 'document', 20_000),
      req('https://cdn.matomo.cloud/museeexemple.matomo.cloud/matomo.js', 'script', 22_000),
      req('https://museeexemple.matomo.cloud/matomo.php?idsite=1&rec=1', 'xhr', 100),
    ]);
    const report = analyse(page, catalogs, options);
    expect(pick(byDomain(report).get('matomo.cloud'))).toEqual({ tracker: true, kinds: ['analytics'], before: true });
    expect(report.trackers).toEqual([
      expect.objectContaining({
        id: 'proxied-matomo', party: 'third', kind: 'analytics', organisation: 'Matomo Cloud (InnoCraft)', requests: 2,
        remark: { key: 'tracker.remark.mayBeExempt', params: {} },
      }),
    ]);
  });

  it('a JS global alone makes a finding, unless it is too short to prove anything', () => {
    const page = capture('https://www.opera-exemple.fr/', [req('https://www.opera-exemple.fr/', 'document', 20_000)], {
      dom: { ...dom(300), globals: ['ttq', 'FS'] },
    });
    expect(analyse(page, catalogs, options).trackers).toEqual([
      expect.objectContaining({ id: 'tiktok-pixel', kind: 'pixel', party: 'third', requests: 0, beforeInteraction: null, evidence: ['global:ttq'] }),
    ]);
  });

  it('says "unknown" rather than guessing when the capture has no interaction time', () => {
    const report = analyse({ ...theatre, dom: null }, catalogs, options);
    expect(report.thirdParties.every((tp) => tp.beforeInteraction === null)).toBe(true);
    expect(report.trackers?.every((t) => t.beforeInteraction === null)).toBe(true);
  });

  it('a fingerprinting agent is a tracker of its own kind', () => {
    const page = capture('https://www.billetterie-exemple.fr/', [
      req('https://www.billetterie-exemple.fr/', 'document', 20_000),
      req('https://openfpcdn.io/fingerprintjs/v4/iife.min.js', 'script', 15_000),
    ]);
    const report = analyse(page, catalogs, options);
    expect(pick(byDomain(report).get('openfpcdn.io'))).toEqual({ tracker: true, kinds: ['fingerprinting'], before: true });
    expect(report.trackers?.map((t) => [t.id, t.kind])).toEqual([['fingerprintjs', 'fingerprinting']]);
  });
});

describe('many requests', () => {
  it('classifies 3,000 requests and counts every pixel hit', () => {
    const requests = [req('https://www.grande-salle.fr/', 'document', 20_000)];
    for (let i = 0; i < 1_000; i++) {
      requests.push(req(`https://www.facebook.com/tr/?id=1234567890&ev=ViewContent&n=${i}`, 'image', 50));
      requests.push(req(`https://cdn${i % 7}.agence-exemple.net/img/${i}.jpg`, 'image', 1_000));
      requests.push(req(`https://www.grande-salle.fr/assets/${i}.js`, 'script', 2_000));
    }
    const page = capture('https://www.grande-salle.fr/', requests);
    const context = { capture: page, counted: censusOf(page, 'grande-salle.fr').counted, pageSite: 'grande-salle.fr', catalogs, memo: createMemo(catalogs) };
    const { thirdParties, trackers } = classifyTrackers(thirdPartiesOf(context.counted, catalogs.entities), context);
    expect(trackers).toEqual([expect.objectContaining({ id: 'meta-pixel', requests: 1_000 })]);
    expect(trackers[0]!.evidence.filter((e) => e.startsWith('url:'))).toHaveLength(1);
    expect(thirdParties.filter((tp) => tp.tracker).map((tp) => tp.domain)).toEqual(['facebook.com']);
  });
});

describe('real page: zdnet.com', () => {
  const [page] = harToCaptures(readHar('www.zdnet.com.har'));
  const report = analyse(page!, catalogs, options);
  const trackerDomains = report.thirdParties.filter((tp) => tp.tracker).map((tp) => tp.domain);

  it('finds Google ad and analytics domains and Facebook among its trackers', () => {
    expect(trackerDomains).toEqual(
      expect.arrayContaining([
        'doubleclick.net', 'googlesyndication.com', 'googletagservices.com', 'googleadservices.com', '2mdn.net',
        'google-analytics.com', 'facebook.net', 'facebook.com',
        'taboola.com', 'moatads.com', 'bluekai.com', 'adnxs.com', 'scorecardresearch.com', 'rubiconproject.com',
        'casalemedia.com', 'adsrvr.org', 'mathtag.com', 'demdex.net', 'tiqcdn.com', 'optimizely.com', 'imrworldwide.com',
      ]),
    );
    expect(trackerDomains.length).toBeGreaterThanOrEqual(40);
    expect(report.trackers?.map((t) => t.id).sort()).toEqual(expect.arrayContaining(['google-ads', 'meta-pixel']));
  });

  it('does not call its content and infrastructure hosts trackers', () => {
    for (const domain of ['cbsistatic.com', 'gstatic.com', 'fonts.googleapis.com', 'akamaihd.net', 'rackcdn.com'])
      expect(trackerDomains.some((d) => d === domain || d.endsWith(`.${domain}`)), domain).toBe(false);
  });
});
