import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  ELEMENT_COUNT_EXPRESSION,
  devtoolsLogToCapture,
  frameUrlsOf,
  preciseDom,
  readFrameCount,
} from '../../../src/collect/devtools';
import { harToCaptures } from '../../../src/collect/har';
import { countElementsWithoutSvg } from '../../../src/collect/probe';
import { entry } from './fake-devtools';

/** The least of a DOM that both counters read: tag lookup, parentElement and closest. */
class FakeElement {
  parentElement: FakeElement | null = null;
  readonly children: FakeElement[] = [];
  constructor(readonly tagName: string) {}
  add(...children: FakeElement[]): this {
    for (const child of children) {
      child.parentElement = this;
      this.children.push(child);
    }
    return this;
  }
  getElementsByTagName(name: string): FakeElement[] {
    const found: FakeElement[] = [];
    const walk = (node: FakeElement) => {
      for (const child of node.children) {
        if (name === '*' || child.tagName === name) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }
  closest(name: string): FakeElement | null {
    if (this.tagName === name) return this;
    return this.parentElement ? this.parentElement.closest(name) : null;
  }
}

function fakeDocument() {
  const el = (tag: string) => new FakeElement(tag);
  // An inline icon (svg > g > path, path) and a nested svg (svg > svg > circle): only the outer <svg>s count.
  const body = el('body').add(
    el('div').add(el('p'), el('a').add(el('svg').add(el('g').add(el('path'), el('path'))))),
    el('svg').add(el('svg').add(el('circle'))),
    el('iframe'),
  );
  const root = new FakeElement('#document').add(el('html').add(el('head').add(el('title')), body));
  return Object.assign(root, { title: 'Lune' });
}

describe('the DOM count expression evaluated in the page', () => {
  it('counts as the probe does: every element less SVG descendants', () => {
    const document = fakeDocument();
    const value: unknown = runInNewContext(ELEMENT_COUNT_EXPRESSION, { document, location: { href: 'https://x.fr/' } });
    const counted = readFrameCount(value);
    // html head title body div p a svg iframe svg = 10 (g, path, path, inner svg, circle excluded)
    expect(counted).toEqual({ elements: 10, url: 'https://x.fr/', title: 'Lune' });
    expect(counted?.elements).toBe(countElementsWithoutSvg(document as unknown as Document));
  });

  it('rejects what is not its result (a page may redefine globals)', () => {
    expect(readFrameCount(undefined)).toBeNull();
    expect(readFrameCount({ elements: -1 })).toBeNull();
    expect(readFrameCount({ elements: 2.5 })).toBeNull();
    expect(readFrameCount({ elements: '3' })).toBeNull();
  });
});

describe('the DevTools network log as a precise capture', () => {
  const TOP = 'https://www.theatre.fr/';
  const FRAME = 'https://billetterie.example.com/widget';
  const log = {
    version: '1.2',
    creator: { name: 'WebInspector', version: '537.36' },
    pages: [{ id: 'page_1', startedDateTime: '2025-05-01T10:00:00.000Z', title: TOP }],
    entries: [
      entry('http://www.theatre.fr/', 'document', 300, { pageref: 'page_1', response: { status: 301, _transferSize: 300 } }),
      entry(TOP, 'document', 12_345, { pageref: 'page_1' }),
      entry(FRAME, 'document', 8_000, { pageref: 'page_1' }),
      entry('https://billetterie.example.com/app.js', 'script', 150_000, { pageref: 'page_1' }),
      // No _transferSize: the import falls back to body + headers, and says the figure is a HAR one.
      {
        pageref: 'page_1',
        _resourceType: 'image',
        request: { url: `${TOP}logo.png` },
        response: { status: 200, bodySize: 900, headersSize: 100 },
      },
    ],
  };

  it('takes _transferSize as exact devtools bytes and keeps the frames’ requests', () => {
    const capture = devtoolsLogToCapture(log, '2025-05-01T10:00:00.000Z');
    expect(capture.page.method).toBe('precise');
    expect(capture.page.finalUrl).toBe(TOP);
    const byUrl = new Map(capture.requests.map((r) => [r.url, r]));
    expect(byUrl.get(TOP)).toMatchObject({ bytes: 12_345, bytesSource: 'devtools' });
    expect(byUrl.get('https://billetterie.example.com/app.js')).toMatchObject({ bytes: 150_000, bytesSource: 'devtools' });
    expect(byUrl.get(`${TOP}logo.png`)).toMatchObject({ bytes: 1000, bytesSource: 'har' });
    expect(capture.requests).toHaveLength(5);
  });

  it('leaves an imported HAR file as method har', () => {
    const [capture] = harToCaptures({ log });
    expect(capture?.page.method).toBe('har');
    expect(capture?.requests.every((r) => r.bytesSource === 'har')).toBe(true);
  });

  it('lists the frames to count: documents other than the page and its redirects', () => {
    const capture = devtoolsLogToCapture(log, '2025-05-01T10:00:00.000Z');
    expect(frameUrlsOf(capture)).toEqual([FRAME]);
  });

  it('sums elements across frames and says how many frames were counted', () => {
    const counts = [
      { elements: 500, url: TOP, title: 'Théâtre' },
      { elements: 120, url: FRAME, title: '' },
      { elements: 30, url: 'https://maps.example/embed', title: '' },
    ];
    const dom = preciseDom(counts, null, null);
    expect(dom).toMatchObject({ elements: 650, framesCounted: 3, title: 'Théâtre', text: '' });
    expect(preciseDom([], null, null)).toBeNull();
  });
});
