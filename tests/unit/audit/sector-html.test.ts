import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderSectorHtml } from '../../../src/cli/audit/sector-html';
import { sectorStats } from '../../../src/cli/audit/sector-stats';
import { SORT_SCRIPT } from '../../../src/cli/audit/sector-table';
import type { Report } from '../../../src/core/report';
import { harReport, PAYLOAD, rowOf, venueReport } from './sector-support';

const hostileUrl = `https://www.lune.fr/?q="><script>alert(1)</script>${PAYLOAD}`;
const lune = venueReport('lune.fr', { phone: true, title: `Théâtre ${PAYLOAD}`, url: hostileUrl });
const hostile: Report = {
  ...lune,
  widgets: (lune.widgets ?? []).map((widget) => ({ ...widget, name: `${widget.name} ${PAYLOAD}` })),
  thirdParties: lune.thirdParties.map((party) => ({ ...party, parent: party.parent === null ? null : `${party.parent} ${PAYLOAD}` })),
  // an uncatalogued service's plan step is named after its domain, from the page
  plan: lune.plan!.map((step) => ({ ...step, targetName: `${step.targetName} ${PAYLOAD}`, removed: { ...step.removed, organisations: [`Org ${PAYLOAD}`] } })),
};
const rows = [
  rowOf(hostile, { site: `lune.fr${PAYLOAD}`, name: `La Lune ${PAYLOAD}` }),
  rowOf(venueReport('soleil.fr', { phone: false }), { site: 'soleil.fr' }),
  rowOf(harReport('www.zdnet.com.har'), { site: 'zdnet.com' }),
  rowOf(null, { site: 'broken.fr', failure: { kind: 'timeout', message: `Timeout ${PAYLOAD}`, httpStatus: null } }),
];

describe('renderSectorHtml', () => {
  const stats = sectorStats(rows);
  const fr = renderSectorHtml(stats, 'fr');
  const en = renderSectorHtml(stats, 'en');

  it('escapes every page-derived string', () => {
    for (const page of [fr, en]) {
      expect(page).not.toContain('<img src=x');
      expect(page).not.toContain('<script>alert');
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    expect(fr).toContain('La Lune &lt;img');
    expect(fr).toContain('Retirer Chatbase &lt;img src=x');
    expect(en).toContain('Org &lt;img src=x onerror=alert(1)&gt; (1)');
  });

  it('is self-contained: no external resource, its one script allowed by hash', () => {
    expect(fr).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
    expect(fr).not.toMatch(/@import|url\(/);
    const hash = createHash('sha256').update(SORT_SCRIPT).digest('base64');
    expect(fr).toContain(`script-src 'sha256-${hash}'`);
    expect(fr.match(/<script>/g)).toHaveLength(1);
  });

  it('shows every section, in French and in English, with no raw message key', () => {
    for (const heading of ['Échantillon', 'Répartition des notes', 'Organisations et maisons mères', 'Gains rapides', 'Pisteurs', 'Services intégrés', 'Poids des pages', 'Accès hors numérique', 'Sites']) {
      expect(fr).toContain(`>${heading}</h2>`);
    }
    expect(en).toContain('>Sample</h2>');
    expect(en).toContain('<html lang="en">');
    for (const page of [fr, en]) expect(page).not.toMatch(/\b(sector|cli)\.[a-z]/);
  });

  it('says the state after refusal was not measured when no refuse row exists', () => {
    expect(en).toContain('not measured');
    expect(en).not.toContain('Trackers after refusal</th>');
    const withRefusal = renderSectorHtml(sectorStats([...rows, rowOf(venueReport('soleil.fr', { phone: false, afterClick: true, consentState: 'refused' }), { site: 'soleil.fr', consent: 'refuse' })]), 'en');
    expect(withRefusal).toContain('Trackers after refusal</th>');
    expect(withRefusal).toMatch(/Trackers fire after the &quot;refuse&quot; click on 1 of 1 sites/);
  });

  it('writes the figures as text beside each bar (readable without colour)', () => {
    const graded = Object.values(stats.dependencyGrades).reduce((a, b) => a + b, 0);
    const grade = lune.scores.dependencies!.grade;
    const count = stats.dependencyGrades[grade];
    expect(en).toContain(`>Grade ${grade}</text>`);
    expect(en).toContain(`>${count} (${Math.round((count / graded) * 1000) / 10}%)</text>`);
    expect(en).toMatch(/<svg role="img"[^>]*><title>/);
  });

  it('renders a complete sites table with a sortable header and the failed site', () => {
    expect(en.match(/<table class="sortable">[\s\S]*?<\/tbody>/)![0].match(/<tr>/g)).toHaveLength(1 + 4); // the header row, then one per site
    expect(en).toContain('aria-sort="ascending"');
    expect(en).toContain('timed out');
    expect(en).toContain('data-type="number"');
  });

  it('shows the quick wins after the organisations, and the sector after each site\'s first three actions', () => {
    expect(fr.indexOf('>Gains rapides</h2>')).toBeGreaterThan(fr.indexOf('>Organisations et maisons mères</h2>'));
    expect(fr.indexOf('>Gains rapides</h2>')).toBeLessThan(fr.indexOf('>Pisteurs</h2>'));
    const wins = en.slice(en.indexOf('id="wins-title"'), en.indexOf('id="trackers-title"'));
    // the tag manager is in lune's and soleil's plans, not in zdnet's: two of the three sites with a plan
    expect(wins).toContain('<caption id="wins-caption">The ');
    expect(wins).toMatch(/Remove Google Tag Manager[^<]*<\/td>\s*<td class="num">2 of 3 sites \(66\.7%\)<\/td>/);
    expect(wins).toContain('If every site did its first three actions');
    const { effect } = stats.quickWins;
    expect(wins).toContain(`${effect.gradeUps} of ${effect.graded} graded sites would gain at least one dependency grade.`);
    expect(wins).toMatch(/<th scope="row">Grade E<\/th><td class="num">1<\/td><td class="num">0<\/td>/);
    expect(en).toContain('First action</th>');
  });

  it('says so when no site has an action to propose', () => {
    const bare = renderSectorHtml(sectorStats([rowOf({ ...lune, plan: [], planSummary: null }, { site: 'lune.fr' })]), 'en');
    expect(bare).toContain('No action proposed on the measured sites.');
    expect(bare).not.toContain('If every site did its first three actions');
  });

  it('warns when the rows mix catalog versions', () => {
    const other = rowOf({ ...lune, versions: { ...lune.versions, catalog: 'old' } }, { site: 'old.fr', url: 'https://old.fr/' });
    expect(renderSectorHtml(sectorStats([...rows, other]), 'en')).toContain('Warning: the results mix several catalog or scoring versions');
  });
});
