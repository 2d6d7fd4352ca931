import { describe, expect, it } from 'vitest';
import type { Report, ThirdParty } from '../../../src/core/report';
import { popup } from '../../../src/i18n/messages/popup';
import { topEntities } from '../../../src/ui/popup-view';

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

describe('popup messages', () => {
  it('French and English have the same keys, none empty', () => {
    expect(Object.keys(popup.en).sort()).toEqual(Object.keys(popup.fr).sort());
    for (const lang of [popup.fr, popup.en]) for (const text of Object.values(lang)) expect(text.trim()).not.toBe('');
  });
});
