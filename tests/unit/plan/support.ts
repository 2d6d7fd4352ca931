import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PageCapture } from '../../../src/core/capture';
import { loadCatalogs } from '../../../src/data/index';

export const catalogs = loadCatalogs();
export const options = { toolVersion: 'test' };

/** The demo venue (demo/site) as `empreinte demo` captured it in real Chromium (tests/fixtures/captures/README.md). */
export function demoCapture(): PageCapture {
  const path = fileURLToPath(new URL('../../fixtures/captures/demo-theatre-de-la-lune.json', import.meta.url));
  return PageCapture.parse(JSON.parse(readFileSync(path, 'utf8')));
}
