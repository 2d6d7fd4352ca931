import type { Report } from '../core/report';
import { t, type Lang } from '../i18n/index';
import { reportFacts, type LabelledValue } from '../ui/report-facts';
import { colon, dependencySections } from './summary-dependencies';
import { footprintSections } from './summary-footprint';
import { planSection } from './summary-plan';
import { planFacts } from '../ui/report-plan-facts';

/**
 * The readable terminal summary of one Report. The content comes from
 * reportFacts(), shared with the HTML report; this only lays it out as text.
 * ANSI colours only when asked (a terminal, and NO_COLOR unset).
 */
export interface SummaryOptions {
  color: boolean;
}

const ansi = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', cyan: '36' } as const;
type Style = keyof typeof ansi;

/** EcoIndex colours as the reference scale shows them: A–B green, C–D yellow, E–G red (the dependency grade alike). */
function gradeStyle(grade: string): Style {
  if (grade === 'A' || grade === 'B') return 'green';
  if (grade === 'C' || grade === 'D') return 'yellow';
  return 'red';
}

export function formatSummary(report: Report, lang: Lang, options: SummaryOptions): string {
  const facts = scrub(reportFacts(report, lang));
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${ansi[style]}m${text}\u001b[0m` : text);
  const heading = (text: string) => paint('bold', text);
  const lines: string[] = [];
  const list = (items: LabelledValue[]) => {
    const width = Math.max(...items.map((item) => item.label.length));
    for (const item of items) lines.push(`  ${item.label.padEnd(width)}  ${item.value}`);
  };

  lines.push(heading(`${t(lang, 'report.title')} — ${facts.url}`));
  if (facts.title) lines.push(`  ${t(lang, 'report.page.title')}${colon(lang)}${facts.title}`);
  if (facts.finalUrl) lines.push(`  ${t(lang, 'report.page.finalUrl')}${colon(lang)}${facts.finalUrl}`);
  list(facts.measurement);

  // Both grades side by side, each with its scale in words.
  lines.push('', heading(t(lang, 'report.heading.grades')));
  const gradeText = (grade: string | null, value: string) =>
    grade ? `${paint(gradeStyle(grade), paint('bold', grade))} (${value})` : value;
  const score = facts.dependencies.score;
  lines.push(`  ${t(lang, 'report.dependencies.grade')}${colon(lang)}${gradeText(score.grade, score.value)}`);
  lines.push(paint('dim', `    ${score.scale}`));
  lines.push(`  ${t(lang, 'report.environment.grade')}${colon(lang)}${gradeText(facts.environment.grade, facts.environment.value)}`);
  lines.push(paint('dim', `    ${facts.environment.scale}`));

  lines.push('', heading(t(lang, 'report.heading.figures')));
  list(facts.figures);

  const layout = {
    heading,
    dim: (text: string) => paint('dim', text),
    list,
    push: (...more: string[]) => lines.push(...more),
  };
  planSection(scrub(planFacts(report, lang)), lang, layout);
  footprintSections(facts.footprint, lang, layout);

  lines.push('', heading(facts.thirdParties.heading));
  if (facts.thirdParties.none) lines.push(`  ${facts.thirdParties.none}`);
  const rows = facts.thirdParties.rows;
  const domainWidth = Math.max(0, ...rows.map((row) => row.domain.length));
  const entityWidth = Math.max(0, ...rows.map((row) => entityLabel(row).length));
  for (const row of rows) {
    const requests = t(lang, 'cli.summary.requests', { count: row.requests });
    lines.push(`  ${paint('cyan', row.domain.padEnd(domainWidth))}  ${entityLabel(row).padEnd(entityWidth)}  ${requests}, ${row.bytes}`);
  }
  if (facts.thirdParties.more) lines.push(`  ${facts.thirdParties.more}`);

  dependencySections(facts.dependencies, lang, layout);

  if (facts.notes.length > 0) {
    lines.push('', heading(t(lang, 'report.heading.notes')));
    for (const note of facts.notes) lines.push(`  - ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Page titles and URLs come from the page or the HAR file: control characters
 * (an ANSI escape in a title could rewrite the terminal) are replaced.
 */
function scrub<T>(value: T): T {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (typeof value === 'string') return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd') as T;
  if (Array.isArray(value)) return value.map(scrub) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item)])) as T;
  }
  return value;
}

function entityLabel(row: { entity: string; category: string }): string {
  return row.category ? `${row.entity} (${row.category})` : row.entity;
}
