// What a hostile page (or a compromised renderer speaking for it) can send
// the background, and what it gets: forged, oversized and unknown messages
// dropped; Resource Timing sizes bounded by what the network can carry; the
// globals bridge deaf to answers that are not the main-world script's;
// absurd cookies bounded; truncation said in the CSV export.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptContentMessage } from '../../../src/extension/messages';
import * as recorder from '../../../src/extension/recorder';
import { buildPassiveCapture, MAX_COOKIES_PER_TAB, RecordedTab } from '../../../src/collect/webrequest';
import { MAX_ENTRY_BYTES, MAX_HEADER_BYTES, MAX_TIMINGS_PER_MESSAGE, type ResourceTimingEntry } from '../../../src/collect/resource-timing';
import { answerGlobalsQuestions, askPageGlobals } from '../../../src/collect/globals-bridge';
import { requestsCsv } from '../../../src/ui/export-csv';
import { analyse } from '../../../src/core/analyse';
import { loadCatalogs } from '../../../src/data/index';
import { T0, committedTab, load, request, response } from './helpers';

const RUNTIME = 'ext';
const sender = { id: RUNTIME, tab: { id: 7 }, frameId: 0, url: 'https://www.example.fr/', documentId: 'DOC1' };
const entry = (name: string, transferSize: number, extra: Partial<ResourceTimingEntry> = {}): ResourceTimingEntry => ({
  name,
  transferSize,
  encodedBodySize: 0,
  startTime: T0 + 5,
  initiatorType: 'script',
  ...extra,
});

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('messages a hostile page could forge', () => {
  it('drops oversized batches, absurd values, prototype tricks and messages meant for the content script', () => {
    const many = Array.from({ length: MAX_TIMINGS_PER_MESSAGE + 1 }, (_, i) => entry(`https://www.example.fr/${i}`, 10));
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: many }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: [] }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: [entry('x', 1e13)] }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: [entry('x', Number.NaN)] }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:timing', entries: [entry('x'.repeat(70_000), 10)] }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:interaction', at: Infinity }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:interaction', at: -1 }, sender, RUNTIME)).toBeNull();
    expect(acceptContentMessage(JSON.parse('{"type":"empreinte:targets","__proto__":{"polluted":1}}'), sender, RUNTIME)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // the probe request goes the other way: the background never takes it
    expect(acceptContentMessage({ type: 'empreinte:probe' }, sender, RUNTIME)).toBeNull();
    // a tab id or a frame id that is not one
    expect(acceptContentMessage({ type: 'empreinte:targets' }, { ...sender, tab: { id: -1 } }, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:targets' }, { ...sender, tab: { id: 1.5 } }, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:targets' }, { ...sender, frameId: -1 }, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:targets' }, { ...sender, frameId: Number.NaN }, RUNTIME)).toBeNull();
    expect(acceptContentMessage({ type: 'empreinte:targets' }, { ...sender, frameId: 3 }, RUNTIME)?.frameId).toBe(3);
  });

  it('a message from another page view of the tab changes nothing', () => {
    const tab = committedTab('https://www.example.fr/');
    const from = (extra: object) => acceptContentMessage({ type: 'empreinte:interaction', at: T0 + 10 }, { ...sender, ...extra }, RUNTIME);
    const other = from({ documentId: 'DOC-OLD' });
    expect(other && recorder.applyContentMessage(tab, other)).toBe(false);
    const noIds = from({ documentId: undefined, url: 'https://evil.example.com/' });
    const stored = { ...tab, documentId: null };
    expect(noIds && recorder.applyContentMessage(stored, noIds)).toBe(false);
    expect(tab.firstInteractionAt).toBeNull();
  });
});

describe('Resource Timing sizes are bounded', () => {
  const apply = (tab: RecordedTab, entries: ResourceTimingEntry[]) => {
    const accepted = acceptContentMessage({ type: 'empreinte:timing', entries }, sender, RUNTIME);
    if (!accepted) throw new Error('rejected');
    recorder.applyContentMessage(tab, accepted);
  };

  it('no more than the Content-Length plus the largest header block, the encoded body plus headers, and a gigabyte', () => {
    const tab = committedTab();
    load(tab, request('2', 'https://www.example.fr/a.js'), { 'Content-Length': '5000' });
    load(tab, request('3', 'https://www.example.fr/b.js'), {});
    load(tab, request('4', 'https://www.example.fr/c.js'), {});
    load(tab, request('5', 'https://www.example.fr/d.js'), { 'Content-Length': '5000' });
    apply(tab, [
      entry('https://www.example.fr/a.js', 900_000_000, { startTime: T0 + 20 }),
      entry('https://www.example.fr/b.js', 900_000_000, { startTime: T0 + 30, encodedBodySize: 1000 }),
      entry('https://www.example.fr/c.js', 999_999_999_999, { startTime: T0 + 40 }),
      // a plausible figure is taken as it is
      entry('https://www.example.fr/d.js', 5400, { startTime: T0 + 50 }),
    ]);
    const bytes = buildPassiveCapture(tab)?.requests.map((r) => r.bytes);
    expect(bytes).toEqual([1000, 5000 + MAX_HEADER_BYTES, 1000 + MAX_HEADER_BYTES, MAX_ENTRY_BYTES, 5400]);
  });

  it('an entry for a URL the network never saw adds nothing', () => {
    const tab = committedTab();
    apply(tab, [entry('https://www.example.fr/invented.mp4', 50_000_000, { startTime: T0 + 20 })]);
    const capture = buildPassiveCapture(tab);
    expect(capture?.requests).toHaveLength(1);
    expect(capture?.requests[0]?.bytes).toBe(1000);
  });
});

describe('globals bridge', () => {
  it('takes the first answer (the main-world script’s), not a later one the page sends with the nonce it read', () => {
    const doc = new EventTarget() as unknown as Document;
    const win = { Intercom: () => undefined, Element: class {}, HTMLCollection: class {} } as unknown as Window;
    answerGlobalsQuestions(win, doc);
    doc.addEventListener('empreinte:globals-question', (event) => {
      const { nonce } = JSON.parse(String((event as CustomEvent).detail)) as { nonce: string };
      doc.dispatchEvent(new CustomEvent('empreinte:globals-answer', { detail: JSON.stringify({ nonce, found: [] }) }));
      doc.dispatchEvent(new CustomEvent('empreinte:globals-answer', { detail: JSON.stringify({ nonce, found: ['__tcfapi', 'Didomi'] }) }));
    });
    expect(askPageGlobals(doc, ['Intercom', '__tcfapi', 'Didomi'])).toEqual(['Intercom']);
  });

  it('a page replacing dispatchEvent or JSON.stringify after document_start cannot drop or rewrite the answer', () => {
    const doc = new EventTarget() as unknown as Document & { dispatchEvent: (event: Event) => boolean };
    const win = { Intercom: () => undefined, Element: class {}, HTMLCollection: class {} } as unknown as Window;
    answerGlobalsQuestions(win, doc);
    const real = EventTarget.prototype.dispatchEvent;
    const stringify = JSON.stringify;
    // the page's replacements (on the instance: the isolated world keeps its own prototype)
    doc.dispatchEvent = (event: Event) => (event.type === 'empreinte:globals-answer' ? true : real.call(doc, event));
    JSON.stringify = (() => '{"nonce":null,"found":["Didomi"]}') as typeof JSON.stringify;
    try {
      const nonceFree = (names: string[]) => {
        let found: string[] | null = null;
        const listen = (event: Event) => (found = (JSON.parse(String((event as CustomEvent).detail)) as { found: string[] }).found);
        doc.addEventListener('empreinte:globals-answer', listen);
        real.call(doc, new CustomEvent('empreinte:globals-question', { detail: stringify({ nonce: 'n', names }) }));
        doc.removeEventListener('empreinte:globals-answer', listen);
        return found;
      };
      expect(nonceFree(['Intercom', 'Didomi'])).toEqual(['Intercom']);
    } finally {
      JSON.stringify = stringify;
    }
  });

  it('an answer that is not JSON, or with found not a list, is no answer', () => {
    const doc = new EventTarget() as unknown as Document;
    doc.addEventListener('empreinte:globals-question', () => {
      doc.dispatchEvent(new CustomEvent('empreinte:globals-answer', { detail: '{"nonce":' }));
      doc.dispatchEvent(new CustomEvent('empreinte:globals-answer', { detail: { found: ['Intercom'] } }));
    });
    expect(askPageGlobals(doc, ['Intercom'])).toBeNull();
  });
});

describe('absurd cookies', () => {
  it('thousands of Set-Cookie lines, huge names and odd characters: bounded and stored as text', () => {
    const tab = committedTab();
    const script = request('2', 'https://www.example.fr/flood.js');
    recorder.onBeforeRequest(tab, script);
    const lines = Array.from({ length: 3000 }, (_, i) => `c${i}=1; Max-Age=99999999999999999999`);
    lines.push(`${'n'.repeat(10_000)}=1`, '<img src=x onerror=alert(1)>=1; Domain=<b>', '=nameless', 'é\u0000\u202e=1; Expires=not a date');
    recorder.onHeadersReceived(tab, { ...response(script, {}), responseHeaders: [{ name: 'Set-Cookie', value: lines.join('\n') }] });
    expect(tab.cookies).toHaveLength(MAX_COOKIES_PER_TAB);
    expect(RecordedTab.safeParse(tab).success).toBe(true);
    expect(tab.cookies.every((cookie) => cookie.expires === null || !Number.isNaN(Date.parse(cookie.expires)))).toBe(true);
    // the next page view starts clean
    const next = request('9', 'https://www.example.fr/b', 'main_frame');
    recorder.onBeforeRequest(tab, next);
    recorder.onCommitted(tab, { tabId: 7, frameId: 0, url: next.url, timeStamp: T0 + 200 }, new Date(T0 + 200));
    expect(tab.cookies).toEqual([]);
  });
});

describe('a page beyond the per-tab request cap', () => {
  it('keeps the cap, counts every request and its bytes, and the report and the CSV say so', () => {
    const tab = committedTab();
    const extra = 37;
    for (let i = 0; i < recorder.MAX_REQUESTS_PER_TAB + extra; i++) {
      load(tab, request(String(10 + i), `https://www.example.fr/p?i=${i}`, 'xmlhttprequest'), { 'Content-Length': '100' });
    }
    expect(tab.requests).toHaveLength(recorder.MAX_REQUESTS_PER_TAB);
    // the document is one of the stored requests: one more beyond the cap
    expect(tab.droppedRequests).toEqual({ count: extra + 1, bytes: (extra + 1) * 100 });
    const capture = buildPassiveCapture(tab);
    if (!capture) throw new Error('no capture');
    const report = analyse(capture, loadCatalogs(), { toolVersion: '0.0.0-test', plan: false });
    expect(report.footprint.requests).toBe(recorder.MAX_REQUESTS_PER_TAB + extra + 1);
    expect(report.notes).toContainEqual({ key: 'note.requests.dropped', params: { count: extra + 1 } });
    const csv = requestsCsv(capture, report, 'fr').trimEnd().split('\r\n');
    expect(csv).toHaveLength(1 + recorder.MAX_REQUESTS_PER_TAB + 1);
    expect(csv.at(-1)).toMatch(/^38 requêtes comptées dans les totaux sans détail.*;3800;;;$/);
    const english = requestsCsv(capture, report, 'en').trimEnd().split('\r\n').at(-1);
    expect(english).toMatch(/^38 requests count in the totals without details.*,3800,,,$/);
  });
});
