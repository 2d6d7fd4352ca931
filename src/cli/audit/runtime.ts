/**
 * Crawlee and the `playwright` launcher, loaded from node_modules at run
 * time rather than bundled into dist/cli/empreinte.mjs: crawlee's CommonJS
 * modules require Node built-ins dynamically, which esbuild's ESM output
 * cannot serve ("Dynamic require of fs is not supported"). A local function
 * name (not `require`) keeps esbuild from trying to bundle them.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export type Crawlee = typeof import('@crawlee/playwright');
export type RobotsModule = typeof import('@crawlee/utils');
export type PlaywrightModule = typeof import('playwright');

export const loadCrawlee = (): Crawlee => load('@crawlee/playwright') as Crawlee;
export const loadRobots = (): RobotsModule => load('@crawlee/utils') as RobotsModule;
export const loadPlaywright = (): PlaywrightModule => load('playwright') as PlaywrightModule;
