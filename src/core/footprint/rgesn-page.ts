import type { DomObservation } from '../capture';
import type { RgesnCheck } from '../report';
import type { CountedRequest } from '../requests';
import { notApplicable, result, shortUrl, unknown } from './rgesn-support';

/**
 * The RGESN checks read from what the DOM probe saw (with the network log
 * where it helps): 4.1 autoplay, 4.8 fonts, 6.4 image sizes.
 */

const AUTOPLAY_PARAM = /[?&#]autoplay=(1|true)\b/i;

/** 4.1: no video or audio starts by itself, no embedded player asks to (`autoplay=1`). */
export function autoplay(dom: DomObservation | null): RgesnCheck {
  if (dom === null) return unknown('4.1');
  const frames = dom.iframes.filter((url) => AUTOPLAY_PARAM.test(url));
  const evidence = [...(dom.autoplayMedia > 0 ? [`media:${dom.autoplayMedia}`] : []), ...frames.map((url) => `iframe:${url}`)];
  return result(
    '4.1',
    dom.autoplayMedia === 0 && frames.length === 0 ? 'pass' : 'fail',
    { media: dom.autoplayMedia, iframes: frames.length },
    evidence,
  );
}

/** RGESN 4.8's thresholds: at most 2 families and 4 variants, or at most 400 kB of fonts downloaded. */
export const FONT_LIMITS = { families: 2, variants: 4, bytes: 400_000 } as const;

/** "Open Sans 400 normal" → "Open Sans" (the probe writes family, weight and style). */
function familyOf(face: string): string {
  const parts = face.trim().split(/\s+/);
  return parts.length >= 3 ? parts.slice(0, -2).join(' ') : face.trim();
}

/**
 * 4.8: few downloaded fonts. The faces the document loaded (`dom.fontFaces`)
 * give families and variants; without them, the loaded families the probe
 * listed (`dom.fonts`) and one variant per font file. Either limit met is a
 * pass; a HAR (no DOM) can still pass on bytes, or fail on more than 4 files.
 */
export function fonts(dom: DomObservation | null, counted: readonly CountedRequest[]): RgesnCheck {
  const files = counted.filter((item) => item.request.type === 'font' && !item.failed);
  const bytes = files.reduce((sum, item) => sum + item.bytes, 0);
  const kb = Math.round(bytes / 1000);
  const underBytes = bytes <= FONT_LIMITS.bytes;
  const fileNames = [...new Set(files.map((item) => shortUrl(item.request.url)))];
  if (dom === null) {
    if (underBytes) return result('4.8', 'pass', { files: fileNames.length, kb }, fileNames, 'measuredFiles');
    if (fileNames.length > FONT_LIMITS.variants) return result('4.8', 'fail', { files: fileNames.length, kb }, fileNames, 'measuredFiles');
    return unknown('4.8');
  }
  const faces = dom.fontFaces ?? null;
  const families = new Set(faces !== null ? faces.map(familyOf) : dom.fonts);
  const variants = faces !== null ? new Set(faces).size : fileNames.length;
  const fewFaces = families.size <= FONT_LIMITS.families && variants <= FONT_LIMITS.variants;
  return result(
    '4.8',
    fewFaces || underBytes ? 'pass' : 'fail',
    { families: families.size, variants, kb },
    faces !== null ? faces : [...families, ...fileNames],
  );
}

/** An image counts as oversized when its file is this much larger than needed, in both dimensions. */
export const IMAGE_TOLERANCE = 1.5;

/**
 * 6.4: the raster images the page shows are not much larger than their
 * display: natural size against rendered size × devicePixelRatio, with a
 * tolerance of 1.5 in width and height (object-fit may crop one dimension, and
 * a responsive layout changes the displayed size with the window).
 */
export function imageSizes(dom: DomObservation | null): RgesnCheck {
  const details = dom?.imageDetails;
  if (!dom || details === undefined) return unknown('6.4');
  if (details.length === 0) return notApplicable('6.4');
  const dpr = dom.devicePixelRatio ?? 1;
  const oversized = details.filter(
    (image) =>
      image.naturalWidth > image.renderedWidth * dpr * IMAGE_TOLERANCE &&
      image.naturalHeight > image.renderedHeight * dpr * IMAGE_TOLERANCE,
  );
  return result(
    '6.4',
    oversized.length === 0 ? 'pass' : 'fail',
    { oversized: oversized.length, total: details.length, srcset: details.filter((image) => image.srcset).length, dpr },
    oversized.map(
      (image) =>
        `${shortUrl(image.src)} (${image.naturalWidth}×${image.naturalHeight} → ${Math.round(image.renderedWidth)}×${Math.round(image.renderedHeight)})`,
    ),
  );
}
