import pkg from '../package.json';

/** The tool's version, from package.json (bundled at build time by WXT and esbuild). */
export const toolVersion: string = pkg.version;
