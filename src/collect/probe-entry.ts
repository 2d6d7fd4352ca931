import { probeDocument, type ProbeOptions } from './probe';

// Built by scripts/build-cli.mjs into dist/probe.js, a plain script that the
// CLI injects into every frame; the CLI then calls
// `globalThis.__empreinteProbe(options)` in that frame.
(globalThis as unknown as { __empreinteProbe: (o?: ProbeOptions) => unknown }).__empreinteProbe = (
  options?: ProbeOptions,
) => probeDocument(document, options);
