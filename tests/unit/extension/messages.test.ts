import { beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptContentMessage } from '../../../src/extension/messages';
import { applyContentMessage } from '../../../src/extension/recorder';
import { committedTab } from './helpers';

const RUNTIME = 'our-extension-id';
const sender = { id: RUNTIME, tab: { id: 7 }, frameId: 0, url: 'https://www.example.fr/', documentId: 'DOC1' };
const observation = {
  elements: 120,
  title: 'Théâtre',
  iframes: [],
  scripts: ['https://www.googletagmanager.com/gtm.js?id=GTM-X'],
  globals: [],
  markers: [],
  fonts: [],
  images: 4,
  autoplayMedia: 0,
  structuredData: ['TheaterEvent'],
  telLinks: ['tel:+33100000000'],
  contactData: { telephones: ['+33 1 00 00 00 00'], addresses: [], openingHours: [] },
  text: 'Billetterie : 01 00 00 00 00',
  cookieNames: [],
  storageKeys: [],
  firstInteractionAt: null,
};

describe('acceptContentMessage', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('accepts a well-formed message from our content script', () => {
    const accepted = acceptContentMessage({ type: 'empreinte:dom', observation }, sender, RUNTIME);
    expect(accepted).toMatchObject({ tabId: 7, frameId: 0, documentId: 'DOC1' });
    expect(accepted?.message).toEqual({ type: 'empreinte:dom', observation });
  });

  it('drops forged, foreign, tab-less and unknown messages', () => {
    const dom = { type: 'empreinte:dom', observation };
    expect(acceptContentMessage(dom, { ...sender, id: 'another-extension' }, RUNTIME)).toBeNull();
    expect(acceptContentMessage(dom, { ...sender, id: undefined }, RUNTIME)).toBeNull();
    expect(acceptContentMessage(dom, { ...sender, tab: undefined }, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:wipe' }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage('empreinte:dom', sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage(null, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:dom', observation: { ...observation, elements: -1 } }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:dom', observation: { ...observation, extra: 1 } }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:interaction', at: 'soon' }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:targets', extra: 1 }, sender, RUNTIME)).toBeNull();
  });

  it('accepts interaction times on the epoch clock and the probe’s request for its targets', () => {
    const at = 1_759_343_400_123.4; // performance.timeOrigin + performance.now()
    expect(acceptContentMessage({ type: 'empreinte:interaction', at }, sender, RUNTIME)?.message).toEqual({ type: 'empreinte:interaction', at });
    const targets = acceptContentMessage({ type: 'empreinte:targets' }, sender, RUNTIME);
    expect(targets?.message).toEqual({ type: 'empreinte:targets' });
    // asking changes nothing in the tab
    const tab = committedTab();
    expect(targets && applyContentMessage(tab, targets)).toBe(false);
  });
});

describe('applyContentMessage', () => {
  it('files the probe by frame and the first interaction once', () => {
    const tab = committedTab();
    const dom = acceptContentMessage({ type: 'empreinte:dom', observation }, sender, RUNTIME);
    expect(dom && applyContentMessage(tab, dom)).toBe(true);
    expect(tab.frames['0']?.elements).toBe(120);
    const first = acceptContentMessage({ type: 'empreinte:interaction', at: 1500 }, sender, RUNTIME);
    const second = acceptContentMessage({ type: 'empreinte:interaction', at: 9000 }, sender, RUNTIME);
    expect(first && applyContentMessage(tab, first)).toBe(true);
    expect(second && applyContentMessage(tab, second)).toBe(false);
    expect(tab.firstInteractionAt).toBe(1500);
  });

  it('drops a late message from the previous document', () => {
    const tab = committedTab();
    const stale = acceptContentMessage({ type: 'empreinte:dom', observation }, { ...sender, documentId: 'OLD' }, RUNTIME);
    expect(stale && applyContentMessage(tab, stale)).toBe(false);
    expect(tab.frames).toEqual({});
  });

  it('without documentIds (Firefox), checks the origin', () => {
    const tab = committedTab();
    tab.documentId = null;
    const other = acceptContentMessage(
      { type: 'empreinte:dom', observation },
      { id: RUNTIME, tab: { id: 7 }, frameId: 0, url: 'https://elsewhere.example.com/' },
      RUNTIME,
    );
    expect(other && applyContentMessage(tab, other)).toBe(false);
    const same = acceptContentMessage(
      { type: 'empreinte:dom', observation },
      { id: RUNTIME, tab: { id: 7 }, frameId: 0, url: 'https://www.example.fr/#x' },
      RUNTIME,
    );
    expect(same && applyContentMessage(tab, same)).toBe(true);
  });
});
