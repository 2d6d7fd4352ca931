import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../src/cli/summary';
import { bar } from '../../../src/cli/summary-dependencies';
import { fullHostileReport, PAYLOAD, RAW_KEY, zdnetReport } from './report-samples';

describe('formatSummary', () => {
  const report = zdnetReport();

  it('names the page, the method, the weight, the requests and the top 10 third-party domains, then how many more', () => {
    const text = formatSummary(report, 'en', { color: false });
    expect(text).toContain('http://www.zdnet.com/');
    expect(text).toContain('imported HAR file');
    expect(text).toContain('3.2 MB');
    expect(text).toContain('343');
    expect(text).toContain('Third-party domains: 63');
    const thirdPartyLines = text.slice(text.indexOf('Third-party domains: 63')).split('\n');
    const domainLines = thirdPartyLines.filter((line) => / req\., /.test(line));
    expect(domainLines).toHaveLength(10);
    report.thirdParties.slice(0, 10).forEach((party, index) => expect(domainLines[index]).toContain(party.domain));
    expect(text).toContain('and 53 more domains');
    expect(text).toContain('Google/Doubleclick Ads (advertising)');
  });

  it('says why EcoIndex is missing, labels both CO2 models, and says which analyses a HAR file cannot feed', () => {
    // the footprint analyses still to be evaluated are nulled here, whatever the core computes today
    const pending = { ...report, rgesn: null, plan: null, footprint: { ...report.footprint, byPurpose: null, byOrganisation: null, comparison: null } };
    const text = formatSummary(pending, 'en', { color: false });
    expect(text).toMatch(/EcoIndex grade: not computed \(the page’s element count is missing/);
    expect(text).toContain('CO2 per view (Sustainable Web Design v4 model)');
    expect(text).toContain('Greenhouse gas per view (EcoIndex model)');
    expect(text).toContain('EcoIndex cannot be computed');
    // no DOM in a HAR: access is not evaluated, and the score says it did not judge access;
    // then by purpose, by organisation, the comparison and RGESN
    expect(text.match(/not evaluated yet/g)).toHaveLength(5);
    expect(text).toContain('Action plan not evaluated.');
    expect(text).toContain('Access without a screen not evaluated');
  });

  it('shows the dependency grade beside the EcoIndex grade, each with its scale, and the points lost', () => {
    const text = formatSummary(report, 'en', { color: false });
    const dependencies = report.scores.dependencies!;
    expect(text).toContain(`Dependency grade: ${dependencies.grade} (score ${Math.round(dependencies.score)} out of 100)`);
    expect(text).toContain('Dependencies, from A (independent) to E (highly dependent)');
    expect(text).toContain('EcoIndex, from A (light) to G (very heavy)');
    const lost = dependencies.deductions.filter((deduction) => deduction.points > 0).length;
    expect(lost).toBeGreaterThan(3);
    expect(text.match(/^ +−\d+ {2}\S/gm)).toHaveLength(lost);
  });

  it('groups organisations by parent with a text bar, lists trackers, consent, services and recommendations', () => {
    const text = formatSummary(report, 'en', { color: false });
    expect(text).toMatch(/Alphabet \(US, Outside the European Union\)\n {4}█+░* Requests \(share\): \d+% \(\d+ req\.\)/);
    const many = { ...report, organisations: Array.from({ length: 13 }, () => report.organisations![0]!) };
    expect(formatSummary(many, 'en', { color: false })).toContain('and 3 more parent companies (see the HTML report)');
    expect(text).toMatch(/Advertising {2,}.*doubleclick\.net/);
    expect(text).toContain('not a legal opinion on its compliance');
    expect(text).toMatch(/Recommendations\n {2}1\. \S/);
  });

  it('draws bars readable without colour', () => {
    expect(bar(0.6)).toBe('████████████░░░░░░░░');
    expect(bar(0)).toBe('░'.repeat(20));
    expect(bar(1.5)).toBe('█'.repeat(20));
  });

  it('French and English differ, and no message key is left untranslated', () => {
    const fr = formatSummary(report, 'fr', { color: false });
    const en = formatSummary(report, 'en', { color: false });
    expect(fr).not.toBe(en);
    expect(fr).toContain('Domaines tiers : 63');
    expect(fr).toContain('3,2 Mo');
    expect(fr).toContain('Note de dépendances');
    expect(fr).toContain('Les entreprises derrière les tiers');
    for (const lang of ['fr', 'en'] as const) {
      for (const text of [formatSummary(report, lang, { color: false }), formatSummary(fullHostileReport(), lang, { color: true })]) {
        expect(text).not.toMatch(RAW_KEY);
      }
    }
  });

  it('shows every finding of a full report, in French too', () => {
    const en = formatSummary(fullHostileReport(), 'en', { color: false });
    expect(en).toMatch(/EcoIndex grade: [A-G] \(score \d+ out of 100\)/);
    expect(en).toContain('Dependency grade: D (score 42 out of 100)');
    expect(en).toContain(`−10  Advertising pixels, which report every visit to an ad platform (1): Pixel ${PAYLOAD}`);
    expect(en).toContain('A consent choice from an earlier visit was found');
    expect(en).toContain(`Parent ${PAYLOAD} (US, Outside the European Union)`);
    expect(en).toContain('    ████████████░░░░░░░░ Requests (share): 60% (30 req.)');
    expect(en).toContain('Organisation not catalogued');
    expect(en).toContain(`- Pixel ${PAYLOAD} — Advertising pixel, a third party, Before interaction: yes`);
    expect(en).toContain('May be exempt from consent if configured for it');
    expect(en).toMatch(/Third-party cookies +1/);
    expect(en).toMatch(/Lasting over 13 months +1/);
    expect(en).toContain(`cookie${PAYLOAD} (.evil${PAYLOAD}.example) — third party, 730 days (over 13 months)`);
    expect(en).toContain(`CMP ${PAYLOAD}`);
    expect(en).toContain('yes: trackers active on load may come from consent given before');
    expect(en).toContain('at 1,234 ms');
    expect(en).toContain(`[AI] Chat ${PAYLOAD} — chat — V (Parent ${PAYLOAD} group) — AI: conversational assistant (language model)`);
    expect(en).toContain('Weezevent — ticketing — Weezevent — no AI');
    expect(en).toContain(`phone: found (tel:${PAYLOAD})`);
    expect(en).toContain('address: not found');
    expect(en).toContain('  1. Remove the advertising pixels');
    expect(en).toContain('Concerns: address, opening hours');
    expect(en).toContain('No change to suggest for this page.');
    expect(en).toContain('3 requests failed');
    const fr = formatSummary(fullHostileReport(), 'fr', { color: false });
    expect(fr).toContain('Note de dépendances\u00a0: D (score 42 sur 100)');
    expect(fr).toContain('[IA] Chat');
    expect(fr).toContain('pas un avis juridique');
    expect(fr).toContain('Concerne : adresse, horaires');
  });

  it('colours only when asked, and never lets control characters from the page through', () => {
    const hostile = fullHostileReport();
    hostile.page.title = 'Title\u001b[2J\u0007';
    hostile.cookies![0]!.name = 'cookie\u001b[2J';
    const plain = formatSummary(hostile, 'en', { color: false });
    const controls = [...plain].filter((char) => char !== '\n' && char.charCodeAt(0) < 0x20);
    expect(controls).toEqual([]);
    expect(plain).toContain('Title\ufffd[2J\ufffd');
    expect(plain).toContain('cookie\ufffd[2J');
    const coloured = formatSummary(hostile, 'en', { color: true });
    expect(coloured).toContain('\u001b[1m');
    expect(coloured).not.toContain('\u001b[2J');
  });
});
