import { describe, expect, it } from 'vitest';
import { aiClasses, type Report, type ThirdParty } from '../../../src/core/report';
import { popup } from '../../../src/i18n/messages/popup';
import { aiWidgets, topEntities, topParents } from '../../../src/ui/popup-view';

const party = (domain: string, entity: string | null, requests: number): ThirdParty => ({
  domain,
  hosts: [`www.${domain}`],
  entity,
  organisation: null,
  parent: null,
  country: null,
  jurisdiction: null,
  category: null,
  requests,
  bytes: 0,
  tracker: null,
  trackerKinds: null,
  beforeInteraction: null,
});

describe('topEntities', () => {
  it('groups domains by entity, most requests first, unknown domains by name', () => {
    const report = {
      thirdParties: [
        party('youtube.com', 'YouTube', 4),
        party('ytimg.com', 'YouTube', 2),
        party('googleapis.com', 'Google Fonts', 1),
        party('gstatic.com', 'Google Fonts', 2),
        party('weezevent.com', null, 6),
        party('facebook.net', 'Facebook', 3),
        party('crisp.chat', 'Crisp', 1),
      ],
    } as unknown as Report;
    expect(topEntities(report, 4)).toEqual([
      // ties in alphabetical order
      { name: 'weezevent.com', known: false, requests: 6 },
      { name: 'YouTube', known: true, requests: 6 },
      { name: 'Facebook', known: true, requests: 3 },
      { name: 'Google Fonts', known: true, requests: 3 },
    ]);
  });
});

describe('topParents', () => {
  const group = (parent: string | null, requests: number, requestShare: number, organisations: string[]) => ({
    parent, country: null, jurisdiction: null, organisations, domains: ['x.fr'], requests, bytes: 0, requestShare, byteShare: 0,
  });
  it('keeps the report’s order, rounds shares to whole percent (never 0 % for a request), drops the parent from its own organisations', () => {
    const report = {
      organisations: [group('Alphabet', 30, 0.7, ['Google', 'YouTube']), group('Meta', 12, 0.28, ['Meta']), group(null, 1, 0.002, []), group('Axeptio', 0, 0, ['Axeptio'])],
    } as unknown as Report;
    expect(topParents(report, 3)).toEqual([
      { parent: 'Alphabet', organisations: ['Google', 'YouTube'], domains: ['x.fr'], share: 70 },
      { parent: 'Meta', organisations: [], domains: ['x.fr'], share: 28 },
      { parent: null, organisations: [], domains: ['x.fr'], share: 1 },
    ]);
  });
  it('null when organisations were not evaluated', () => {
    expect(topParents({ organisations: null } as unknown as Report)).toBeNull();
  });
});

describe('aiWidgets', () => {
  const widget = (name: string, ai: string) => ({ id: name, name, vendor: name, kind: 'chat', ai, organisation: null, parent: null, country: null, evidence: [] });
  it('only AI classes, language models first', () => {
    const report = { widgets: [widget('Weglot', 'ai-translation'), widget('YouTube', 'none'), widget('Crisp', 'ai-capable'), widget('Chatbase', 'llm')] } as unknown as Report;
    expect(aiWidgets(report)).toEqual([
      { name: 'Chatbase', ai: 'llm' },
      { name: 'Crisp', ai: 'ai-capable' },
      { name: 'Weglot', ai: 'ai-translation' },
    ]);
    expect(aiWidgets({ widgets: null } as unknown as Report)).toBeNull();
  });
});

describe('popup messages', () => {
  it('French and English have the same keys, none empty', () => {
    expect(Object.keys(popup.en).sort()).toEqual(Object.keys(popup.fr).sort());
    for (const lang of [popup.fr, popup.en]) for (const text of Object.values(lang)) expect(text.trim()).not.toBe('');
  });
  it('every AI class of the report contract has its words', () => {
    for (const ai of aiClasses) expect(popup.fr[`popup.ai.class.${ai}`]).toBeTruthy();
  });
});
