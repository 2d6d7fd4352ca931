// A UI string written into a lit template instead of the catalog would show
// in one language only: this test reads every html`…`/svg`…` template of the
// extension's pages and components and fails on any text node with letters
// outside `${…}` bindings (names and units on the allowlist aside).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Words that are the same in every language: the product, the method, units. */
const ALLOWED = new Set(['Empreinte', 'EcoIndex', 'CO2', 'kB', 'MB', 'ko', 'Mo', 'g', 'ms', 'kWh', 'RGESN', 'HAR', 'JSON', 'CSV', 'HTML']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Index just after the `}` closing an expression that starts at `i` (after `${`). */
function skipExpression(src: string, i: number): number {
  let depth = 1;
  while (i < src.length && depth > 0) {
    const c = src[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === "'" || c === '"') i = skipQuoted(src, i + 1, c);
    else if (c === '`') i = readTemplate(src, i + 1).end - 1;
    i++;
  }
  return i;
}

function skipQuoted(src: string, i: number, quote: string): number {
  while (i < src.length && src[i] !== quote) i += src[i] === '\\' ? 2 : 1;
  return i;
}

/** Reads a template literal from just after its opening backtick: its static text, bindings as spaces. */
export function readTemplate(src: string, i: number): { text: string; end: number } {
  let text = '';
  while (i < src.length && src[i] !== '`') {
    if (src[i] === '\\') {
      text += src.slice(i, i + 2);
      i += 2;
    } else if (src[i] === '$' && src[i + 1] === '{') {
      i = skipExpression(src, i + 2);
      text += '\u0000';
    } else {
      text += src[i];
      i++;
    }
  }
  return { text, end: i + 1 };
}

/** The words of a template's text nodes (tags, attributes, comments and entities removed). */
export function hardCodedWords(template: string): string[] {
  const text = template
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  return (text.match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? []).filter((word) => !ALLOWED.has(word));
}

export function offenders(paths: string[]): string[] {
  return paths.flatMap((path) => {
    const src = readFileSync(path, 'utf8');
    const found: string[] = [];
    for (const match of src.matchAll(/(?<![\w.$])(?:html|svg)`/g)) {
      const start = match.index ?? 0;
      // a template named in a comment is not one
      const line = src.slice(src.lastIndexOf('\n', start) + 1, start).trim();
      if (line.startsWith('*') || line.startsWith('/*') || line.includes('//')) continue;
      const { text } = readTemplate(src, start + match[0].length);
      // an attribute fragment (html` class="note"`) has no text node
      if (/^(\s*[\w:-]+="[^"]*")+\s*$/.test(text)) continue;
      const words = hardCodedWords(text);
      if (words.length > 0) found.push(`${path}: ${words.join(' ')}`);
    }
    return found;
  });
}

describe('UI strings come from the catalog', () => {
  it('finds a hard-coded word, and not a binding, a tag or an attribute', () => {
    expect(hardCodedWords(readTemplate('<p class="x" title=${t(lang, \'a\')}>${t(lang, `b`)} Bonjour</p>`', 0).text)).toEqual(['Bonjour']);
    expect(hardCodedWords(readTemplate('<span aria-hidden="true">${x} (${y})</span> Empreinte`', 0).text)).toEqual([]);
    expect(offenders([])).toEqual([]);
  });

  it('no lit template in src/ui or entrypoints has text outside ${…}', () => {
    expect(offenders([...files('src/ui'), ...files('entrypoints')])).toEqual([]);
  });
});
