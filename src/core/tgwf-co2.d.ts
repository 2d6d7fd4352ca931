// @tgwf/co2 0.19 ships no type declarations: these cover what src/core/co2.ts uses.
// Shapes read from node_modules/@tgwf/co2/dist/esm/{co2,sustainable-web-design-v4}.js.
declare module '@tgwf/co2' {
  export interface SegmentResults {
    dataCenterOperationalCO2e: number;
    networkOperationalCO2e: number;
    consumerDeviceOperationalCO2e: number;
    dataCenterEmbodiedCO2e: number;
    networkEmbodiedCO2e: number;
    consumerDeviceEmbodiedCO2e: number;
    totalEmbodiedCO2e: number;
    totalOperationalCO2e: number;
    dataCenterCO2e: number;
    networkCO2e: number;
    consumerDeviceCO2e: number;
    total: number;
  }
  export interface TraceOptions {
    gridIntensity?: { device?: number; dataCenter?: number; network?: number };
    greenHostingFactor?: number;
  }
  export interface ByteTrace<T> {
    co2: T;
    green: boolean;
    variables: { bytes: number; greenHostingFactor?: number; gridIntensity: Record<string, { value: number }> };
  }
  export class co2 {
    constructor(options?: { model?: 'swd' | '1byte'; version?: 3 | 4; results?: 'segment'; rating?: boolean });
    perByte(bytes: number, green?: boolean): number;
    /** with `results: 'segment'`, `co2` is SegmentResults — except for bytes < 1, where it is the number 0 */
    perByteTrace(bytes: number, green?: boolean, options?: TraceOptions): ByteTrace<SegmentResults | number>;
  }
  export const averageIntensity: { data: Record<string, number>; type: string };
}
