// Lint: TypeScript rules plus the module boundaries of ARCHITECTURE.md.
// Imports flow one way: data ← core ← (collect, ui) ← (extension, cli) ←
// entrypoints. core and data never touch a browser, Node or UI library; ui
// never imports `browser`; cli never imports wxt. The rule is enforced here,
// not by memory (as Dark Reader does with import/no-restricted-paths).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browserApis = ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@wxt-dev/*'];
const nodeApis = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'url', 'crypto'];
const uiLibs = ['lit', 'lit/*'];
const drivers = ['playwright-core', 'playwright-core/*', 'playwright', 'esbuild'];

/** Layers a folder may not import from, by relative path fragments. */
const layer = (files, { packages = [], folders = [], message }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(packages.length ? [{ group: packages, message }] : []),
          ...folders.map((folder) => ({
            group: [`**/${folder}`, `**/${folder}/*`, `**/${folder}/**`],
            message: `${message} (no import from src/${folder})`,
          })),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.output-*', '.wxt', '.cache', 'dist', 'coverage', 'tests/fixtures', 'demo-output', 'out', 'storage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build and tool scripts run in Node.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(['src/data/**'], {
    packages: [...browserApis, ...nodeApis, ...uiLibs, ...drivers, 'tldts', '@tgwf/*'],
    folders: ['core', 'collect', 'ui', 'extension', 'cli', 'i18n'],
    message: 'src/data holds catalogs and their schemas only',
  }),
  layer(['src/core/**'], {
    packages: [...browserApis, ...nodeApis, ...uiLibs, ...drivers],
    folders: ['collect', 'ui', 'extension', 'cli', 'i18n'],
    message: 'src/core is pure: zod, tldts, @tgwf/co2 and src/data only',
  }),
  layer(['src/collect/**'], {
    packages: [...browserApis, ...uiLibs, ...drivers],
    folders: ['ui', 'extension', 'cli'],
    message: 'src/collect turns observations into a PageCapture; drivers and browser glue live in cli and extension',
  }),
  layer(['src/ui/**'], {
    packages: [...browserApis, ...nodeApis, ...drivers],
    folders: ['collect', 'extension', 'cli'],
    message: 'src/ui renders a Report and never calls the browser',
  }),
  layer(['src/extension/**'], {
    packages: [...nodeApis, ...drivers],
    folders: ['cli'],
    message: 'src/extension is browser glue',
  }),
  layer(['src/cli/**'], {
    packages: [...browserApis],
    folders: ['extension'],
    message: 'src/cli runs in Node and never imports wxt',
  }),
  layer(['src/i18n/**'], {
    packages: [...browserApis, ...nodeApis, ...uiLibs, ...drivers],
    folders: ['core', 'collect', 'ui', 'extension', 'cli', 'data'],
    message: 'src/i18n is plain message catalogs',
  }),
);
