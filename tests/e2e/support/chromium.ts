// The Chromium that end-to-end tests drive, and the flags every launch needs.
// Shared by the CLI tests and the extension tests.
import { findChromium, standardChromiumArgs } from '../../../src/cli/chromium';

/** path of the system Chromium/Chrome (EMPREINTE_CHROMIUM overrides); throws a one-line error when none */
export const chromiumPath: string = findChromium();

/** quiet, reproducible flags (no background traffic; --no-sandbox as root) */
export const chromiumArgs: string[] = standardChromiumArgs();

/** flags that send every host name to the local site server on `port`, over HTTP or HTTPS */
export function fakeInternetArgs(port: number): string[] {
  return [`--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`, '--ignore-certificate-errors'];
}
