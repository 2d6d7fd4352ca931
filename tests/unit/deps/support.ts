import type { PageCapture } from '../../../src/core/capture';
import type { DependencyContext } from '../../../src/core/dependencies/context';
import { parseRequestUrl } from '../../../src/core/party';
import { censusOf } from '../../../src/core/requests';
import { createMemo } from '../../../src/core/dependencies/memo';
import { loadCatalogs, type Catalogs } from '../../../src/data/index';

/** The context analyse() would build for a capture (src/core/analyse.ts). */
export function contextOf(capture: PageCapture, catalogs: Catalogs = loadCatalogs()): DependencyContext {
  const page = parseRequestUrl(capture.page.finalUrl);
  return {
    capture,
    counted: censusOf(capture, page.site).counted,
    pageSite: page.registrableDomain,
    catalogs,
    memo: createMemo(catalogs),
  };
}
