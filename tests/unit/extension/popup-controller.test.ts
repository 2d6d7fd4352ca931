import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Report } from '../../../src/core/report';
import { computeView, isObservableUrl, resolveTabId } from '../../../src/extension/popup-controller';
import { tabKey } from '../../../src/extension/tab-store';
import { topEntities, topParents } from '../../../src/ui/popup-view';
import { committedTab, load, request } from './helpers';

function grantAccess(granted: boolean) {
  (fakeBrowser.permissions as unknown as Record<string, unknown>).contains = vi.fn(async () => granted);
  (fakeBrowser.extension as unknown as Record<string, unknown>).isAllowedFileSchemeAccess = vi.fn(async () => false);
}

async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id ?? -1;
}

describe('isObservableUrl', () => {
  it.each([
    ['https://www.theatre-de-la-lune.fr/', false, true],
    ['http://localhost:8080/', false, true],
    ['chrome://extensions/', false, false],
    ['about:blank', false, false],
    ['chrome-extension://abc/popup.html', false, false],
    ['https://chromewebstore.google.com/detail/x', false, false],
    ['https://addons.mozilla.org/fr/firefox/', false, false],
    ['file:///home/me/page.html', false, false],
    ['file:///home/me/page.html', true, true],
    ['not a url', false, false],
    [null, false, false],
  ])('%s (file access %s) → %s', (url, fileAccess, expected) => {
    expect(isObservableUrl(url, fileAccess)).toBe(expected);
  });
});

describe('computeView', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    grantAccess(true);
  });

  it('reports the recorded page, still loading', async () => {
    const tabId = await openTab('https://www.example.fr/');
    const recorded = committedTab('https://www.example.fr/');
    recorded.tabId = tabId;
    load(recorded, request('2', 'https://fonts.googleapis.com/css2?family=Inter', 'stylesheet'), { 'Content-Length': '2000' });
    load(recorded, request('3', 'https://fonts.gstatic.com/s/inter.woff2', 'font'), { 'Content-Length': '30000' });
    load(recorded, request('4', 'https://www.googletagmanager.com/gtm.js', 'script'), { 'Content-Length': '90000' });
    recorded.frames['0'] = { elements: 300, title: 'T', iframes: [], scripts: [], globals: [], markers: [], fonts: [], images: 0, autoplayMedia: 0, structuredData: [], telLinks: [], contactData: { telephones: [], addresses: [], openingHours: [] }, text: '', cookieNames: [], storageKeys: [], firstInteractionAt: null };
    await fakeBrowser.storage.session.set({ [tabKey(tabId)]: recorded });

    const { view, url } = await computeView(tabId);
    expect(url).toBe('https://www.example.fr/');
    expect(view.kind).toBe('report');
    if (view.kind !== 'report') return;
    expect(view.loading).toBe(true);
    expect(Report.safeParse(view.report).success).toBe(true);
    expect(view.report.footprint.requests).toBe(4);
    expect(view.report.footprint.bytes).toBe(1000 + 2000 + 30000 + 90000);
    expect(view.report.scores.environment?.grade).toMatch(/^[A-G]$/);
    const names = topEntities(view.report).map((e) => e.name);
    expect(names).toContain('Google Fonts');
    expect(names).toContain('Google Tag Manager');
    // the dependency analyses run in the popup too: one parent behind all three
    expect(topParents(view.report)?.map((group) => group.parent)).toEqual(['Alphabet']);
    expect(view.report.scores.dependencies?.grade).toMatch(/^[A-E]$/);
    expect(view.report.consent?.trackersBeforeInteraction).toBeGreaterThanOrEqual(1);
  });

  it('no recorded state: no data yet (reload)', async () => {
    const tabId = await openTab('https://www.example.fr/');
    expect((await computeView(tabId)).view).toEqual({ kind: 'no-data' });
  });

  it('a tab that does not exist', async () => {
    expect((await computeView(424242)).view).toEqual({ kind: 'no-tab' });
  });

  it('a browser page is restricted', async () => {
    const tabId = await openTab('chrome://settings/');
    expect((await computeView(tabId)).view).toEqual({ kind: 'restricted' });
  });

  it('without host access (Firefox), asks for it', async () => {
    grantAccess(false);
    const tabId = await openTab('https://www.example.fr/');
    expect((await computeView(tabId)).view).toEqual({ kind: 'no-permission' });
  });

  it('a stored state of another shape counts as no data', async () => {
    const tabId = await openTab('https://www.example.fr/');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.session.set({ [tabKey(tabId)]: { version: 99 } });
    expect((await computeView(tabId)).view).toEqual({ kind: 'no-data' });
  });
});

describe('resolveTabId', () => {
  beforeEach(() => fakeBrowser.reset());
  it('reads ?tab=ID, rejects nonsense', async () => {
    expect(await resolveTabId('?tab=42')).toBe(42);
    expect(await resolveTabId('?tab=-1')).toBeNull();
    expect(await resolveTabId('?tab=abc')).toBeNull();
  });
});
