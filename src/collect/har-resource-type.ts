import type { ResourceType } from '../core/capture';

/**
 * The resource type of a HAR entry. Chrome writes `_resourceType` (the
 * DevTools type, lowercased); other tools write nothing, and old chrome-har
 * files say "other" for most scripts and images. So `_resourceType` wins
 * unless it is missing or "other"; then the MIME type decides, then the URL.
 */

/** Chrome DevTools resource types (Network.ResourceType, lowercased) mapped onto ours. */
const devtoolsTypes: Record<string, ResourceType> = {
  document: 'document',
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  font: 'font',
  media: 'media',
  xhr: 'xhr',
  fetch: 'fetch',
  eventsource: 'xhr',
  websocket: 'websocket',
  manifest: 'manifest',
  ping: 'beacon',
  beacon: 'beacon',
  cspviolationreport: 'beacon',
  texttrack: 'media',
  prefetch: 'other',
  preflight: 'other',
  signedexchange: 'document',
};

export function resourceTypeOf(declared: string | undefined, mimeType: string | null, url: string): ResourceType {
  const known = declared ? devtoolsTypes[declared.toLowerCase()] : undefined;
  if (known) return known;
  if (/^wss?:/i.test(url)) return 'websocket';
  return (mimeType ? typeFromMime(mimeType) : null) ?? typeFromUrl(url) ?? 'other';
}

function typeFromMime(mime: string): ResourceType | null {
  const type = mime.toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'document';
  if (type === 'text/css') return 'stylesheet';
  if (/javascript|ecmascript/.test(type)) return 'script';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('font/') || /font|woff|opentype|truetype/.test(type)) return 'font';
  if (type.startsWith('video/') || type.startsWith('audio/') || /mpegurl|dash\+xml/.test(type)) return 'media';
  if (type === 'application/manifest+json') return 'manifest';
  if (/json|xml/.test(type)) return 'xhr';
  return null;
}

const extensions: [RegExp, ResourceType][] = [
  [/\.(m?js)$/, 'script'],
  [/\.css$/, 'stylesheet'],
  [/\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$/, 'image'],
  [/\.(woff2?|ttf|otf|eot)$/, 'font'],
  [/\.(mp4|webm|mp3|ogg|m4a|m3u8|mpd|ts)$/, 'media'],
  [/\.(html?|php|aspx?)$/, 'document'],
  [/\.(webmanifest)$/, 'manifest'],
];

function typeFromUrl(url: string): ResourceType | null {
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return null;
  }
  for (const [pattern, type] of extensions) if (pattern.test(path)) return type;
  return null;
}
