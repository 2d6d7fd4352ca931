/**
 * The list of sites to audit (`--input FILE`): one URL a line (blank lines
 * and `#` comments skipped), or a CSV whose header names a `url` column and
 * optionally `name`, `category`, `region` (`,` or `;` separated, quoted
 * fields, UTF-8 BOM tolerated — what French spreadsheets export). Invalid
 * lines are reported with their number and skipped; duplicates (same
 * normalised URL) are kept once, first occurrence wins.
 */

export interface InputEntry {
  /** normalised http(s) URL */
  url: string;
  name: string | null;
  category: string | null;
  region: string | null;
  /** 1-based line of the input file (0 for a URL given on the command line) */
  line: number;
}

export interface InputProblem {
  line: number;
  value: string;
  reason: 'badUrl' | 'duplicate';
}

export interface ParsedInput {
  entries: InputEntry[];
  problems: InputProblem[];
}

/**
 * The URL as a key: scheme and host lower-cased (URL does it), default port
 * and fragment dropped, a bare host name given https://. Null when it is not
 * an http(s) address.
 */
export function normaliseUrl(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || (!url.hostname.includes('.') && url.hostname !== 'localhost')) return null;
  url.hash = '';
  return url.href;
}

/** Splits one CSV record on `separator`, honouring "quoted ""fields""". */
export function splitCsvLine(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === separator) {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

/**
 * Logical lines with their 1-based numbers; a newline inside a quoted CSV
 * field continues the record (numbered by its first line).
 */
function records(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let pending: { line: number; text: string } | null = null;
  for (const [index, line] of lines.entries()) {
    if (pending) pending.text += `\n${line}`;
    else pending = { line: index + 1, text: line };
    // an odd number of quotes so far: the record goes on
    if (((pending.text.match(/"/g) ?? []).length & 1) === 1) continue;
    out.push(pending);
    pending = null;
  }
  if (pending) out.push(pending);
  return out;
}

function csvHeader(first: string): { separator: string; columns: string[] } | null {
  for (const separator of [';', ',', '\t']) {
    const columns = splitCsvLine(first, separator).map((column) => column.toLowerCase());
    if (columns.length > 1 && columns.includes('url')) return { separator, columns };
  }
  const single = first.trim().toLowerCase().replace(/^"|"$/g, '');
  return single === 'url' ? { separator: ',', columns: ['url'] } : null;
}

export function parseInput(text: string): ParsedInput {
  const all = records(text);
  const firstContent = all.find((record) => record.text.trim() !== '' && !record.text.trim().startsWith('#'));
  const header = firstContent ? csvHeader(firstContent.text) : null;
  const entries: InputEntry[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const record of all) {
    const value = record.text.trim();
    if (value === '' || value.startsWith('#') || record === firstContent && header) continue;
    let fields: Record<string, string> = { url: value };
    if (header) {
      const cells = splitCsvLine(record.text, header.separator);
      fields = Object.fromEntries(header.columns.map((column, i) => [column, cells[i] ?? '']));
    }
    const raw = fields['url'] ?? '';
    const url = normaliseUrl(raw);
    if (url === null) {
      problems.push({ line: record.line, value: raw || value, reason: 'badUrl' });
      continue;
    }
    if (seen.has(url)) {
      problems.push({ line: record.line, value: raw, reason: 'duplicate' });
      continue;
    }
    seen.add(url);
    const optional = (name: string) => (fields[name] ? fields[name]! : null);
    entries.push({ url, name: optional('name'), category: optional('category'), region: optional('region'), line: record.line });
  }
  return { entries, problems };
}
