import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../src/cli/summary';
import { t } from '../../../src/i18n/index';
import { renderReportHtml } from '../../../src/ui/html-report';
import { fullHostileReport, PAYLOAD, RAW_KEY } from './report-samples';

const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section aria-labelledby="h-${id}">`);
  expect(start, id).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The hostile report with the footprint analyses not evaluated yet. */
function pendingReport() {
  const report = fullHostileReport();
  return { ...report, rgesn: null, footprint: { ...report.footprint, byPurpose: null, byOrganisation: null, comparison: null } };
}

describe('HTML report: footprint sections', () => {
  const en = renderReportHtml(fullHostileReport(), 'en');
  const fr = renderReportHtml(fullHostileReport(), 'fr');

  it('escapes organisation names, sources, criterion ids and evidence', () => {
    expect(en).not.toContain(PAYLOAD);
    expect(en).not.toMatch(/<img|<script/i);
    for (const escaped of [`Org ${ESCAPED}`, `Parent ${ESCAPED} group`, `Web Almanac 2025 ${ESCAPED}`, `app.js?x=${ESCAPED}`, `9.9${ESCAPED}`, `font:${ESCAPED}`]) {
      expect(en).toContain(escaped);
    }
    for (const html of [en, fr]) expect(html).not.toMatch(RAW_KEY);
  });

  it('shows CO2 per view by segment, the grid and hosting, and both models side by side, each labelled', () => {
    const section = sectionOf(en, 'emissions');
    expect(section).toContain('<th scope="row">CO2 per view (Sustainable Web Design v4 model)</th>');
    expect(section).toMatch(/<th scope="row">Greenhouse gas per view \(EcoIndex model\)<\/th><td>[\d.]+ g CO2e<\/td>/);
    expect(section).toMatch(/<th scope="row">Water per view \(EcoIndex model\)<\/th><td>[\d.]+ cl<\/td>/);
    expect(section).toContain('The two models differ');
    expect(section).toMatch(/<svg role="img" aria-labelledby="chart-co2-title"[^>]*>\n<title id="chart-co2-title">CO2 per view, by segment/);
    for (const segment of ['data centre', 'network', 'visitor’s device']) expect(section).toContain(`<th scope="row">${segment}</th>`);
    expect(section).toContain('<td>494 g CO2e/kWh (world average)</td>');
    expect(section).toContain('<td>not checked: counted as not green</td>');
    const frSection = sectionOf(fr, 'emissions');
    expect(frSection).toContain('Les deux modèles diffèrent');
    expect(frSection).toContain('494 g éq. CO2/kWh (moyenne mondiale)');
    expect(frSection).toContain('<th scope="row">centre de données</th>');
  });

  it('the breakdown segments add up to the total and their shares to 100 %', () => {
    const report = fullHostileReport();
    const { dataCentre, network, device } = report.footprint.co2.breakdown;
    expect(dataCentre + network + device).toBeCloseTo(report.footprint.co2.grams, 3);
    const shares = [...sectionOf(en, 'emissions').matchAll(/<td class="num">(\d+)%<\/td>/g)].map((match) => Number(match[1]));
    expect(shares).toHaveLength(3);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeGreaterThanOrEqual(99);
  });

  it('shows where the weight goes with four charts readable without colour, each with its data table', () => {
    const section = sectionOf(en, 'weight');
    for (const [id, title] of [['type', 'By resource type'], ['party', 'By origin'], ['purpose', 'By purpose'], ['organisation', 'By organisation (third parties)']]) {
      expect(section).toContain(`<svg role="img" aria-labelledby="chart-${id}-title"`);
      expect(section).toContain(`<title id="chart-${id}-title">${title}</title>`);
      expect(section).toContain(`<pattern id="hatch-${id}"`);
      expect(section).toContain(`<caption class="visually-hidden">${title}</caption>`);
    }
    // every hatched bar points at a pattern defined in the page
    for (const match of en.matchAll(/url\(#(hatch-[a-z]+)\)/g)) expect(en).toContain(`<pattern id="${match[1]}"`);
    expect(section).toContain('solid bar: share of the page weight; hatched bar: share of requests');
    // purpose: 1.6 MB of the page's weight, written beside the bar and in the table
    const report = fullHostileReport();
    const share = Math.round((1_600_000 / report.footprint.bytes) * 100);
    expect(section).toContain(`>${share}% of the weight (1.6 MB)</text>`);
    expect(section).toContain(`<tr><th scope="row">the site’s content</th><td class="num">100</td><td class="num">1.6 MB</td><td class="num">${share}% of the weight (1.6 MB)</td></tr>`);
    expect(section).toContain('<th scope="row">tracking</th>');
    // organisations: the first twelve by name, the rest in one row; an unknown one said in words
    expect(section).toContain(`<th scope="row">Org ${ESCAPED} <span class="muted">(Parent ${ESCAPED} group)</span></th>`);
    expect(section).toContain('Small org 11');
    expect(section).not.toContain('Small org 12');
    expect(section).toContain('<th scope="row">3 more organisations</th><td class="num">22</td>');
    expect(fr).toContain('3 autres organisations');
    expect(sectionOf(fr, 'weight')).toContain('<h3 id="h-weight-purpose">Par usage</h3>');
  });

  it('sets the page against the Web Almanac and EcoIndex medians as ratios', () => {
    const section = sectionOf(en, 'comparison');
    expect(section).toContain('<li><strong>1.5 × the median page weight</strong></li>');
    expect(section).toContain('<li><strong>4.8 × the median number of requests</strong></li>');
    expect(section).toContain('<li><strong>1.7 × the median element count (EcoIndex)</strong></li>');
    expect(section).toMatch(/<th scope="row">Requests<\/th><td>\d+<\/td><td class="num">72<\/td><td>4.8 × the median number of requests<\/td><td class="num">78<\/td>/);
    expect(section).toContain('<td class="num">2.4 MB</td>');
    expect(sectionOf(fr, 'comparison')).toContain('1,5 × le poids médian d’une page');
  });

  it('lists the RGESN checks with their titles, status in words, what was measured and bounded evidence', () => {
    const section = sectionOf(en, 'rgesn');
    expect(section).toContain(`<tr><th scope="row">4.1</th><td>${t('en', 'rgesn.4.1.title')}</td><td>pass</td>`);
    expect(section).toContain(`<tr class="fail"><th scope="row">6.3</th><td>${t('en', 'rgesn.6.3.title')}</td><td><strong>fail</strong></td><td>${t('en', 'rgesn.6.3.measured', { compressed: 2, total: 9 })}</td>`);
    expect(section).toContain('<td>not applicable</td>');
    expect(section).toContain('<td>indicator (cannot decide alone)</td>');
    expect(section).toContain(`<td>cannot be checked on this capture</td><td>${t('en', 'rgesn.6.7.unknown')}</td>`);
    expect(section).toContain('https://www.zdnet.com/3.css … (+3)</td>');
    expect(section).not.toContain('4.css');
    // an id the catalog does not know keeps a readable title
    expect(section).toContain(`<td>Criterion 9.9${ESCAPED}</td>`);
    expect(section).toContain('most of the RGESN’s 78 criteria');
    const frSection = sectionOf(fr, 'rgesn');
    expect(frSection).toContain(`<td>${t('fr', 'rgesn.6.3.title')}</td><td><strong>non conforme</strong></td>`);
    expect(frSection).toContain('<td>conforme</td>');
  });

  it('says how the figures were measured and how far they can be trusted', () => {
    const section = sectionOf(en, 'method');
    expect(section).toContain('<tr><th scope="row">Measured by</th><td>imported HAR file</td></tr>');
    expect(section).toContain('<tr><th scope="row">Where the sizes come from</th><td>HAR file: 100%</td></tr>');
    expect(section).toContain('<tr><th scope="row">Requests answered from the cache</th><td>none</td></tr>');
    const cached = fullHostileReport();
    cached.footprint = { ...cached.footprint, requestsFromCache: 4, bySource: { cdp: 750, estimated: 250 } };
    const html = sectionOf(renderReportHtml(cached, 'fr'), 'method');
    expect(html).toContain('4 (rechargez sans le cache pour un chiffre complet)');
    expect(html).toContain('mesurées par le navigateur (CDP)\u00a0: 75\u00a0%, estimées par type de ressource\u00a0: 25\u00a0%');
  });

  it('says "not evaluated yet" for every footprint analysis still null, and still shows type and party', () => {
    for (const lang of ['en', 'fr'] as const) {
      const html = renderReportHtml(pendingReport(), lang);
      const notYet = t(lang, 'report.notEvaluated');
      expect(sectionOf(html, 'comparison')).toContain(`<p>${notYet}</p>`);
      expect(sectionOf(html, 'rgesn')).toContain(`<p>${notYet}</p>`);
      const weight = sectionOf(html, 'weight');
      expect(weight.match(new RegExp(`<p>${notYet}</p>`, 'g'))).toHaveLength(2);
      expect(weight).toContain('aria-labelledby="chart-type-title"');
      expect(weight).toContain('aria-labelledby="chart-party-title"');
      expect(html).not.toMatch(RAW_KEY);
    }
  });
});

describe('terminal summary: footprint sections', () => {
  const en = formatSummary(fullHostileReport(), 'en', { color: false });
  const fr = formatSummary(fullHostileReport(), 'fr', { color: false });

  it('shows both models, the CO2 segments as bars with their values, and the grid', () => {
    expect(en).toContain('Emissions per view: two models');
    expect(en).toMatch(/CO2 per view \(Sustainable Web Design v4 model\) +[\d.]+ g CO2e/);
    expect(en).toMatch(/Greenhouse gas per view \(EcoIndex model\) +[\d.]+ g CO2e/);
    expect(en).toContain('The two models differ');
    expect(en).toMatch(/ {4}data centre {7}[█░]{20} [\d.]+ g CO2e \(\d+%\)/);
    expect(en).toMatch(/Grid intensity +494 g CO2e\/kWh \(world average\)/);
    expect(fr).toContain('Émissions par vue : deux modèles');
    expect(fr).toMatch(/appareil du visiteur +[█░]{20} [\d,]+ g éq\. CO2/);
  });

  it('shows where the weight goes, the medians, the RGESN checks and the method', () => {
    expect(en).toMatch(/By purpose\n {4}the site’s content +[█░]{20} \d+% of the weight \(1\.6 MB\), \d+% of requests \(100 req\.\)/);
    expect(en).toContain(`    Org ${PAYLOAD}`);
    expect(en).toContain(`Parent ${PAYLOAD} group`);
    // eight organisations in the terminal, then how many more
    expect(en).toContain('    … (+5)');
    expect(en).toContain('  1.5 × the median page weight');
    expect(en).toContain('  4.8 × the median number of requests');
    expect(en).toContain(`  6.3   FAIL — ${t('en', 'rgesn.6.3.title')}\n        ${t('en', 'rgesn.6.3.measured', { compressed: 2, total: 9 })}`);
    expect(en).toContain(`  4.1   pass — ${t('en', 'rgesn.4.1.title')}`);
    expect(en).toMatch(/Where the sizes come from +HAR file: 100%/);
    expect(fr).toContain(`6.3   NON CONFORME — ${t('fr', 'rgesn.6.3.title')}`);
    expect(fr).toContain('1,5 × le poids médian d’une page');
    for (const text of [en, fr, formatSummary(pendingReport(), 'fr', { color: true })]) expect(text).not.toMatch(RAW_KEY);
  });

  it('says "not evaluated yet" for every footprint analysis still null', () => {
    const text = formatSummary(pendingReport(), 'en', { color: false });
    const weight = text.slice(text.indexOf('Where the weight goes'), text.indexOf('The page against the medians'));
    expect(weight).toMatch(/By purpose\n {4}not evaluated yet/);
    expect(weight).toMatch(/By organisation \(third parties\)\n {4}not evaluated yet/);
    expect(text).toMatch(/The page against the medians\n {2}not evaluated yet/);
    expect(text).toMatch(/RGESN: the criteria a page load can check\n {2}not evaluated yet/);
  });

  it('never lets control characters from organisation names or evidence through', () => {
    const report = fullHostileReport();
    report.footprint.byOrganisation![0]!.organisation = 'Org\u001b[2J';
    report.rgesn![1]!.evidence = ['https://x.example/\u001b]0;pwned\u0007'];
    const text = formatSummary(report, 'en', { color: false });
    expect(text).toContain('Org\ufffd[2J');
    expect([...text].filter((char) => char !== '\n' && char.charCodeAt(0) < 0x20)).toEqual([]);
  });
});
