import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../src/cli/summary';
import { fullHostileReport, zdnetReport } from './report-samples';

describe('formatSummary', () => {
  const report = zdnetReport();

  it('names the page, the method, the weight, the requests and the top 10 third-party domains, then how many more', () => {
    const text = formatSummary(report, 'en', { color: false });
    expect(text).toContain('http://www.zdnet.com/');
    expect(text).toContain('imported HAR file');
    expect(text).toContain('3.2 MB');
    expect(text).toContain('343');
    expect(text).toContain('Third-party domains: 63');
    for (const party of report.thirdParties.slice(0, 10)) expect(text).toContain(party.domain);
    expect(text).not.toContain(report.thirdParties[10]!.domain);
    expect(text).toContain('and 53 more domains');
    expect(text).toContain('Google/Doubleclick Ads (advertising)');
  });

  it('says why EcoIndex is missing, labels both CO2 models, and tolerates every null analysis', () => {
    const text = formatSummary(report, 'en', { color: false });
    expect(text).toMatch(/EcoIndex grade: not computed \(the page’s element count is missing/);
    expect(text).toContain('CO2 per view (Sustainable Web Design v4 model)');
    expect(text).toContain('Greenhouse gas per view (EcoIndex model)');
    expect(text.match(/not evaluated yet/g)).toHaveLength(4);
    expect(text).toContain('EcoIndex cannot be computed');
  });

  it('French and English differ, and no message key is left untranslated', () => {
    const fr = formatSummary(report, 'fr', { color: false });
    const en = formatSummary(report, 'en', { color: false });
    expect(fr).not.toBe(en);
    expect(fr).toContain('Domaines tiers : 63');
    expect(fr).toContain('3,2 Mo');
    for (const text of [fr, en, formatSummary(fullHostileReport(), 'fr', { color: true })]) {
      expect(text).not.toMatch(/\b(cli|report|note|category|method|consent|model|party|grade)\.[a-z]/);
    }
  });

  it('shows the later analyses once present, with the EcoIndex grade and scale', () => {
    const text = formatSummary(fullHostileReport(), 'en', { color: false });
    expect(text).toMatch(/EcoIndex grade: [A-G] \(score \d+ out of 100\)/);
    expect(text).toContain('from A (light) to G (very heavy)');
    expect(text).toContain('grade D (42 out of 100)');
    expect(text).toContain('phone: found, address: missing');
    expect(text).toContain('0 actions');
    expect(text).toContain('3 requests failed');
  });

  it('colours only when asked, and never lets control characters from the page through', () => {
    const hostile = fullHostileReport();
    hostile.page.title = 'Title\u001b[2J\u0007';
    const plain = formatSummary(hostile, 'en', { color: false });
    const controls = [...plain].filter((char) => char !== '\n' && char.charCodeAt(0) < 0x20);
    expect(controls).toEqual([]);
    expect(plain).toContain('Title\ufffd[2J\ufffd');
    const coloured = formatSummary(hostile, 'en', { color: true });
    expect(coloured).toContain('\u001b[1m');
    expect(coloured).not.toContain('\u001b[2J');
  });
});
