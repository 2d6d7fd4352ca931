// The DevTools page: it only adds the "Empreinte" panel (precise mode,
// entrypoints/devtools-panel). The callback form of the API works in Chrome
// and Firefox alike, with or without the promise polyfill.
interface PanelsApi {
  create(title: string, iconPath: string, pagePath: string, callback?: () => void): void;
}
const devtools = (globalThis as unknown as { chrome?: { devtools?: { panels?: PanelsApi } } }).chrome?.devtools;
devtools?.panels?.create('Empreinte', '', '/devtools-panel.html', () => undefined);
