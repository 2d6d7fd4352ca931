import { describe, expect, it } from 'vitest';
import { sectorWins } from '../../../src/cli/audit/sector-wins';
import { median } from '../../../src/cli/audit/sector-facts';
import type { Report } from '../../../src/core/report';
import { harReport, rowOf, venueReport } from './sector-support';

// Four measured sites, each counted once through its home page in the untouched state: lune.fr (its
// agenda page must not count a second time), soleil.fr (its refused row must not count), and two real
// HARs (zdnet.com, vercel.com) that share one action (remove doubleclick.net); a failed site.
const lune = venueReport('lune.fr', { phone: true });
const luneAgenda = venueReport('lune.fr', { phone: false, url: 'https://www.lune.fr/agenda' });
const soleil = venueReport('soleil.fr', { phone: false });
const soleilRefused = venueReport('soleil.fr', { phone: false, afterClick: true, consentState: 'refused' });
const zdnet = harReport('www.zdnet.com.har');
const vercel = harReport('www.vercel.com.har');

const rows = [
  rowOf(luneAgenda, { site: 'lune.fr', role: 'agenda' }),
  rowOf(lune, { site: 'lune.fr' }),
  rowOf(soleil, { site: 'soleil.fr' }),
  rowOf(soleilRefused, { site: 'soleil.fr', consent: 'refuse' }),
  rowOf(zdnet, { site: 'zdnet.com' }),
  rowOf(vercel, { site: 'vercel.com' }),
  rowOf(null, { site: 'broken.fr' }),
];

const step = (report: Report, id: string) => report.plan!.find((candidate) => candidate.id === id)!;
const saved = (report: Report, id: string) => report.footprint.bytes - step(report, id).after.footprint.bytes;

describe('sectorWins', () => {
  const result = sectorWins(rows);
  const win = (id: string) => result.wins.find((candidate) => candidate.id === id)!;

  it('counts each measured site once, through its home page in the untouched state', () => {
    expect(result.sitesMeasured).toBe(4);
    expect(result.sitesPlanned).toBe(4);
    expect(win('remove-tracker:facebook.net').sites).toEqual(['lune.fr', 'soleil.fr']);
    expect(win('remove-tracker:facebook.net').share).toBe(0.5);
  });

  it('adds up the bytes and requests each action saves per page view, with the median site', () => {
    const gtm = win('remove-tracker:googletagmanager.com');
    // the tag manager script is 90 kB on both venue pages
    expect(gtm.bytesSaved).toEqual({ total: 180_000, median: 90_000 });
    expect(gtm.requestsRemoved.total).toBe(2);
    const doubleclick = win('remove-tracker:doubleclick.net');
    expect(doubleclick.sites).toEqual(['vercel.com', 'zdnet.com']);
    const both = [saved(zdnet, doubleclick.id), saved(vercel, doubleclick.id)];
    expect(doubleclick.bytesSaved).toEqual({ total: both[0]! + both[1]!, median: median(both) });
  });

  it('counts the sites whose dependency grade goes up with the action alone', () => {
    // removing the Meta pixel takes both venue pages from D to C; the tag manager only lune's
    expect(lune.scores.dependencies?.grade).toBe('D');
    expect([win('remove-tracker:facebook.net').gradeUps, win('remove-tracker:facebook.net').graded]).toEqual([2, 2]);
    expect([win('remove-tracker:googletagmanager.com').gradeUps, win('remove-tracker:googletagmanager.com').graded]).toEqual([1, 2]);
    expect(win('remove-tracker:doubleclick.net').gradeUps).toBe(0);
  });

  it('lists the organisations no longer reached, by number of sites', () => {
    expect(win('remove-tracker:facebook.net').organisations).toEqual([{ name: 'Meta Platforms (Facebook, Instagram, WhatsApp)', sites: 2 }]);
    expect(win('remove-tracker:tiqcdn.com').organisations.map((org) => org.name)).toContain('Tealium');
  });

  it('ranks the actions by number of sites, then bytes saved', () => {
    expect(result.wins.slice(0, 4).map((candidate) => candidate.id)).toEqual([
      'remove-tracker:doubleclick.net',
      'remove-tracker:googletagmanager.com',
      'remove-tracker:facebook.net',
      'remove-ai-widget:chatbase',
    ]);
    expect(result.wins.slice(4).every((candidate) => candidate.sites.length === 1)).toBe(true);
    expect(result.wins.find((candidate) => candidate.id === 'remove-tracker:meta-pixel')?.name).toBe('Meta Pixel');
  });

  it('gives the sector as if every site did its own first three actions', () => {
    const { effect } = result;
    expect(effect.sitesChanged).toBe(4);
    expect(effect.graded).toBe(4);
    expect(effect.gradesBefore).toEqual({ A: 1, B: 0, C: 0, D: 2, E: 1 });
    const after = [lune, soleil, zdnet, vercel].map((report) => report.planSummary!.after);
    const expected = { A: 0, B: 0, C: 0, D: 0, E: 0 };
    for (const a of after) expected[a.scores.dependencies.grade]++;
    expect(effect.gradesAfter).toEqual(expected);
    expect(effect.gradeUps).toBe(3);
    expect(effect.medianBytes).toEqual({
      before: median([lune, soleil, zdnet, vercel].map((report) => report.footprint.bytes)),
      after: median(after.map((a) => a.footprint.bytes)),
    });
    expect(effect.bytesSaved).toBe([lune, soleil, zdnet, vercel].reduce((total, report) => total + report.footprint.bytes - report.planSummary!.after.footprint.bytes, 0));
  });

  it('names each site its first action, and keeps a site without an evaluated plan out of the shares', () => {
    expect(result.firstActions.get('lune.fr')?.id).toBe(lune.plan![0]!.id);
    expect(result.firstActions.has('broken.fr')).toBe(false);
    const unplanned = { ...vercel, plan: null, planSummary: null };
    const partial = sectorWins([...rows.slice(0, 5), rowOf(unplanned, { site: 'vercel.com' })]);
    expect([partial.sitesMeasured, partial.sitesPlanned]).toEqual([4, 3]);
    expect(partial.firstActions.get('vercel.com')).toBeNull();
    expect(partial.wins.find((candidate) => candidate.id === 'remove-tracker:doubleclick.net')?.share).toBe(1 / 3);
  });

  it('is empty, not broken, without any measured page', () => {
    const empty = sectorWins([rowOf(null, { site: 'broken.fr' })]);
    expect(empty.wins).toEqual([]);
    expect(empty.effect.medianBytes).toEqual({ before: null, after: null });
  });
});
