import { css } from 'lit';

/** Grade colours, always paired with the grade's letter and a sentence (never colour alone). */
export const gradeStyles = css`
  .grade {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 3.5rem;
    block-size: 3.5rem;
    border-radius: 0.5rem;
    font-size: 2.25rem;
    font-weight: 700;
    color: #fff;
    background: #555;
  }
  .grade-A { background: #1b6e3a; }
  .grade-B { background: #3d7a1f; }
  .grade-C { background: #6b6b00; color: #fff; }
  .grade-D { background: #8a5a00; }
  .grade-E { background: #a14a00; }
  .grade-F { background: #b02a1a; }
  .grade-G { background: #8c1020; }
  /* the dependency scale has five steps: E is its worst, as G is EcoIndex's */
  .dep-A { background: #1b6e3a; }
  .dep-B { background: #3d7a1f; }
  .dep-C { background: #6b6b00; }
  .dep-D { background: #a14a00; }
  .dep-E { background: #8c1020; }
  .grades { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; }
  .grade-block { display: flex; flex-direction: column; align-items: flex-start; gap: 0.15rem; }
  .grade-block h3 { margin: 0 0 0.25rem; font-size: 0.9rem; }
`;

export const baseStyles = css`
  :host {
    display: block;
    font: 14px/1.4 system-ui, sans-serif;
    color: var(--fg, #1a1a1a);
  }
  h1, h2, h3 { margin: 0.75rem 0 0.25rem; line-height: 1.2; }
  h1 { font-size: 1.15rem; }
  h2 { font-size: 0.95rem; }
  p { margin: 0.25rem 0; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 0.75rem; margin: 0; }
  dt { color: var(--muted, #4a4a4a); }
  dd { margin: 0; font-weight: 600; }
  ol, ul { margin: 0; padding-inline-start: 1.25rem; }
  .muted { color: var(--muted, #4a4a4a); font-weight: 400; }
  .status { padding: 0.5rem; border-radius: 0.25rem; background: var(--note-bg, #f1efe6); }
  button {
    font: inherit;
    padding: 0.4rem 0.8rem;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    background: var(--button-bg, #fff);
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible { outline: 3px solid #2a62c9; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    :host { --fg: #ececec; --muted: #b8b8b8; --note-bg: #2d2b25; --button-bg: #222; }
  }
  @media (prefers-reduced-motion: no-preference) {
    .status[role='status'] { transition: opacity 0.2s; }
  }
`;
