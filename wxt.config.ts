import { defineConfig } from 'wxt';

// The extension's manifest and build. See ../shared/ARCHITECTURE.md for why
// each permission is there; README.md explains them to users.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports from '#imports' keep browser use searchable and let
  // src/core provably run in Node (STYLE.md).
  imports: false,
  // Parallel work (and CI shards) can build into separate folders without
  // overwriting each other's extension: EMPREINTE_WXT_OUT=.output-b.
  outDir: process.env.EMPREINTE_WXT_OUT ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: [
      'webRequest',
      'webNavigation',
      'storage',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'empreinte@empreinte.eu', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
