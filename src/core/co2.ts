import { co2, averageIntensity, type SegmentResults } from '@tgwf/co2';
import type { Co2 } from './report';

/**
 * CO2 per page view with the Sustainable Web Design model v4 (SWD v4), computed
 * by The Green Web Foundation's `@tgwf/co2` (Apache-2.0).
 * Method: https://sustainablewebdesign.org/estimating-digital-emissions/
 *
 * SWD v4 turns transferred bytes into energy per segment (data centre, network,
 * user device), each split into:
 * - operational energy (electricity used while serving, carrying and showing
 *   the bytes), multiplied by the chosen grid intensity;
 * - embodied energy (the share of making the equipment), which the model always
 *   multiplies by its global grid intensity, since the hardware is made elsewhere.
 * Green hosting removes the data centre's operational part only (green hosting
 * factor 1); embodied emissions and the network and device segments remain.
 * Our breakdown is operational + embodied per segment, so it sums to the total.
 *
 * We use perByte (one first view), not perVisit: SWD v4's perVisit defaults to
 * 100 % first views with no reloaded data, which gives the same figure, and
 * perVisitTrace logs warnings for its unset visit options.
 */

export const CO2_MODEL = 'swd-v4';

/**
 * SWD v4's global average grid intensity (gCO2e/kWh): the value @tgwf/co2 0.19
 * uses when none is given (constants SWDV4.GLOBAL_GRID_INTENSITY, not exported
 * by the package; a test checks that our default reproduces its default result).
 */
export const SWD_V4_GLOBAL_GRID_INTENSITY = 494;

export interface GridIntensity {
  gramsPerKwh: number;
  region: string;
}

export const DEFAULT_GRID_INTENSITY: GridIntensity = { gramsPerKwh: SWD_V4_GLOBAL_GRID_INTENSITY, region: 'world' };

const model = new co2({ model: 'swd', version: 4, results: 'segment' });

/** Grams rounded to 0.1 mg: more digits would claim a precision the model does not have. */
const roundGrams = (grams: number): number => Math.round(grams * 10000) / 10000;

/**
 * CO2 of one page view of `bytes` transfer bytes. `greenHosting` null means
 * "not checked" and counts as not green, as the model does. Throws RangeError
 * on a grid intensity that is not a positive number.
 */
export function computeCo2(
  bytes: number,
  gridIntensity: GridIntensity = DEFAULT_GRID_INTENSITY,
  greenHosting: boolean | null = null,
): Co2 {
  const g = gridIntensity.gramsPerKwh;
  // A setting gone wrong must not turn into a silently wrong figure.
  if (!Number.isFinite(g) || g <= 0) throw new RangeError(`grid intensity must be a positive number of gCO2e/kWh, got ${g}`);
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`CO2: bytes must be a number ≥ 0, got ${bytes}`);
  const trace = model.perByteTrace(bytes, greenHosting === true, {
    gridIntensity: { device: g, dataCenter: g, network: g },
  });
  // @tgwf/co2 returns the number 0 instead of segments when bytes < 1.
  const segments: SegmentResults | null = typeof trace.co2 === 'number' ? null : trace.co2;
  const greenFactor = greenHosting === true ? 1 : 0;
  const dataCentre = segments
    ? segments.dataCenterOperationalCO2e * (1 - greenFactor) + segments.dataCenterEmbodiedCO2e
    : 0;
  const network = segments ? segments.networkCO2e : 0;
  const device = segments ? segments.consumerDeviceCO2e : 0;
  return {
    grams: roundGrams(segments ? segments.total : 0),
    model: CO2_MODEL,
    gridIntensity: { gramsPerKwh: g, region: gridIntensity.region },
    greenHosting,
    breakdown: { dataCentre: roundGrams(dataCentre), network: roundGrams(network), device: roundGrams(device) },
  };
}

/**
 * A country's average grid intensity from @tgwf/co2's data (Ember annual
 * averages), by ISO 3166-1 alpha-3 code (`FRA`) or a region it lists (`WORLD`,
 * `EU` …); null when unknown. For the options page's setting.
 */
export function gridIntensityForCountry(code: string): GridIntensity | null {
  const key = code.trim().toUpperCase();
  const value = Object.hasOwn(averageIntensity.data, key) ? averageIntensity.data[key] : undefined;
  if (typeof value !== 'number' || !(value > 0)) return null;
  return { gramsPerKwh: value, region: key };
}

/** The regions @tgwf/co2 has an average grid intensity for (sorted codes). */
export function gridIntensityRegions(): string[] {
  return Object.keys(averageIntensity.data)
    .filter((key) => (averageIntensity.data[key] ?? 0) > 0)
    .sort();
}
