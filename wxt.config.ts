import { resolve } from 'node:path';
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
  vite: () => ({ plugins: [withoutZodEvalProbe()] }),
  hooks: {
    // Content scripts get the browser's own promise-based API instead of the
    // polyfill (src/extension/native-browser.ts says why): the first alias
    // that matches wins, so ours goes before the polyfill module's.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.resolve ??= {};
      const existing = config.resolve.alias ?? [];
      const list = Array.isArray(existing)
        ? existing
        : Object.entries(existing).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: resolve('src/extension/native-browser.ts') },
        ...list,
      ];
    },
  },
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
            gecko: {
              id: 'empreinte@empreinte.eu',
              // 140 (the current ESR) is the first to read data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing leaves the browser unless the user turns online checks on
              // (then only host names, to The Green Web Foundation: README).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

/**
 * zod is configured `jitless` (src/core/zod.ts), so its `allowsEval` probe
 * returns before ever calling `new Function`; the dead call still makes
 * `web-ext lint` warn (DANGEROUS_EVAL) and reviewers ask. The extension never
 * evaluates code: the probe is replaced by its jitless answer at build time.
 */
function withoutZodEvalProbe() {
  const probe = /const F = Function;\s*new F\(""\);\s*return true;/;
  return {
    name: 'empreinte:zod-without-eval-probe',
    transform(code: string, id: string) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/.test(id)) return null;
      if (!probe.test(code)) throw new Error(`zod's eval probe changed shape in ${id}: update wxt.config.ts`);
      return { code: code.replace(probe, 'return false;'), map: null };
    },
  };
}
