import { css } from 'lit';

/** The full report's look: readable in light and dark mode, without colour, without motion, and on paper. */
export const fullReportStyles = css`
  :host {
    display: block;
    font: 15px/1.5 system-ui, sans-serif;
    color: var(--fg, #1b1b1b);
    --fg: #1b1b1b; --muted: #4f4f4f; --line: #c8c8c8; --accent: #0b5394; --bar: #1b1b1b;
  }
  @media (prefers-color-scheme: dark) {
    :host { --fg: #ececec; --muted: #b8b8b8; --line: #4a4a4a; --accent: #8ab4f8; --bar: #ececec; }
  }
  h1 { font-size: 1.4rem; margin: 0 0 0.25rem; }
  h2 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; border-bottom: 1px solid var(--line); }
  h3 { font-size: 1rem; margin: 1.1rem 0 0.3rem; }
  p { margin: 0.3rem 0; }
  .muted { color: var(--muted); }
  .url { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
  table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; }
  caption { text-align: start; color: var(--muted); padding-bottom: 0.2rem; }
  th, td { text-align: start; padding: 0.25rem 0.45rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
  td.evidence { overflow-wrap: anywhere; }
  .num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .grades { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
  .grades > div { flex: 1 1 16rem; }
  .grade { display: inline-block; min-width: 2.2em; text-align: center; font-weight: 700; font-size: 2rem;
    border: 3px solid currentColor; border-radius: 0.3em; margin-inline-end: 0.5rem; }
  .verdict { font-weight: 600; font-size: 1.05rem; }
  .chart { margin: 0.5rem 0 1rem; max-width: 48rem; }
  .chart svg { display: block; color: var(--fg); font: 13px system-ui, sans-serif; }
  .chart text { fill: currentColor; }
  .chart .small { font-size: 11px; }
  .chart .track { fill: none; stroke: currentColor; stroke-width: 0.6; }
  .chart .bytes { fill: var(--bar); fill-opacity: 0.8; }
  .chart .requests { fill: var(--accent); fill-opacity: 0.45; }
  strong.flag { text-decoration: underline; }
  .disclaimer { border-inline-start: 3px solid var(--line); padding-inline-start: 0.75rem; font-style: italic; }
  ol.recommendations li { margin-bottom: 0.6rem; }
  @media print {
    :host { --fg: #000; --muted: #333; --line: #999; --bar: #000; --accent: #555; font-size: 11pt; }
    h2 { break-after: avoid; }
    tr, figure { break-inside: avoid; }
  }
`;
