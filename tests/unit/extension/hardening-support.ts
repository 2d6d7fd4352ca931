// Shared by the hardening- unit tests.
export { buildPassiveCapture } from '../../../src/collect/webrequest';
import { RecordedTab } from '../../../src/collect/webrequest';

/** The stored-state schema's reading of a value (null when it does not match). */
export function parseStoredTabShape(value: unknown): RecordedTab | null {
  const parsed = RecordedTab.safeParse(value);
  return parsed.success ? parsed.data : null;
}
