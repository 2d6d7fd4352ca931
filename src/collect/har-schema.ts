import { describeIssues, z } from '../core/zod';
import { locateJsonError } from './json-error';

/**
 * The part of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) that
 * the import reads, plus the underscore fields Chrome DevTools, chrome-har
 * (sitespeed.io) and WebPageTest add. Objects are loose: every tool adds its
 * own fields and a HAR is still legal with them. Only what the conversion
 * needs is required (a request URL, a response object); sizes may be -1
 * ("unknown", as the spec says) and most fields may be missing.
 */

/** Refuse bigger files before parsing: a HAR this size is not one page load, and parsing it could exhaust memory. */
export const HAR_MAX_BYTES = 200 * 1000 * 1000;

/** A HAR that cannot be imported; the message is one line naming the problem. */
export class HarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HarError';
  }
}

/**
 * Numbers as most exporters write them; some (proxies, older tools) write
 * `"200"` or `null` instead — the meaning is plain, so it is read, not refused.
 */
const looseNumber = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number), z.null()])
  .optional()
  .transform((value) => value ?? undefined);
const size = looseNumber;
const optionalString = z.string().optional();

const HarCookie = z.looseObject({
  name: z.string(),
  domain: z.string().nullish(),
  expires: z.string().nullish(),
});

const HarRequest = z.looseObject({
  method: optionalString,
  url: z.string().min(1),
});

const HarResponse = z.looseObject({
  status: looseNumber,
  content: z.looseObject({ mimeType: z.string().nullish(), size }).optional(),
  headersSize: size,
  bodySize: size,
  cookies: z.array(HarCookie).optional(),
  redirectURL: z.string().nullish(),
  /** Chrome DevTools and chrome-har: bytes on the wire, headers included */
  _transferSize: z.number().nullish(),
  /** Chrome DevTools: the network error of a failed request */
  _error: z.string().nullish(),
  /** chrome-har: served from the disk cache */
  fromDiskCache: z.boolean().optional(),
});

/** Chrome DevTools writes an object; chrome-har a URL string (with `_initiator_type` beside it). */
const HarInitiator = z.union([z.string(), z.looseObject({ type: optionalString, url: optionalString })]);

const HarEntry = z.looseObject({
  pageref: optionalString,
  startedDateTime: optionalString,
  request: HarRequest,
  response: HarResponse,
  cache: z.looseObject({}).nullish(),
  timings: z.looseObject({}).optional(),
  serverIPAddress: optionalString,
  _resourceType: optionalString,
  _initiator: HarInitiator.nullish(),
  _initiator_type: optionalString,
  /** Chrome DevTools: "memory" or "disk" when served from the cache */
  _fromCache: z.union([z.string(), z.boolean()]).nullish(),
  /** some exporters put the transfer size on the entry rather than the response */
  _transferSize: z.number().nullish(),
});

const HarPage = z.looseObject({
  id: z.string(),
  startedDateTime: optionalString,
  title: z.string().nullish(),
});

const HarNamed = z.looseObject({ name: z.string(), version: optionalString });

export const Har = z.looseObject({
  log: z.looseObject({
    version: optionalString,
    creator: HarNamed.optional(),
    browser: HarNamed.optional(),
    pages: z.array(HarPage).optional(),
    entries: z.array(HarEntry),
  }),
});
export type Har = z.infer<typeof Har>;
export type HarEntry = z.infer<typeof HarEntry>;
export type HarPage = z.infer<typeof HarPage>;

/**
 * Parses a HAR file's text: size limit first, then JSON (a syntax error says
 * where, as line and column), then the HAR schema (naming the field).
 */
export function parseHarText(text: string): Har {
  if (text.length > HAR_MAX_BYTES) {
    throw new HarError(`file too large (over ${HAR_MAX_BYTES / 1e6} MB): split the recording into smaller HAR files`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HarError(describeJsonError(text, error));
  }
  return validateHar(json);
}

/** Validates already-parsed JSON as a HAR. */
export function validateHar(json: unknown): Har {
  if (typeof json !== 'object' || json === null || !('log' in json)) {
    throw new HarError('not a HAR file: no "log" object at the top level');
  }
  const result = Har.safeParse(json);
  if (!result.success) throw new HarError(`invalid HAR: ${describeIssues(result.error)}`);
  return result.data;
}

function describeJsonError(text: string, error: unknown): string {
  if (text.trim() === '') return 'not valid JSON: the file is empty';
  const offset = locateJsonError(text);
  if (offset === text.length) return 'not valid JSON: the file ends too early (truncated?)';
  const message = error instanceof Error ? error.message : String(error);
  // V8's reason without its position or excerpt, which the line and column replace; for an
  // unexpected token, the character the scanner stopped at (V8 may name a later one, as in "nope").
  const reason =
    offset !== null && /^Unexpected token/.test(message)
      ? `unexpected character ${JSON.stringify(text[offset])}`
      : message.replace(/\s*in JSON at position \d+[\s\S]*$/, '').split('\n')[0]?.slice(0, 120);
  if (offset === null) return `not valid JSON: ${reason}`;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `not valid JSON at line ${line}, column ${column}: ${reason}`;
}
