// What the accuracy benchmark (./run.mjs) needs from the project's TypeScript
// sources, bundled by esbuild at run time: the local fake internet, the
// Chromium flags, and the extension's passive pipeline (recorded tab state →
// PageCapture → Report), run exactly as the popup runs it, and how the
// end-to-end tests find a tab's record and wait for it to settle.
export { startSiteServer, type SiteServer } from '../../src/cli/site-server';
export { standardChromiumArgs } from '../../src/cli/chromium';
export { RecordedTab, buildPassiveCapture } from '../../src/collect/webrequest';
export { analyse } from '../../src/core/analyse';
export { loadCatalogs } from '../../src/data/index';
export { settledTabState, tabIdOf, waitForListeners } from '../../tests/e2e/support/extension';
