import { analyse } from '../../src/core/analyse';
import { harToCaptures, parseHarText } from '../../src/collect/har';
import { captureToHar } from '../../src/collect/har-export';
import { loadCatalogs } from '../../src/data/index';
import type { PageCapture } from '../../src/core/capture';
import type { ReportEntry } from '../../src/ui/report-page';
import { toolVersion } from '../../src/version';

/**
 * The HAR side of the report page: a HAR file's text becomes one report per
 * page (or one line saying why not), and a capture becomes a HAR to save.
 * No browser API: unit tests call these directly.
 */

export type HarOpening = { ok: true; entries: ReportEntry[] } | { ok: false; message: string };

export function openHar(text: string): HarOpening {
  try {
    const captures = harToCaptures(parseHarText(text), { fallbackCapturedAt: new Date().toISOString() });
    const catalogs = loadCatalogs();
    return { ok: true, entries: captures.map((capture) => ({ capture, report: analyse(capture, catalogs, { toolVersion }) })) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: message.split('\n')[0]!.slice(0, 300) };
  }
}

/** The capture as HAR 1.2 text, redacted (see src/collect/har-export.ts). */
export function harTextOf(capture: PageCapture): string {
  return `${JSON.stringify(captureToHar(capture, { redact: true, creator: { name: 'Empreinte', version: toolVersion } }), null, 2)}\n`;
}
