import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReportHtml } from '../../../src/ui/html-report';
import { fullHostileReport, PAYLOAD, zdnetReport } from './report-samples';

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
  });

  it('is a standalone page: no script, no remote resource, the page URL as text', () => {
    const html = renderReportHtml(zdnetReport(), 'fr');
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
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
    for (const html of [en, fr, renderReportHtml(fullHostileReport(), 'fr')]) {
      expect(html).not.toMatch(/\b(cli|report|note|category|method|consent|model|party|grade)\.[a-z]/);
    }
  });

  it('shows the EcoIndex grade as a letter, readable without colour', () => {
    const html = renderReportHtml(fullHostileReport(), 'en');
    expect(html).toMatch(/<span class="grade grade-[A-G]">[A-G]<\/span><strong>EcoIndex grade<\/strong>: score \d+ out of 100/);
  });
});
