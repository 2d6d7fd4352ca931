import { co2 } from '@tgwf/co2';
import { describe, expect, it } from 'vitest';
import {
  computeCo2,
  DEFAULT_GRID_INTENSITY,
  gridIntensityForCountry,
  gridIntensityRegions,
  SWD_V4_GLOBAL_GRID_INTENSITY,
} from '../../../src/core/co2';
import { Co2 } from '../../../src/core/report';

const sum = (c: ReturnType<typeof computeCo2>) => c.breakdown.dataCentre + c.breakdown.network + c.breakdown.device;

describe('CO2 per view (SWD v4 through @tgwf/co2)', () => {
  it('0 bytes → 0 g in every segment', () => {
    const result = computeCo2(0);
    expect(result).toEqual({
      grams: 0,
      model: 'swd-v4',
      gridIntensity: { gramsPerKwh: 494, region: 'world' },
      greenHosting: null,
      breakdown: { dataCentre: 0, network: 0, device: 0 },
    });
    expect(Co2.parse(result)).toEqual(result);
  });

  it('1 MB at the global average gives the model figure (0.1482 g)', () => {
    expect(computeCo2(1_000_000).grams).toBe(0.1482);
  });

  it('our default grid intensity reproduces the package default', () => {
    const packageDefault = new co2({ model: 'swd', version: 4 }).perByte(2_500_000);
    expect(DEFAULT_GRID_INTENSITY.gramsPerKwh).toBe(SWD_V4_GLOBAL_GRID_INTENSITY);
    expect(computeCo2(2_500_000).grams).toBeCloseTo(packageDefault, 4);
  });

  it('grows with bytes', () => {
    const sizes = [1, 1_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
    const grams = sizes.map((bytes) => computeCo2(bytes).grams);
    for (let i = 1; i < grams.length; i++) expect(grams[i]!).toBeGreaterThanOrEqual(grams[i - 1]!);
    expect(grams.at(-1)!).toBeGreaterThan(grams[1]!);
  });

  it.each([123_456, 2_400_000, 31_000_000])('the breakdown of %i bytes sums to the total within rounding', (bytes) => {
    for (const green of [null, true, false]) {
      const result = computeCo2(bytes, DEFAULT_GRID_INTENSITY, green);
      expect(Math.abs(sum(result) - result.grams)).toBeLessThanOrEqual(0.0002);
    }
  });

  it('green hosting lowers the data centre part only', () => {
    const grey = computeCo2(5_000_000, DEFAULT_GRID_INTENSITY, false);
    const green = computeCo2(5_000_000, DEFAULT_GRID_INTENSITY, true);
    expect(green.grams).toBeLessThan(grey.grams);
    expect(green.breakdown.dataCentre).toBeLessThan(grey.breakdown.dataCentre);
    expect(green.breakdown.dataCentre).toBeGreaterThan(0); // embodied emissions remain
    expect(green.breakdown.network).toBe(grey.breakdown.network);
    expect(green.breakdown.device).toBe(grey.breakdown.device);
    expect(green.greenHosting).toBe(true);
    // not checked counts as not green, and says so
    const unknown = computeCo2(5_000_000);
    expect(unknown.grams).toBe(grey.grams);
    expect(unknown.greenHosting).toBeNull();
  });

  it("France's low-carbon grid gives less than the world average", () => {
    const france = gridIntensityForCountry('fra');
    expect(france).not.toBeNull();
    expect(france!.region).toBe('FRA');
    expect(france!.gramsPerKwh).toBeGreaterThan(0);
    expect(france!.gramsPerKwh).toBeLessThan(150);
    const result = computeCo2(2_000_000, france!);
    expect(result.grams).toBeLessThan(computeCo2(2_000_000).grams);
    expect(result.gridIntensity).toEqual(france);
  });

  it('an unknown country has no grid intensity; the region list is sorted and usable', () => {
    expect(gridIntensityForCountry('XXX')).toBeNull();
    expect(gridIntensityForCountry('constructor')).toBeNull();
    const regions = gridIntensityRegions();
    expect(regions).toContain('FRA');
    expect(regions).toContain('WORLD');
    expect([...regions].sort()).toEqual(regions);
    for (const region of regions) expect(gridIntensityForCountry(region)!.gramsPerKwh).toBeGreaterThan(0);
  });

  it.each([0, -10, Number.NaN])('refuses a grid intensity of %s with a RangeError', (gramsPerKwh) => {
    expect(() => computeCo2(1_000, { gramsPerKwh, region: 'x' })).toThrow(RangeError);
  });
});
