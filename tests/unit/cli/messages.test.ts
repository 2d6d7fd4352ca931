import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import entities from 'third-party-web/dist/entities-nostats.json';
import { captureMethods, consentStates } from '../../../src/core/capture';
import { aiClasses, trackerKinds } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';
import { commandNames, usage } from '../../../src/cli/usage';
import { catalogs } from '../../../src/i18n/index';
import { report } from '../../../src/i18n/messages/report';
import { terminal } from '../../../src/i18n/messages/terminal';
import { byteSources, resourceTypes } from '../../../src/core/capture';
import { RgesnCheck } from '../../../src/core/report';

const sources = [
  'src/cli/summary.ts',
  'src/cli/usage.ts',
  'src/cli/args.ts',
  'src/cli/commands/analyze.ts',
  'src/cli/commands/ecoindex.ts',
  'src/ui/html-report.ts',
  'src/ui/report-facts.ts',
  'src/ui/dependency-facts.ts',
  'src/ui/html-dependencies.ts',
  'src/cli/summary-dependencies.ts',
  'src/ui/footprint-facts.ts',
  'src/ui/html-footprint.ts',
  'src/cli/summary-footprint.ts',
];

describe('terminal and report messages', () => {
  it('have the same keys in French and English, none empty', () => {
    for (const area of [terminal, report]) {
      expect(Object.keys(area.fr).sort()).toEqual(Object.keys(area.en).sort());
      for (const text of [...Object.values(area.fr), ...Object.values(area.en)]) expect(text.trim()).not.toBe('');
    }
  });

  it('every literal key the CLI and the report use exists in both languages', () => {
    const keys = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
      for (const match of text.matchAll(/\bt\(\s*\w+,\s*'([^']+)'/g)) keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(40);
    for (const key of keys) {
      expect([key, key in catalogs.fr, key in catalogs.en]).toEqual([key, true, true]);
    }
  });

  it('every computed key exists: methods, consent states, third-party-web categories, commands', () => {
    const keys = [
      ...captureMethods.map((method) => `method.${method}`),
      ...consentStates.map((state) => `consent.${state}`),
      ...new Set((entities as { category: string }[]).map((entity) => `category.${entity.category}`)),
      ...commandNames.flatMap((name) => [`cli.usage.${name}`, `cli.usage.${name}.help`]),
      ...['phone', 'address', 'openingHours'].map((route) => `report.access.${route}`),
      // the dependency sections: AI classes, tracker kinds, jurisdictions, every service kind of the catalog
      ...aiClasses.map((ai) => `report.ai.${ai}`),
      ...trackerKinds.map((kind) => `tracker.kind.${kind}`),
      ...['eu', 'non-eu', 'unknown'].map((jurisdiction) => `jurisdiction.${jurisdiction}`),
      ...new Set(loadCatalogs().services.map((service) => `report.widgetKind.${service.kind}`)),
      'report.widgetKind.consent',
      'party.first',
      'party.third',
      'model.swd-v4',
      // the footprint sections: resource types, byte sources, purposes, segments, RGESN statuses
      ...resourceTypes.map((type) => `report.type.${type}`),
      ...byteSources.map((source) => `report.source.${source}`),
      ...['content', 'tracking', 'embeds', 'fonts', 'other'].map((purpose) => `report.purpose.${purpose}`),
      ...['dataCentre', 'network', 'device'].map((segment) => `report.co2.${segment}`),
      ...RgesnCheck.shape.status.options.map((status) => `report.rgesn.status.${status}`),
      ...['WORLD', 'FRA'].map((region) => `report.region.${region}`),
    ];
    for (const key of keys) expect([key, key in catalogs.fr, key in catalogs.en]).toEqual([key, true, true]);
  });

  it('the help lists every command in both languages, without raw keys', () => {
    for (const lang of ['fr', 'en'] as const) {
      const text = usage(lang);
      for (const name of ['analyze', 'audit', 'ecoindex', 'demo']) expect(text).toContain(`empreinte ${name}`);
      expect(text).not.toMatch(/cli\.usage/);
    }
    expect(usage('fr')).not.toBe(usage('en'));
  });
});
