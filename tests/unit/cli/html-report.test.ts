import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReportHtml } from '../../../src/ui/html-report';
import { fullHostileReport, PAYLOAD, RAW_KEY, zdnetReport } from './report-samples';

describe('renderReportHtml', () => {
  it('escapes & < > " \' in every interpolated value', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
    const html = renderReportHtml(fullHostileReport(), 'en');
    expect(html).not.toContain(PAYLOAD);
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(html).toContain('evil&lt;img');
    expect(html).toContain('Chat &lt;img');
    // every page-derived string of the dependency sections: parents, trackers, evidence, cookies, consent managers, access
    for (const escaped of [
      'Parent &lt;img',
      'Pixel &lt;img',
      'x=&lt;img src=x onerror=alert(1)&gt;',
      'cookie&lt;img',
      'CMP &lt;img',
      'dom:&lt;img',
      'tel:&lt;img',
    ]) {
      expect(html).toContain(escaped);
    }
    expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt;/g)!.length).toBeGreaterThan(15);
  });

  it('is a standalone page: no script, no remote resource, the page URL as text', () => {
    const html = renderReportHtml(zdnetReport(), 'fr');
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    // `url(#hatch-…)` names a pattern inside the same SVG, never a resource
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#hatch-[a-z]+\))/i);
    expect(html).not.toMatch(/(src|href|action)\s*=/i);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('<p class="url">http://www.zdnet.com/</p>');
  });

  it('is accessible: headings, captions, header cells with scope, dark mode and print styles', () => {
    const html = renderReportHtml(zdnetReport(), 'en');
    expect(html).toContain('<h1>Page footprint</h1>');
    expect(html.match(/<h2 /g)!.length).toBeGreaterThanOrEqual(5);
    const tables = html.match(/<table>/g)!.length;
    expect(html.match(/<caption[ >]/g)).toHaveLength(tables);
    expect(html).toContain('<th scope="col">Domain</th>');
    expect(html).toContain('<th scope="row">doubleclick.net</th>');
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html).toContain('@media print');
  });

  it('has the summary’s content, every third party included, in both languages without raw keys', () => {
    const report = zdnetReport();
    const en = renderReportHtml(report, 'en');
    const fr = renderReportHtml(report, 'fr');
    for (const party of report.thirdParties) expect(en).toContain(party.domain);
    expect(en).toContain('Third-party domains: 63');
    expect(fr).toContain('Domaines tiers : 63');
    expect(en).toContain('not evaluated yet');
    expect(fr).toContain('pas encore évalué');
    for (const html of [en, fr, renderReportHtml(fullHostileReport(), 'fr'), renderReportHtml(fullHostileReport(), 'en')]) {
      expect(html).not.toMatch(RAW_KEY);
    }
  });

  it('shows the EcoIndex grade as a letter, readable without colour', () => {
    const html = renderReportHtml(fullHostileReport(), 'en');
    expect(html).toMatch(/<span class="grade grade-[A-G]">[A-G]<\/span><strong>EcoIndex grade<\/strong>: score \d+ out of 100/);
  });

  it('shows the dependency grade beside the EcoIndex grade, each with its scale in words', () => {
    const html = renderReportHtml(fullHostileReport(), 'en');
    const grades = html.slice(html.indexOf('<section aria-labelledby="h-grades">'), html.indexOf('<section aria-labelledby="h-figures">'));
    expect(grades).toContain('<span class="grade grade-D">D</span><strong>Dependency grade</strong>: score 42 out of 100');
    expect(grades).toContain('Dependencies, from A (independent) to E (highly dependent)');
    expect(grades).toContain('EcoIndex, from A (light) to G (very heavy)');
    expect(grades).toMatch(/<strong>EcoIndex grade<\/strong>/);
  });

  it('shows the points lost, the organisations with a chart readable without colour, and every finding', () => {
    const html = renderReportHtml(fullHostileReport(), 'en');
    expect(html).toContain('<tr><td class="num">−10</td><td>Advertising pixels, which report every visit to an ad platform (1): Pixel &lt;img');
    expect(html).toContain('<tr class="note"><td class="num">note</td><td>A consent choice from an earlier visit was found');
    // the chart: an image with a title, the values written beside the bars
    expect(html).toMatch(/<svg role="img" aria-labelledby="chart-title"[^>]*>\n<title id="chart-title">Share of third-party requests, by parent company<\/title>/);
    expect(html).toContain('<rect class="requests" x="190" y="5" width="180.0" height="12"/>');
    expect(html).toContain('>60% (30 req.)</text>');
    expect(html).toContain('<th scope="col">Jurisdiction</th>');
    expect(html).toContain('<td>Outside the European Union</td>');
    expect(html).toContain('Organisation not catalogued');
    expect(html).toContain('<td>Advertising pixel</td><td>a third party</td><td>yes</td>');
    expect(html).toContain('May be exempt from consent if configured for it');
    expect(html).toContain('<strong>730 days (over 13 months)</strong>');
    expect(html).toContain('<p class="disclaimer">This report describes what was observed during one load of the page; it is not a legal opinion on its compliance.</p>');
    expect(html).toContain('yes: trackers active on load may come from consent given before');
    // AI said in words and in bold, not only in colour
    expect(html).toContain('<tr class="ai"><th scope="row">Chat &lt;img');
    expect(html).toContain('<strong>AI: conversational assistant (language model)</strong>');
    expect(html).toContain('<td>no AI</td>');
    expect(html).toContain('<tr><th scope="row">address</th><td><strong>not found</strong></td>');
    expect(html).toMatch(/<ol class="recommendations"><li><strong>Remove the advertising pixels<\/strong><p>A pixel’s only job/);
    expect(html).toContain('<p class="muted">Concerns: address, opening hours</p>');
    const fr = renderReportHtml(fullHostileReport(), 'fr');
    expect(fr).toContain('<strong>Note de dépendances</strong>\u00a0: score 42 sur 100');
    expect(fr).toContain('Les entreprises derrière les tiers');
    expect(fr).toContain('ce n’est pas un avis juridique');
    expect(fr).toContain('<strong>IA : assistant conversationnel (modèle de langage)</strong>');
    expect(fr).toContain('Concerne : adresse, horaires');
  });

  it('keeps unevaluated parts honest', () => {
    const report = { ...fullHostileReport(), access: null, widgets: null, cookies: null, consent: null, recommendations: null };
    report.scores = { ...report.scores, dependencies: null };
    const html = renderReportHtml(report, 'en');
    for (const id of ['access', 'widgets', 'cookies', 'consent', 'recommendations', 'deductions']) {
      const start = html.indexOf(`<section aria-labelledby="h-${id}">`);
      expect([id, html.slice(start, html.indexOf('</section>', start))]).toEqual([id, expect.stringContaining('<p>not evaluated yet</p>')]);
    }
    expect(html).toContain('<strong>Dependency grade</strong>: not evaluated yet');
  });
});
