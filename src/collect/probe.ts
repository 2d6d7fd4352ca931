/**
 * The DOM probe: what one document shows of itself. It must stay
 * self-contained (no imports at run time, no closures over module state)
 * because it runs in three places: the extension's content script (bundled
 * by WXT), the CLI (built into dist/probe.js by esbuild and injected by
 * Playwright into every frame), and unit tests (happy-dom/jsdom-free: a
 * hand-built document). It returns plain data; the receiver validates it.
 */

import type { DomObservation } from '../core/capture';

export interface ProbeOptions {
  /** JS global names to look for (only meaningful in the page's main world) */
  globals?: readonly string[];
  /** DOM markers to look for: an id and a CSS selector */
  markers?: readonly { id: string; selector: string }[];
  /** time of the first trusted interaction, if the caller tracked one */
  firstInteractionAt?: number | null;
  /** caps on list lengths, so that a hostile page cannot flood the report */
  maxListLength?: number;
}

export interface FrameObservation {
  elements: number;
  title: string | null;
  iframes: string[];
  scripts: string[];
  globals: string[];
  markers: string[];
  fonts: string[];
  images: number;
  autoplayMedia: number;
  structuredData: string[];
  telLinks: string[];
  contactData: { telephones: string[]; addresses: string[]; openingHours: string[] };
  text: string;
  cookieNames: string[];
  storageKeys: string[];
  firstInteractionAt: number | null;
  /** raster <img> shown on the page with their intrinsic and displayed sizes (RGESN 6.4) */
  imageDetails: ImageDetail[];
  devicePixelRatio: number;
  /** loaded font faces as "family weight style" (RGESN 4.8) */
  fontFaces: string[];
}

export interface ImageDetail {
  src: string;
  naturalWidth: number;
  naturalHeight: number;
  /** CSS pixels */
  renderedWidth: number;
  renderedHeight: number;
  /** the browser chose among candidates: a srcset attribute, or a <picture> parent */
  srcset: boolean;
}

/** Caps for the RGESN details, as the capture schema bounds them. */
export const MAX_IMAGE_DETAILS = 300;
export const MAX_FONT_FACES = 200;

/**
 * What a page shows when only its element count is known (precise mode
 * without the content script's probe, tests): every list empty, nothing found.
 */
export function elementsOnly(elements: number, framesCounted = 1, title: string | null = null): DomObservation {
  return {
    elements,
    framesCounted,
    title,
    iframes: [],
    scripts: [],
    globals: [],
    markers: [],
    fonts: [],
    images: 0,
    autoplayMedia: 0,
    structuredData: [],
    telLinks: [],
    contactData: { telephones: [], addresses: [], openingHours: [] },
    text: '',
    cookieNames: [],
    storageKeys: [],
    firstInteractionAt: null,
  };
}

/** The visible text kept for the core: the start and the end (where footers hold contact details). */
export const TEXT_HEAD = 40_000;
export const TEXT_TAIL = 20_000;

/**
 * Counts elements as the EcoIndex method does (GreenIT-Analysis
 * `getDomSizeWithoutSvg`): every element of the document, less the
 * descendants of <svg> elements (the <svg> element itself counts).
 */
export function countElementsWithoutSvg(doc: Document): number {
  const all = doc.getElementsByTagName('*').length;
  let insideSvg = 0;
  const svgs = doc.getElementsByTagName('svg');
  for (let i = 0; i < svgs.length; i++) {
    const svg = svgs[i];
    // Nested <svg> are themselves descendants of an outer <svg>: count only
    // outermost ones so that no element is subtracted twice.
    if (svg && !svg.parentElement?.closest('svg')) insideSvg += svg.getElementsByTagName('*').length;
  }
  return all - insideSvg;
}

/**
 * The names among `names` that the window defines: plain (`Intercom`) or
 * dotted paths (`google.translate.TranslateElement`). An element whose id
 * happens to be the name (windows expose them as named properties) is not the
 * script's global. Only meaningful in the page's main world: an extension's
 * isolated world sees none of the page's globals (entrypoints/globals.content.ts).
 */
export function findGlobals(win: Window, names: readonly string[]): string[] {
  const { Element: element, HTMLCollection: collection } = win as unknown as Record<string, unknown>;
  const isNamedElement = (value: unknown): boolean =>
    (typeof element === 'function' && value instanceof element) ||
    (typeof collection === 'function' && value instanceof collection);
  return names.filter((name) => {
    try {
      let value: unknown = win;
      for (const part of name.split('.')) {
        if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
        value = (value as Record<string, unknown>)[part];
      }
      return value !== undefined && value !== null && !isNamedElement(value);
    } catch {
      return false; // a throwing getter: the page's problem
    }
  });
}

export function probeDocument(doc: Document, options: ProbeOptions = {}): FrameObservation {
  const max = options.maxListLength ?? 500;
  const take = (values: Iterable<string>): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const value of values) {
      if (out.length >= max) break;
      const v = String(value).slice(0, 2048);
      if (v && !seen.has(v)) {
        seen.add(v);
        out.push(v);
      }
    }
    return out;
  };
  const attrs = (selector: string, attr: string): string[] =>
    Array.from(doc.querySelectorAll(selector), (el) => el.getAttribute(attr) ?? '');
  const absolute = (value: string): string => {
    try {
      return new URL(value, doc.baseURI).href;
    } catch {
      return value;
    }
  };

  const win = doc.defaultView as (Window & Record<string, unknown>) | null;
  const globals = win ? findGlobals(win, options.globals ?? []) : [];
  const markers = (options.markers ?? [])
    .filter((marker) => {
      try {
        return doc.querySelector(marker.selector) !== null;
      } catch {
        return false;
      }
    })
    .map((marker) => marker.id);

  const fontFamilies: string[] = [];
  const fontFaces: string[] = [];
  // one token each, so that "family weight style" splits back ("100 900" is a variable font's range)
  const token = (value: string, fallback: string): string =>
    (value || fallback).trim().replace(/\s+/g, '-').replace(/^normal$/, fallback).replace(/^bold$/, '700');
  try {
    const fonts = (doc as Document & { fonts?: Iterable<FontFace> }).fonts;
    if (fonts)
      for (const face of fonts) {
        if (face.status !== 'loaded') continue;
        const family = face.family.replace(/["']/g, '');
        fontFamilies.push(family);
        fontFaces.push(`${family} ${token(face.weight, '400')} ${token(face.style, 'normal')}`);
      }
  } catch {
    // document.fonts is missing in some test documents; fonts stay unknown
  }

  const structuredData: string[] = [];
  const telephones: string[] = [];
  const addresses: string[] = [];
  const openingHours: string[] = [];
  const textOf = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (typeof value === 'number') return [String(value)];
    if (Array.isArray(value)) return value.flatMap(textOf);
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      // PostalAddress, OpeningHoursSpecification: flatten the parts people read
      const parts = ['streetAddress', 'postalCode', 'addressLocality', 'dayOfWeek', 'opens', 'closes']
        .flatMap((key) => textOf(v[key]))
        .map((part) => part.replace(/^https?:\/\/schema\.org\//, ''));
      return parts.length > 0 ? [parts.join(' ')] : [];
    }
    return [];
  };
  const collectContact = (node: Record<string, unknown>): void => {
    telephones.push(...textOf(node.telephone));
    addresses.push(...textOf(node.address));
    openingHours.push(...textOf(node.openingHours), ...textOf(node.openingHoursSpecification));
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const stack: unknown[] = [JSON.parse(script.textContent ?? '')];
      while (stack.length > 0 && structuredData.length < max) {
        const node = stack.pop();
        if (Array.isArray(node)) stack.push(...node);
        else if (node && typeof node === 'object') {
          collectContact(node as Record<string, unknown>);
          const type = (node as Record<string, unknown>)['@type'];
          if (typeof type === 'string') structuredData.push(type);
          else if (Array.isArray(type)) structuredData.push(...type.filter((t): t is string => typeof t === 'string'));
          stack.push(...Object.values(node as Record<string, unknown>).filter((v) => typeof v === 'object'));
        }
      }
    } catch {
      // invalid JSON-LD is the page's problem, not the probe's
    }
  }
  for (const el of Array.from(doc.querySelectorAll('[itemtype]'))) {
    const type = el.getAttribute('itemtype') ?? '';
    structuredData.push(type.replace(/^https?:\/\/schema\.org\//, ''));
  }

  for (const el of Array.from(doc.querySelectorAll('[itemprop]'))) {
    const prop = el.getAttribute('itemprop');
    const value = (el.getAttribute('content') ?? (el as HTMLElement).innerText ?? el.textContent ?? '').trim();
    if (!value) continue;
    if (prop === 'telephone') telephones.push(value);
    else if (prop === 'address') addresses.push(value.replace(/\s+/g, ' '));
    else if (prop === 'openingHours') openingHours.push(value);
  }

  const body = doc.body;
  const fullText = body ? (body.innerText ?? body.textContent ?? '') : '';
  const text =
    fullText.length > TEXT_HEAD + TEXT_TAIL ? `${fullText.slice(0, TEXT_HEAD)}\n…\n${fullText.slice(-TEXT_TAIL)}` : fullText;

  const cookieNames: string[] = [];
  try {
    for (const pair of doc.cookie.split(';')) {
      const name = pair.split('=')[0]?.trim();
      if (name) cookieNames.push(name);
    }
  } catch {
    // sandboxed frames and some documents refuse cookie access
  }
  const storageKeys: string[] = [];
  try {
    const storage = win?.localStorage;
    if (storage) for (let i = 0; i < storage.length && i < max; i++) storageKeys.push(storage.key(i) ?? '');
  } catch {
    // localStorage access throws when storage is blocked
  }

  const autoplay = Array.from(doc.querySelectorAll('video[autoplay], audio[autoplay]')).length;

  // Raster images actually shown: an image not rendered (0×0) or not loaded yet
  // (lazy, naturalWidth 0) says nothing about its sizing; SVG is vector.
  const imageDetails: ImageDetail[] = [];
  for (const img of Array.from(doc.images)) {
    if (imageDetails.length >= MAX_IMAGE_DETAILS) break;
    const src = img.currentSrc || img.src;
    if (!img.naturalWidth || /^data:image\/svg|\.svg(\?|#|$)/i.test(src)) continue;
    const box = img.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) continue;
    imageDetails.push({
      src: src.slice(0, 2048),
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      renderedWidth: Math.round(box.width * 100) / 100,
      renderedHeight: Math.round(box.height * 100) / 100,
      srcset: img.hasAttribute('srcset') || img.parentElement?.tagName === 'PICTURE',
    });
  }
  const ratio = Number(win?.devicePixelRatio);

  return {
    elements: countElementsWithoutSvg(doc),
    title: doc.title ? doc.title.slice(0, 2048) : null,
    iframes: take(attrs('iframe[src]', 'src').map(absolute)),
    scripts: take(attrs('script[src]', 'src').map(absolute)),
    globals: take(globals),
    markers: take(markers),
    fonts: take(fontFamilies),
    images: doc.images.length,
    autoplayMedia: autoplay,
    structuredData: take(structuredData),
    telLinks: take(attrs('a[href^="tel:"]', 'href')),
    contactData: { telephones: take(telephones).slice(0, 50), addresses: take(addresses).slice(0, 50), openingHours: take(openingHours).slice(0, 50) },
    text,
    cookieNames: take(cookieNames),
    storageKeys: take(storageKeys),
    firstInteractionAt: options.firstInteractionAt ?? null,
    imageDetails,
    devicePixelRatio: ratio > 0 && ratio <= 16 ? ratio : 1,
    fontFaces: take(fontFaces).slice(0, MAX_FONT_FACES),
  };
}
