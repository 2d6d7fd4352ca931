/**
 * Escaping for the standalone HTML report: a tagged template that escapes
 * every interpolation, except fragments already built by `html` itself.
 * Titles, URLs, domains, cookie names and evidence come from the page being
 * measured and may be hostile.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML (and inline SVG) element content and quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}
export type Part = string | number | Html | readonly Html[] | null;

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, index) => {
    out += fragment(part) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

function fragment(part: Part): string {
  if (part === null) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map((item: Html) => item.text).join('');
  return escapeHtml(part as string | number);
}
