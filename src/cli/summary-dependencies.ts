import { t, type Lang } from '../i18n/index';
import { shortList, type DependencyFacts, type LabelledValue, type Part } from '../ui/dependency-facts';

/**
 * The dependency sections of the terminal summary (./summary.ts): points
 * lost, organisations by parent, trackers, cookies, consent, embedded
 * services, access without a screen, recommendations. Text only; the caller
 * paints headings and grades.
 */

export interface Layout {
  heading: (text: string) => string;
  dim: (text: string) => string;
  list: (items: LabelledValue[]) => void;
  push: (...lines: string[]) => void;
}

/** Parent companies shown in the terminal (the HTML report shows all). */
export const TOP_PARENTS = 10;
const BAR_WIDTH = 20;
const COOKIE_LINES = 10;

/** A bar of full and empty blocks: readable without colour, the percentage is written beside it. */
export function bar(share: number, width = BAR_WIDTH): string {
  const full = Math.round(Math.min(1, Math.max(0, share)) * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
}

function status<Row>(part: Part<Row>, layout: Layout): boolean {
  if (part.status === null) return false;
  layout.push(`  ${part.status}`);
  return true;
}

export function dependencySections(facts: DependencyFacts, lang: Lang, layout: Layout): void {
  const { heading, dim, list, push } = layout;

  push('', heading(t(lang, 'report.heading.deductions')));
  if (!status(facts.score.deductions, layout)) {
    const width = Math.max(...facts.score.deductions.rows.map((row) => row.points.length));
    for (const row of facts.score.deductions.rows) {
      const line = `  ${row.points.padStart(width)}  ${row.reason}`;
      push(row.note ? dim(line) : line);
    }
  }

  push('', heading(t(lang, 'report.heading.organisations')));
  if (!status(facts.organisations, layout)) {
    const rows = facts.organisations.rows.slice(0, TOP_PARENTS);
    for (const row of rows) {
      const where = [row.country, row.jurisdiction].filter(Boolean).join(', ');
      push(`  ${row.parent} (${where})`);
      push(`    ${bar(row.requestShare)} ${t(lang, 'report.organisations.requestsCol')}${colon(lang)}${row.requests}`);
      push(`    ${bar(row.byteShare)} ${t(lang, 'report.organisations.bytesCol')}${colon(lang)}${row.bytes}`);
      push(dim(`    ${shortList(row.domainList)}`));
    }
    const more = facts.organisations.rows.length - rows.length;
    if (more > 0) push(`  ${t(lang, 'cli.summary.moreParents', { count: more })}`);
  }

  push('', heading(t(lang, 'report.heading.trackers')));
  if (!status(facts.trackers.summary, layout)) list(facts.trackers.summary.rows);
  if (facts.trackers.named.rows.length > 0) {
    push(`  ${t(lang, 'report.trackers.named')}`);
    for (const row of facts.trackers.named.rows) {
      const before = `${t(lang, 'report.trackers.beforeCol')}${colon(lang)}${row.before}`;
      push(`  - ${row.name} — ${row.kind}, ${row.served}, ${before}`);
      if (row.remark) push(`    ${row.remark}`);
    }
  }

  push('', heading(t(lang, 'report.heading.cookies')));
  if (!status(facts.cookies.summary, layout)) {
    list(facts.cookies.summary.rows);
    for (const row of facts.cookies.rows.slice(0, COOKIE_LINES)) {
      push(dim(`    ${row.name} (${row.domain}) — ${row.party}, ${row.lifetime}`));
    }
    const more = facts.cookies.total - Math.min(COOKIE_LINES, facts.cookies.rows.length);
    if (more > 0) push(dim(`    ${t(lang, 'report.cookies.more', { count: more })}`));
  }

  push('', heading(t(lang, 'report.heading.consent')));
  if (!status(facts.consent.rows, layout)) list(facts.consent.rows.rows);
  push(`  ${facts.consent.disclaimer}`);

  push('', heading(t(lang, 'report.heading.widgets')));
  if (!status(facts.widgets, layout)) {
    for (const row of facts.widgets.rows) {
      // AI services are marked in words, not only by colour
      const mark = row.isAi ? `${t(lang, 'cli.summary.aiMark')} ` : '';
      push(`  ${mark}${row.name} — ${row.kind} — ${row.vendor} — ${row.ai}`);
      if (row.evidence) push(dim(`    ${row.evidence}`));
    }
  }

  push('', heading(t(lang, 'report.heading.access')));
  if (!status(facts.access, layout)) {
    for (const row of facts.access.rows) {
      push(`  ${row.route}${colon(lang)}${row.status}${row.evidence ? ` (${row.evidence})` : ''}`);
    }
  }

  push('', heading(t(lang, 'report.heading.recommendations')));
  if (!status(facts.recommendations, layout)) {
    facts.recommendations.rows.forEach((row, index) => {
      push(`  ${index + 1}. ${row.title}`, `     ${row.why}`, dim(`     ${row.targets}`));
    });
  }
}

/** French puts a (non-breaking) space before a colon. */
export function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}
