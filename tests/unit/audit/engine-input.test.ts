import { describe, expect, it } from 'vitest';
import { normaliseUrl, parseInput, splitCsvLine } from '../../../src/cli/audit/input';

describe('audit input', () => {
  it('reads one URL a line, skipping blanks and comments, numbering bad lines', () => {
    const text = '# venues of Brittany\nhttps://www.a.fr/\n\nwww.b.fr\n  # indented comment\nnot a url\nftp://c.fr/\nhttps://www.a.fr/#top\n';
    const { entries, problems } = parseInput(text);
    expect(entries.map((entry) => [entry.url, entry.line])).toEqual([
      ['https://www.a.fr/', 2],
      ['https://www.b.fr/', 4],
    ]);
    expect(problems).toEqual([
      { line: 6, value: 'not a url', reason: 'badUrl' },
      { line: 7, value: 'ftp://c.fr/', reason: 'badUrl' },
      { line: 8, value: 'https://www.a.fr/#top', reason: 'duplicate' },
    ]);
  });

  it('reads a French spreadsheet CSV: BOM, semicolons, quoted fields, optional columns in any order', () => {
    const text = '\uFEFFRégion;name;URL;category\r\nBretagne;"Scène ""Alpha""; la scène";https://www.alpha.fr;théâtre\r\n;Beta;www.beta.fr;\r\n';
    const { entries, problems } = parseInput(text);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { url: 'https://www.alpha.fr/', name: 'Scène "Alpha"; la scène', category: 'théâtre', region: null, line: 2 },
      { url: 'https://www.beta.fr/', name: 'Beta', category: null, region: null, line: 3 },
    ]);
  });

  it('reads a comma CSV, a quoted newline continuing the record, and reports bad cells by line', () => {
    const text = 'url,name,region\nhttps://a.fr/,"Théâtre\nde la Ville",Île-de-France\n,Sans adresse,\nhttps://A.FR,Doublon,\n';
    const { entries, problems } = parseInput(text);
    expect(entries).toEqual([{ url: 'https://a.fr/', name: 'Théâtre\nde la Ville', category: null, region: 'Île-de-France', line: 2 }]);
    expect(problems).toEqual([
      { line: 4, value: ',Sans adresse,', reason: 'badUrl' },
      { line: 5, value: 'https://A.FR', reason: 'duplicate' },
    ]);
  });

  it('a single `url` header column is a CSV too', () => {
    expect(parseInput('url\nwww.a.fr\n').entries.map((entry) => entry.url)).toEqual(['https://www.a.fr/']);
  });

  it('normalises: https for a bare host, lower-case host, no default port, no fragment', () => {
    expect(normaliseUrl('WWW.Theatre.FR')).toBe('https://www.theatre.fr/');
    expect(normaliseUrl('https://www.theatre.fr:443/saison#x')).toBe('https://www.theatre.fr/saison');
    expect(normaliseUrl('http://localhost:8080/')).toBe('http://localhost:8080/');
    expect(normaliseUrl('mailto:a@b.fr')).toBeNull();
    expect(normaliseUrl('theatre')).toBeNull();
    expect(normaliseUrl('https://a.fr/ b')).toBeNull();
  });

  it('splits CSV cells with quotes and separators inside', () => {
    expect(splitCsvLine('a;"b;c";"d ""e"""', ';')).toEqual(['a', 'b;c', 'd "e"']);
  });
});
