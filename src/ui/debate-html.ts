import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import { debateFacts, type DebateQuestion } from './debate-facts';
import { html, standaloneDocument, type Html } from './html';

/**
 * The debate sheet (`debate.html`): one printable A4 page, in plain words, to
 * open the discussion with colleagues and the board. One file, inline CSS, no
 * script and no external resource (a Content-Security-Policy says so to the
 * browser too), dark mode on screen, black on white on paper. Every value goes
 * through `html` (escaped): titles, URLs and evidence come from the page being
 * measured and may be hostile. Shared by the CLI (`--out`) and the extension's
 * export, so it imports no Node or browser API.
 */

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --line: #bbb; --accent: #0b5394; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #151515; --muted: #b0b0b0; --line: #555; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 62rem; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.45rem; margin: 0; } header p { margin: .2rem 0; }
.url { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.muted, footer { color: var(--muted); }
.questions { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: .9rem 1.4rem; margin-top: .9rem; }
section { border-top: 3px solid var(--accent); padding-top: .3rem; break-inside: avoid; }
h2 { font-size: 1.05rem; margin: 0 0 .25rem; }
h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: .35rem 0 .1rem; }
ul { margin: 0; padding-left: 1.1rem; } li { margin: .08rem 0; overflow-wrap: anywhere; }
ul.decisions { list-style: none; padding-left: 0; } ul.decisions li::before { content: "☐ " / ""; }
footer { margin-top: .9rem; font-size: .8rem; border-top: 1px solid var(--line); padding-top: .3rem; }
@page { size: A4; margin: 9mm 11mm; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #333; --line: #999; --accent: #000; }
  body { font-size: 8pt; line-height: 1.25; } main { max-width: none; padding: 0; }
  h1 { font-size: 12pt; } h2 { font-size: 8.8pt; margin-bottom: .5mm; } h3 { font-size: 6.6pt; margin: .8mm 0 0; }
  header p { margin: .6mm 0; } li { margin: 0; }
  /* columns, not a grid: a short answer does not leave a tall one's row half empty */
  .questions { display: block; columns: 2; column-gap: 6mm; margin-top: 2.5mm; }
  section { margin-bottom: 2mm; padding-top: .6mm; border-top-width: 2px; }
  footer { margin-top: 2.5mm; font-size: 7pt; }
}
`;

function questionSection(question: DebateQuestion, lang: Lang): Html {
  const id = `q-${question.id}`;
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${question.heading}</h2>
<h3>${t(lang, 'debate.findings')}</h3>
<ul>${question.findings.map((finding) => html`<li>${finding}</li>`)}</ul>
<h3>${t(lang, 'debate.decisions')}</h3>
<ul class="decisions">${question.decisions.map((decision) => html`<li>${decision}</li>`)}</ul>
</section>`;
}

/** The debate sheet of `report` as a complete HTML document, in `lang`. */
export function renderDebateHtml(report: Report, lang: Lang): string {
  const facts = debateFacts(report, lang);
  const body = html`<main>
<header>
<h1>${facts.heading}</h1>
<p>${facts.subtitle}</p>
<p class="muted"><span class="url">${facts.measured}</span><br>${facts.measuredHow}</p>
</header>
<div class="questions">
${facts.questions.map((question) => questionSection(question, lang))}
</div>
<footer><p>${facts.footer}</p></footer>
</main>`;
  return standaloneDocument(lang, facts.heading, STYLE, body);
}
