import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse';
import { harToCaptures } from '../../../src/collect/har';
import { loadCatalogs } from '../../../src/data/index';
import type { Report } from '../../../src/core/report';
import { t } from '../../../src/i18n/index';
import { reportFacts } from '../../../src/ui/report-facts';
import { accessSection, dependenciesSection, recommendationsSection, widgetsSection } from '../../../src/ui/report-dependencies-view';
import { environmentSection, methodSection } from '../../../src/ui/report-environment-view';
import { verdict } from '../../../src/ui/full-report';
import { barChart } from '../../../src/ui/report-parts';
import { baseName } from '../../../src/ui/export-files';
import { readHar } from '../har/har-fixtures';
import { words, statics } from '../support/lit';

const [capture] = harToCaptures(readHar('www.zdnet.com.har'));
const hostile = { ...capture!, page: { ...capture!.page, title: '<img src=x onerror=alert(1)>' } };
const report: Report = analyse(hostile, loadCatalogs(), { toolVersion: 'test' });

describe('full report sections', () => {
  it('lists the companies by parent with their shares, as the HTML export does', () => {
    const facts = reportFacts(report, 'fr', Infinity);
    const rendered = words(dependenciesSection(facts.dependencies, 'fr'));
    expect(report.organisations!.length).toBeGreaterThan(1);
    for (const row of facts.dependencies.organisations.rows) {
      expect(rendered).toContain(row.parent);
      expect(rendered).toContain(row.requests.replace(/\s+/g, ' '));
    }
    expect(rendered).toContain(t('fr', 'report.heading.organisations'));
    expect(rendered).toContain(t('fr', 'fullreport.before.heading'));
  });

  it('names the AI services, the recommendations, the access routes, the environment and the method', () => {
    const facts = reportFacts(report, 'en', Infinity);
    const all = words([
      widgetsSection(facts.dependencies, 'en'),
      recommendationsSection(facts.dependencies, 'en'),
      accessSection(facts.dependencies, 'en'),
      environmentSection(facts, 'en'),
      methodSection(facts, 'en'),
    ]);
    for (const rec of report.recommendations!) expect(all).toContain(t('en', rec.title.key, rec.title.params));
    for (const widget of report.widgets!) expect(all).toContain(widget.name);
    expect(all).toContain(t('en', 'report.heading.rgesn'));
    expect(all).toContain(facts.footprint.co2.total.value.replace(/\s+/g, ' '));
    expect(all).toContain(t('en', 'report.heading.method'));
    expect(all).toContain(t('en', 'report.access.phone'));
  });

  it('says the verdict in one line with both grades', () => {
    const line = verdict(report, 'fr');
    expect(line).toContain(`Dépendances ${report.scores.dependencies!.grade}`);
    expect(line).toContain(`domaines tiers : ${report.thirdParties.length}`);
    expect(line).not.toContain('\n');
    const empty = { ...report, scores: { dependencies: null, environment: null }, widgets: null };
    expect(verdict(empty, 'en')).toContain('Dependencies not evaluated, environment not evaluated');
  });

  it('draws charts with the values written beside the bars, and never puts page data in markup', () => {
    const chart = barChart('t', [{ label: '<b>x</b>', byteShare: 0.5, requestShare: 0.25, byteText: '50 %', requestText: '25 %' }], 'fr');
    expect(words(chart)).toContain('50 %');
    expect(words(chart)).toContain('25 %');
    expect(statics(chart)).not.toContain('<b>x</b>');
    const facts = reportFacts(report, 'fr', Infinity);
    const sections = [dependenciesSection(facts.dependencies, 'fr'), methodSection(facts, 'fr'), environmentSection(facts, 'fr')];
    for (const domain of report.thirdParties.map((party) => party.domain)) expect(statics(sections)).not.toContain(domain);
  });

  it('names export files after the site and the date, safely', () => {
    expect(baseName({ ...report, page: { ...report.page, site: 'a/b<c>.fr', capturedAt: '2026-11-29T10:00:00Z' } })).toBe('empreinte-a_b_c_.fr-2026-11-29');
  });
});
