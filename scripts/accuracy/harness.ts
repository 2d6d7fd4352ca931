// What the accuracy benchmark (./run.mjs) needs from the project's TypeScript
// sources, bundled by esbuild at run time: the local fake internet, the
// Chromium flags, and the extension's passive pipeline (recorded tab state →
// PageCapture → Report), run exactly as the popup runs it.
export { startSiteServer, type SiteServer } from '../../src/cli/site-server';
export { standardChromiumArgs } from '../../src/cli/chromium';
export { RecordedTab, TAB_STATE_VERSION, buildPassiveCapture } from '../../src/collect/webrequest';
export { analyse } from '../../src/core/analyse';
export { loadCatalogs } from '../../src/data/index';
