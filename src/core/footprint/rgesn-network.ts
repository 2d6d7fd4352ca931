import type { RgesnCheck } from '../report';
import type { CountedRequest } from '../requests';
import { STATIC_TYPES, extensionOf, hasBody, notApplicable, percent, result, shortUrl, unknown } from './rgesn-support';

/**
 * The RGESN checks read from the network log: 5.1 image formats, 6.2 caching
 * headers, 6.3 compression, 6.7 HTTP/2+ and one host for static files.
 * Thresholds and their reasons: docs/methodology.md, "RGESN".
 */

const MODERN_IMAGE = /^image\/(webp|avif|jxl)$/;
const MODERN_EXTENSIONS = new Set(['webp', 'avif', 'jxl']);
const RASTER_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'bmp', 'ico', 'tif', 'tiff', 'webp', 'avif', 'jxl', 'apng']);

/** 'modern', 'legacy', or null when not a raster image (SVG) or its format cannot be told. */
function rasterFormat(item: CountedRequest): 'modern' | 'legacy' | null {
  const mime = item.request.mimeType?.toLowerCase() ?? null;
  if (mime !== null && mime.startsWith('image/')) {
    if (mime.startsWith('image/svg')) return null;
    return MODERN_IMAGE.test(mime) ? 'modern' : 'legacy';
  }
  const extension = extensionOf(item.request.url);
  if (!RASTER_EXTENSIONS.has(extension)) return null;
  return MODERN_EXTENSIONS.has(extension) ? 'modern' : 'legacy';
}

/**
 * 5.1: over 75 % of the raster images in WebP, AVIF or JPEG XL. Images are the
 * image requests that were answered (from the network or the cache), by MIME type (else extension); SVG is
 * vector and left out; trackers' pixels are not the site's images and are left
 * out too.
 */
export function imageFormats(counted: readonly CountedRequest[], trackerSites: ReadonlySet<string>): RgesnCheck {
  // a cache hit or a 304 is still an image of the page, in the format it was served in
  const shown = (item: CountedRequest) => !item.failed && (item.request.status === 304 || item.request.fromCache || hasBody(item));
  const images = counted.filter(
    (item) => item.request.type === 'image' && shown(item) && !(item.thirdParty && trackerSites.has(item.url.site ?? '')),
  );
  const formats = images.map((item) => ({ item, format: rasterFormat(item) })).filter((entry) => entry.format !== null);
  if (formats.length === 0) return notApplicable('5.1');
  const legacy = formats.filter((entry) => entry.format === 'legacy');
  const modern = formats.length - legacy.length;
  const share = modern / formats.length;
  return result(
    '5.1',
    share > 0.75 ? 'pass' : 'fail',
    { modern, total: formats.length, percent: percent(modern, formats.length) },
    legacy.map((entry) => shortUrl(entry.item.request.url)),
  );
}

/** First-party responses with a body whose headers the capture recorded; null when it recorded none at all. */
function withHeaders(counted: readonly CountedRequest[], keep: (item: CountedRequest) => boolean): CountedRequest[] | null {
  const candidates = counted.filter((item) => !item.thirdParty && hasBody(item) && keep(item));
  const observed = candidates.filter((item) => item.request.headers != null);
  return candidates.length > 0 && observed.length === 0 ? null : observed;
}

/** Cache-Control that forbids reuse without asking the server again. */
const NO_REUSE = /\b(no-store|no-cache|max-age\s*=\s*0+\b)/i;

/**
 * 6.2: every first-party static resource (script, stylesheet, image, font) says
 * how long it may be cached: a Cache-Control that allows reuse, or, without
 * Cache-Control, an Expires date.
 */
export function cachingHeaders(counted: readonly CountedRequest[]): RgesnCheck {
  const observed = withHeaders(counted, (item) => STATIC_TYPES.has(item.request.type));
  if (observed === null) return unknown('6.2');
  if (observed.length === 0) return notApplicable('6.2');
  const uncached = observed.filter((item) => {
    const { cacheControl, expires } = item.request.headers!;
    if (cacheControl !== null && cacheControl.trim() !== '') return NO_REUSE.test(cacheControl);
    return expires === null || expires.trim() === '';
  });
  return result(
    '6.2',
    uncached.length === 0 ? 'pass' : 'fail',
    { cached: observed.length - uncached.length, total: observed.length },
    uncached.map((item) => shortUrl(item.request.url)),
  );
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|x-javascript|ecmascript|json|ld\+json|manifest\+json|xml|xhtml\+xml|rss\+xml|atom\+xml)|image\/svg\+xml)/i;
const ENCODED = /\b(br|gzip|zstd|deflate)\b/i;
/**
 * Bodies this small (transfer bytes, headers included) are left out: a
 * compressed encoding saves next to nothing there, and servers rightly skip it.
 */
export const MIN_COMPRESSIBLE_BYTES = 1024;

/** 6.3: compressible first-party responses (HTML, CSS, JS, JSON, SVG, text) sent with br, gzip, zstd or deflate. */
export function compression(counted: readonly CountedRequest[]): RgesnCheck {
  const observed = withHeaders(
    counted,
    (item) => item.bytes >= MIN_COMPRESSIBLE_BYTES && COMPRESSIBLE.test(item.request.mimeType ?? ''),
  );
  if (observed === null) return unknown('6.3');
  if (observed.length === 0) return notApplicable('6.3');
  const plain = observed.filter((item) => !ENCODED.test(item.request.headers!.contentEncoding ?? ''));
  return result(
    '6.3',
    plain.length === 0 ? 'pass' : 'fail',
    { compressed: observed.length - plain.length, total: observed.length },
    plain.map((item) => shortUrl(item.request.url)),
  );
}

/**
 * 6.7: every response over HTTP/2 or HTTP/3, and the site's static files
 * (scripts, stylesheets, images, fonts) from one host name. Requests whose
 * protocol the capture did not record are left out; when none has one, the
 * check cannot be decided.
 */
export function protocolAndHosts(counted: readonly CountedRequest[]): RgesnCheck {
  const known = counted.filter((item) => !item.failed && !item.request.fromCache && typeof item.request.protocol === 'string');
  if (known.length === 0) return unknown('6.7');
  const legacy = known.filter((item) => !/^h[23]/.test(item.request.protocol!));
  const staticHosts = new Set(
    counted
      .filter((item) => !item.thirdParty && STATIC_TYPES.has(item.request.type) && item.url.host !== null)
      .map((item) => item.url.host!),
  );
  const legacyHosts = [...new Set(legacy.map((item) => `${item.url.host ?? '?'} (${item.request.protocol})`))];
  const evidence = [...legacyHosts, ...(staticHosts.size > 1 ? [...staticHosts].sort().map((host) => `static:${host}`) : [])];
  return result(
    '6.7',
    legacy.length === 0 && staticHosts.size <= 1 ? 'pass' : 'fail',
    { legacy: legacy.length, total: known.length, hosts: staticHosts.size },
    evidence,
  );
}
