import { describe, expect, it } from 'vitest';
import { sectorStats } from '../../../src/cli/audit/sector-stats';
import { organisationsCsv, ORGANISATION_COLUMNS, QUICK_WIN_COLUMNS, quickWinsCsv, summaryCsv, SUMMARY_COLUMNS } from '../../../src/cli/audit/sector-csv';
import { harReport, rowOf, venueReport } from './sector-support';

const lune = venueReport('lune.fr', { phone: true });
const refused = venueReport('lune.fr', { phone: true, afterClick: true, consentState: 'refused' });
const zdnet = harReport('www.zdnet.com.har');
const rows = [
  rowOf(lune, { site: 'lune.fr', name: '=HYPERLINK("http://evil.example";"clic")' }),
  rowOf(refused, { site: 'lune.fr', consent: 'refuse' }),
  rowOf(zdnet, { site: 'zdnet.com', name: 'ZDNet; "news"' }),
  rowOf(null, { site: 'broken.fr', failure: { kind: 'http', message: 'HTTP 503 Service Unavailable', httpStatus: 503 } }),
];

/** Splits a CSV line on `separator` outside quotes (enough for these cells). */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (char === separator && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += char;
  }
  return [...out, cell];
}

function table(csv: string, separator: string): Record<string, string>[] {
  const [header, ...lines] = csv.replace(/^\ufeff/, '').replace(/\r\n$/, '').split('\r\n');
  const names = cells(header!, separator);
  return lines.map((line) => Object.fromEntries(cells(line, separator).map((value, index) => [names[index], value])));
}

describe('summary.csv', () => {
  const csv = summaryCsv(rows, 'fr');

  it('opens in French spreadsheets: BOM, semicolons, CRLF, decimal comma', () => {
    expect(csv.startsWith('\ufeffurl;finalUrl;site;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    const [first] = table(csv, ';');
    expect(Object.keys(first!)).toEqual([...SUMMARY_COLUMNS]);
    expect(first!.co2Grams).toBe(String(Math.round(lune.footprint.co2.grams * 1000) / 1000).replace('.', ','));
    expect(first!.bytes).toBe(String(lune.footprint.bytes));
    expect(first!.phoneFound).toBe('oui');
  });

  it('holds one row per page and consent mode with the contract fields', () => {
    const parsed = table(csv, ';');
    expect(parsed.map((row) => row.consentRequested)).toEqual(['none', 'refuse', 'none', 'none']);
    expect(parsed[1]).toMatchObject({ consentObtained: 'refused', consentOutcome: 'done', consentManager: 'axeptio' });
    expect(parsed[0]).toMatchObject({
      dependencyGrade: lune.scores.dependencies!.grade,
      ecoIndexGrade: lune.scores.environment!.grade,
      trackers: '2',
      trackersBeforeInteraction: '2',
      aiWidgets: 'Chatbase',
      ticketing: 'Billetweb',
      parents: 'Alphabet | Billetweb | Chatbase | Meta',
    });
    // a HAR cannot tell what fired before interaction: empty, not zero
    expect(parsed[2]).toMatchObject({ trackersBeforeInteraction: '', ecoIndexGrade: '', phoneFound: '' });
    expect(parsed[3]).toMatchObject({ status: 'failed', failureKind: 'http', failureMessage: 'HTTP 503 Service Unavailable', httpStatus: '503', bytes: '' });
  });

  it('neutralises formulas and quotes cells holding the separator or quotes', () => {
    const parsed = table(csv, ';');
    expect(parsed[0]!.name).toBe(`'=HYPERLINK("http://evil.example";"clic")`);
    expect(csv).toContain('"ZDNet; ""news"""');
  });

  it('uses commas and decimal points in English', () => {
    const english = summaryCsv(rows, 'en');
    expect(english.startsWith('\ufeffurl,finalUrl,')).toBe(true);
    expect(table(english, ',')[0]!.co2Grams).toBe(String(Math.round(lune.footprint.co2.grams * 1000) / 1000));
  });
});

describe('organisations.csv', () => {
  const parsed = table(organisationsCsv(rows, 'fr'), ';');

  it('has one row per site and organisation, from the untouched state', () => {
    expect(Object.keys(parsed[0]!)).toEqual([...ORGANISATION_COLUMNS]);
    const luneRows = parsed.filter((row) => row.site === 'lune.fr');
    expect(luneRows.map((row) => row.organisation).sort()).toEqual(
      [...new Set(lune.thirdParties.map((party) => party.organisation ?? ''))].sort(),
    );
    // requests from the untouched page only, not added to the refused one's
    const total = lune.thirdParties.reduce((sum, party) => sum + party.requests, 0);
    expect(luneRows.reduce((sum, row) => sum + Number(row.requests), 0)).toBe(total);
    expect(parsed.some((row) => row.site === 'broken.fr')).toBe(false);
  });

  it('marks trackers and what fired before interaction, with the share of requests', () => {
    const google = parsed.find((row) => row.site === 'lune.fr' && row.parent === 'Alphabet')!;
    expect(google).toMatchObject({ tracker: 'oui', beforeInteraction: 'oui', domains: 'googletagmanager.com' });
    const shares = parsed.filter((row) => row.site === 'zdnet.com').reduce((sum, row) => sum + Number((row.requestShare ?? '').replace(',', '.')), 0);
    expect(shares).toBeCloseTo(1, 1);
  });
});

describe('quick-wins.csv', () => {
  const stats = sectorStats(rows);
  const parsed = table(quickWinsCsv(stats.quickWins, 'fr'), ';');

  it('has one row per action across the sample, in the report\'s order, each site counted once', () => {
    expect(Object.keys(parsed[0]!)).toEqual([...QUICK_WIN_COLUMNS]);
    expect(parsed.map((row) => row.id)).toEqual(stats.quickWins.wins.map((win) => win.id));
    expect(parsed.map((row) => row.rank)).toEqual(parsed.map((_, index) => String(index + 1)));
    // lune's refused row is the same page: its actions are not counted a second time
    const gtm = parsed.find((row) => row.id === 'remove-tracker:googletagmanager.com')!;
    expect(gtm).toMatchObject({ action: 'remove-tracker', target: 'googletagmanager.com', title: 'Retirer Google Tag Manager (googletagmanager.com)', sites: '1', share: '0,5', siteList: 'lune.fr' });
    const step = lune.plan!.find((candidate) => candidate.id === gtm.id)!;
    expect(gtm.bytesSavedTotal).toBe(String(lune.footprint.bytes - step.after.footprint.bytes));
    expect(gtm.gradeUps).toBe(step.after.scores.dependencies.grade < lune.scores.dependencies!.grade ? '1' : '0');
  });

  it('lists the organisations no longer reached', () => {
    const tealium = parsed.find((row) => row.id === 'remove-tracker:tiqcdn.com')!;
    expect(tealium.organisations!.split(' | ')).toContain('Tealium');
    expect(tealium.siteList).toBe('zdnet.com');
    // a catalog id is not shown; a domain is, so that one company's several domains read apart
    expect(parsed.find((row) => row.id === 'remove-tracker:meta-pixel')!.title).toBe('Retirer Meta Pixel');
    expect(parsed.filter((row) => row.title!.startsWith('Retirer Google/Doubleclick Ads (')).length).toBeGreaterThan(1);
  });
});

describe('summary.csv and the sector report agree', () => {
  it('gives the same grade counts, weights and tracker figures as the statistics', () => {
    const parsed = table(summaryCsv(rows, 'en'), ',');
    const stats = sectorStats(rows);
    // the report counts each page once, in its untouched state: the `none` rows here
    const untouched = parsed.filter((row) => row.consentRequested === 'none' && row.status === 'ok');
    for (const grade of ['A', 'B', 'C', 'D', 'E'] as const) {
      expect(untouched.filter((row) => row.dependencyGrade === grade)).toHaveLength(stats.dependencyGrades[grade]);
    }
    expect(untouched.filter((row) => row.ecoIndexGrade === '')).toHaveLength(stats.ungraded.ecoIndex);
    expect(parsed.filter((row) => row.status === 'failed')).toHaveLength(stats.sample.failed);
    const bytes = untouched.map((row) => Number(row.bytes)).sort((a, b) => a - b);
    expect(stats.weight.medianBytes).toBe((bytes[0]! + bytes[1]!) / 2);
    const withTrackersBefore = new Set(untouched.filter((row) => Number(row.trackersBeforeInteraction) > 0).map((row) => row.site));
    expect(stats.trackersBefore.sitesWith).toBe(withTrackersBefore.size);
  });
});
