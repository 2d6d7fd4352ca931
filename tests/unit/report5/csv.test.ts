import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse';
import { harToCaptures } from '../../../src/collect/har';
import { loadCatalogs } from '../../../src/data/index';
import { csvCell, requestsCsv, thirdPartiesCsv, toCsv } from '../../../src/ui/export-csv';
import { readHar } from '../har/har-fixtures';

/** Splits CSV text into rows of cells (RFC 4180 quoting), so the tests read it as a spreadsheet would. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('CSV for spreadsheets', () => {
  it('starts with a UTF-8 BOM, separates with ; in French and , in English, ends lines with CRLF', () => {
    const fr = toCsv(['a', 'b'], [['é', 1.5]], 'fr');
    expect(fr.charCodeAt(0)).toBe(0xfeff);
    expect(fr).toBe('\ufeffa;b\r\né;1,5\r\n');
    expect(toCsv(['a', 'b'], [['é', 1.5]], 'en')).toBe('\ufeffa,b\r\né,1.5\r\n');
  });

  it('quotes cells holding the separator, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('a;b', 'fr')).toBe('"a;b"');
    expect(csvCell('a;b', 'en')).toBe('a;b');
    expect(csvCell('a,b', 'en')).toBe('"a,b"');
    expect(csvCell('say "hi"', 'fr')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', 'fr')).toBe('"two\nlines"');
    const rows = parseCsv(toCsv(['x'], [['say "hi"; \n bye']], 'fr').slice(1), ';');
    expect(rows[1]).toEqual(['say "hi"; \n bye']);
  });

  it('neutralises text cells a spreadsheet would run as a formula', () => {
    for (const payload of ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      const cell = csvCell(payload, 'fr');
      const [[value]] = parseCsv(cell + '\r\n', ';') as [[string]];
      expect(value.startsWith("'")).toBe(true);
      expect(value.slice(1)).toBe(payload);
    }
    // numbers stay numbers, negative ones included (they are not text)
    expect(csvCell(-3.25, 'fr')).toBe('-3,25');
    expect(csvCell('https://ok.example/?q=1', 'fr')).toBe('https://ok.example/?q=1');
  });

  it('writes booleans and missing values in words or empty', () => {
    expect(csvCell(true, 'fr')).toBe('oui');
    expect(csvCell(false, 'en')).toBe('no');
    expect(csvCell(null, 'fr')).toBe('');
  });
});

describe('report CSV exports', () => {
  const [capture] = harToCaptures(readHar('www.zdnet.com.har'));
  const report = analyse(capture!, loadCatalogs(), { toolVersion: 'test' });

  it('has one row per request, whose bytes add up to the capture', () => {
    const rows = parseCsv(requestsCsv(capture!, report, 'fr').slice(1), ';');
    expect(rows.length - 1).toBe(capture!.requests.length);
    const header = rows[0]!;
    const bytes = header.indexOf('octets');
    const url = header.indexOf('URL');
    expect(bytes).toBeGreaterThan(-1);
    const sum = rows.slice(1).reduce((total, row) => total + (row[bytes] ? Number(row[bytes]) : 0), 0);
    expect(sum).toBe(capture!.requests.reduce((total, request) => total + (request.bytes ?? 0), 0));
    expect(rows.slice(1).map((row) => row[url])).toEqual(capture!.requests.map((request) => request.url));
  });

  it('has one row per third party with its requests and bytes', () => {
    const rows = parseCsv(thirdPartiesCsv(report, 'en').slice(1), ',');
    expect(report.thirdParties.length).toBeGreaterThan(3);
    expect(rows.length - 1).toBe(report.thirdParties.length);
    const header = rows[0]!;
    for (const [index, party] of report.thirdParties.entries()) {
      const row = rows[index + 1]!;
      expect(row[header.indexOf('domain')]).toBe(party.domain);
      expect(Number(row[header.indexOf('requests')])).toBe(party.requests);
      expect(Number(row[header.indexOf('bytes')])).toBe(party.bytes);
    }
  });
});
