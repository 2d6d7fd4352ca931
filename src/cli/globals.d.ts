/**
 * The DOM probe, built as a self-contained script (dist/probe.js) and inlined
 * into the CLI by scripts/build-cli.mjs (esbuild `define`). Undefined when the
 * CLI's sources run unbundled (unit tests): check with `typeof` first.
 */
declare const __PROBE_SCRIPT__: string;
