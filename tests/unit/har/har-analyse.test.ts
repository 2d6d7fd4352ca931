import { describe, expect, it } from 'vitest';
import { harToCaptures } from '../../../src/collect/har';
import { analyse } from '../../../src/core/analyse';
import { Report } from '../../../src/core/report';
import { loadCatalogs } from '../../../src/data/index';
import { rawPages, rawTransferBytes, readHar, realHarFiles } from './har-fixtures';

const catalogs = loadCatalogs();
const reportsOf = (file: string) =>
  harToCaptures(readHar(file)).map((capture) => analyse(capture, catalogs, { toolVersion: 'test' }));

describe('HAR import + analyse on real pages', () => {
  for (const file of realHarFiles) {
    it(`${file}: valid Reports whose requests and bytes match the HAR's entries`, () => {
      const pages = rawPages(readHar(file));
      const reports = reportsOf(file);
      expect(reports).toHaveLength(pages.length);
      reports.forEach((report, index) => {
        const entries = pages[index]!;
        expect(() => Report.parse(report)).not.toThrow();
        expect(report.page.method).toBe('har');
        expect(report.footprint.requests).toBe(entries.length);
        const sizes = entries.map(rawTransferBytes);
        // Every entry of these files carries a transfer size: nothing is estimated.
        expect(sizes.every((size) => size !== null)).toBe(true);
        expect(report.footprint.bytes).toBe(sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0));
        expect(report.footprint.bytesMeasuredShare).toBe(1);
        // No DOM in a HAR: EcoIndex is missing, and a note says why.
        expect(report.footprint.ecoIndex).toBeNull();
        expect(report.notes.map((note) => note.key)).toContain('note.dom.missing');
      });
    });
  }

  it('zdnet.com: dozens of third-party domains, Google and Facebook entities among them', () => {
    const [report] = reportsOf('www.zdnet.com.har');
    expect(report!.page.site).toBe('zdnet.com');
    expect(report!.thirdParties.length).toBeGreaterThanOrEqual(24);
    const entities = new Set(report!.thirdParties.map((party) => party.entity));
    // Entity names as third-party-web spells them.
    expect(entities).toContain('Facebook');
    expect([...entities].some((entity) => entity?.startsWith('Google'))).toBe(true);
    expect(entities).toContain('Google/Doubleclick Ads');
    const domains = report!.thirdParties.map((party) => party.domain);
    expect(domains).toContain('facebook.net');
    expect(domains).not.toContain('zdnet.com');
  });
});
