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

/**
 * A complete standalone document around `body`: inline `style`, a
 * Content-Security-Policy that allows nothing but that style (no script, no
 * external resource) and no referrer. `title` is text, escaped here.
 */
export function standaloneDocument(lang: string, title: string, style: string, body: Html): string {
  return `${html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${new Html(style)}</style>
</head>
<body>
${body}
</body>
</html>`}\n`;
}
