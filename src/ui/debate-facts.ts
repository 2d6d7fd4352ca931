import type { PlanAction, Report } from '../core/report';
import { formatBytes, formatNumber, t, type Lang } from '../i18n/index';
import { translated } from './dependency-facts';
import { planStepFacts } from './report-plan-facts';

/**
 * The debate sheet's content: six questions that matter to a cultural venue,
 * each with what the measurement found and one to three decisions to discuss,
 * taken from the action plan and the recommendations when the report has
 * them. Plain strings, not escaped (./debate-html.ts escapes). Lists are kept
 * short so that the sheet prints on one page; the full report keeps them whole.
 */

export const debateQuestions = ['depends', 'costs', 'consent', 'ai', 'access', 'skills'] as const;
export type DebateQuestionId = (typeof debateQuestions)[number];

export interface DebateQuestion {
  id: DebateQuestionId;
  heading: string;
  findings: string[];
  decisions: string[];
}

export interface DebateFacts {
  heading: string;
  subtitle: string;
  measured: string;
  measuredHow: string;
  questions: DebateQuestion[];
  footer: string;
}

/** Where each plan action is discussed. */
const PLAN_QUESTION: Record<PlanAction, DebateQuestionId> = {
  'remove-tracker': 'consent',
  'facade-embed': 'costs',
  'self-host-fonts': 'depends',
  'static-map': 'skills',
  'remove-ai-widget': 'ai',
  'defer-chat': 'skills',
  'remove-chat': 'skills',
};

/** Where each recommendation is discussed, and the plan actions that already say the same thing with figures. */
const RECOMMENDATION_QUESTION: Record<string, { question: DebateQuestionId; coveredBy?: PlanAction[] }> = {
  'fewer-multinationals': { question: 'depends' },
  'fewer-third-parties': { question: 'depends' },
  'self-host-libraries': { question: 'depends' },
  'self-host-fonts': { question: 'depends', coveredBy: ['self-host-fonts'] },
  'video-facade': { question: 'costs', coveredBy: ['facade-embed'] },
  'honest-consent': { question: 'consent' },
  'remove-pixels': { question: 'consent', coveredBy: ['remove-tracker'] },
  'remove-session-recording': { question: 'consent', coveredBy: ['remove-tracker'] },
  'exempt-analytics': { question: 'consent' },
  'fewer-cookies': { question: 'consent' },
  'reviewed-translations': { question: 'ai', coveredBy: ['remove-ai-widget'] },
  'remove-overlay': { question: 'ai', coveredBy: ['remove-ai-widget'] },
  'human-contact': { question: 'skills', coveredBy: ['remove-chat', 'defer-chat', 'remove-ai-widget'] },
  'publish-offline-access': { question: 'access' },
  'ticketing-link': { question: 'skills' },
  'social-links': { question: 'skills' },
  'static-map': { question: 'skills', coveredBy: ['static-map'] },
};

/** Embedded services that do a venue's own work (the consent banner and AI are their own questions). */
const SKILL_KINDS = ['ticketing', 'newsletter', 'chat', 'video', 'map', 'social', 'font', 'search', 'translation', 'voice', 'cdn'];
const MAX_DECISIONS = 3;
const MAX_NAMED = 4;
/** AI services and kinds of embedded service named one by one (the full report lists them all). */
const MAX_ROWS = 3;
const MAX_TEXT = 90;

/** Page-derived text (titles, URLs, evidence) shortened so that one long value cannot push the sheet onto a second page. */
export function clip(text: string, max = MAX_TEXT): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function few(items: readonly string[], max = MAX_NAMED): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, max).map((item) => clip(item, 48)).join(', ');
  return unique.length > max ? `${shown} (+${unique.length - max})` : shown;
}

export function debateFacts(report: Report, lang: Lang): DebateFacts {
  const count = (value: number) => formatNumber(lang, value, 0);
  const percent = (share: number) => t(lang, 'report.share', { share: Math.round(share * 100) });
  const notMeasured = t(lang, 'debate.notMeasured');
  const { page } = report;

  const decisions = new Map<DebateQuestionId, string[]>(debateQuestions.map((id) => [id, []]));
  const planned = new Map<DebateQuestionId, Set<PlanAction>>(debateQuestions.map((id) => [id, new Set()]));
  // a tracker that is also an AI service (automated personalisation) speaks for the venue: discuss it there
  const aiServices = new Set((report.widgets ?? []).filter((w) => w.ai !== 'none').flatMap((w) => [w.id, w.name, w.vendor, ...(w.organisation ? [w.organisation] : [])]));
  for (const step of report.plan ?? []) {
    const question = aiServices.has(step.target) || aiServices.has(step.targetName) ? 'ai' : PLAN_QUESTION[step.action];
    const facts = planStepFacts(report, step, lang);
    decisions.get(question)!.push(t(lang, 'debate.plan.gain', { title: facts.title, change: facts.short }));
    planned.get(question)!.add(step.action);
  }
  for (const recommendation of report.recommendations ?? []) {
    const place = RECOMMENDATION_QUESTION[recommendation.id];
    if (!place) continue;
    const question = place.question;
    // a chat that may be an AI agent speaks for the venue: discuss it there
    const aiChat = recommendation.id === 'human-contact' && (report.widgets ?? []).some((w) => w.kind === 'chat' && w.ai !== 'none');
    const target = aiChat ? 'ai' : question;
    if ((place.coveredBy ?? []).some((action) => planned.get(target)!.has(action) || planned.get(question)!.has(action))) continue;
    decisions.get(target)!.push(t(lang, recommendation.title.key, recommendation.title.params));
  }

  const findings: Record<DebateQuestionId, string[]> = {
    depends: dependsFindings(report, lang, count, percent),
    costs: costsFindings(report, lang, percent),
    consent: consentFindings(report, lang, count, notMeasured),
    ai: aiFindings(report, lang, notMeasured),
    access: accessFindings(report, lang),
    skills: skillsFindings(report, lang, notMeasured),
  };

  const date = Date.parse(page.capturedAt);
  const dateText = Number.isFinite(date)
    ? new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date)
    : page.capturedAt;
  let host = page.site ?? '';
  try {
    host = host || new URL(page.finalUrl).hostname;
  } catch {
    host = host || page.finalUrl;
  }

  return {
    heading: t(lang, 'debate.heading', { site: clip(page.title ? `${page.title} (${host})` : host, 80) }),
    subtitle: t(lang, 'debate.subtitle'),
    measured: t(lang, 'debate.measured', { url: clip(page.finalUrl, 120) }),
    measuredHow: t(lang, 'debate.measuredHow', {
      date: dateText,
      method: t(lang, `method.${page.method}`),
      consent: t(lang, `consent.${page.consentState}`),
    }),
    questions: debateQuestions.map((id) => {
      const chosen = decisions.get(id)!.slice(0, MAX_DECISIONS).map((decision) => clip(decision, 120));
      return {
        id,
        heading: t(lang, `debate.${id}.heading`),
        findings: findings[id],
        decisions: chosen.length > 0 ? chosen : [t(lang, `debate.${id}.keep`)],
      };
    }),
    footer: t(lang, 'debate.footer', { version: report.versions.tool }),
  };
}

type Count = (value: number) => string;
type Percent = (share: number) => string;

function dependsFindings(report: Report, lang: Lang, count: Count, percent: Percent): string[] {
  const out: string[] = [];
  const score = report.scores.dependencies;
  if (score) out.push(t(lang, 'debate.depends.grade', { grade: score.grade, score: Math.round(score.score) }));
  if (report.thirdParties.length === 0) return [...out, t(lang, 'debate.depends.none')];
  out.push(t(lang, 'debate.depends.count', { domains: count(report.thirdParties.length) }));
  const groups = report.organisations ?? [];
  for (const group of groups.filter((g) => g.parent !== null).slice(0, 3)) {
    const where = group.country
      ? t(lang, group.jurisdiction === 'eu' ? 'debate.where.eu' : group.jurisdiction === 'non-eu' ? 'debate.where.nonEu' : 'debate.where.unknown', {
          country: group.country,
        })
      : t(lang, 'debate.where.unknown');
    out.push(
      t(lang, 'debate.depends.parent', {
        parent: group.parent!,
        where,
        share: percent(group.requestShare),
        organisations: few(group.organisations.length > 0 ? group.organisations : group.domains, 2),
      }),
    );
  }
  const nonEu = groups.filter((g) => g.jurisdiction === 'non-eu').reduce((sum, g) => sum + g.requestShare, 0);
  if (nonEu > 0) out.push(t(lang, 'debate.depends.nonEu', { share: percent(nonEu) }));
  const unknown = groups.filter((g) => g.parent === null).flatMap((g) => g.domains);
  if (unknown.length > 0) out.push(t(lang, 'debate.depends.unknown', { count: count(unknown.length), domains: few(unknown) }));
  return out;
}

function costsFindings(report: Report, lang: Lang, percent: Percent): string[] {
  const { footprint } = report;
  const out = [
    t(lang, 'debate.costs.weight', { bytes: formatBytes(lang, footprint.bytes), requests: formatNumber(lang, footprint.requests, 0) }),
  ];
  const almanac = footprint.comparison?.webAlmanac;
  if (almanac) {
    out.push(
      t(lang, almanac.bytesRatio >= 1 ? 'debate.costs.heavier' : 'debate.costs.lighter', {
        ratio: formatNumber(lang, almanac.bytesRatio, 1),
        median: formatBytes(lang, almanac.medianBytes),
      }),
    );
  }
  const grams = footprint.co2.grams;
  out.push(t(lang, 'debate.costs.co2', { grams: formatNumber(lang, grams, grams < 1 ? 2 : 1), kg: formatNumber(lang, (grams * 10_000) / 1000, 1) }));
  if (footprint.bytes > 0 && footprint.byParty.third.bytes > 0) {
    out.push(t(lang, 'debate.costs.third', { share: percent(footprint.byParty.third.bytes / footprint.bytes) }));
  }
  const eco = footprint.ecoIndex;
  out.push(eco ? t(lang, 'debate.costs.ecoIndex', { grade: eco.grade, score: eco.score }) : t(lang, 'debate.costs.noEcoIndex'));
  return out;
}

function consentFindings(report: Report, lang: Lang, count: Count, notMeasured: string): string[] {
  const out = [t(lang, 'debate.consent.state', { consent: t(lang, `consent.${report.page.consentState}`) })];
  const consent = report.consent;
  if (consent) {
    out.push(
      consent.managers.length > 0
        ? t(lang, 'debate.consent.managers', { names: few(consent.managers.map((m) => m.name)) })
        : t(lang, 'debate.consent.noManager'),
    );
  }
  const trackerParties = report.thirdParties.filter((party) => party.tracker === true);
  const named = (report.trackers ?? []).map((tracker) => tracker.name);
  const names = named.length > 0 ? named : trackerParties.map((party) => party.entity ?? party.domain);
  const total = Math.max(named.length, trackerParties.length);
  if (report.trackers === null && !report.thirdParties.some((party) => party.tracker !== null)) out.push(notMeasured);
  else out.push(total > 0 ? t(lang, 'debate.consent.trackers', { count: count(total), names: few(names) }) : t(lang, 'debate.consent.noTrackers'));
  // without a DOM probe (a HAR file) the first interaction, and what came before it, cannot be known
  const probed = report.footprint.domElements !== null;
  const timingKnown = trackerParties.some((party) => party.beforeInteraction !== null);
  if (consent && total > 0) {
    if (!probed || !timingKnown) out.push(t(lang, 'debate.consent.beforeUnknown'));
    else if (consent.trackersBeforeInteraction > 0) out.push(t(lang, 'debate.consent.before', { count: count(consent.trackersBeforeInteraction) }));
    else out.push(t(lang, 'debate.consent.beforeNone'));
  }
  const cookies = report.cookies;
  if (cookies && cookies.length > 0) {
    out.push(
      t(lang, 'debate.consent.cookies', {
        count: count(cookies.length),
        third: count(cookies.filter((c) => c.party === 'third').length),
        long: count(cookies.filter((c) => c.longLived).length),
      }),
    );
    const before = cookies.filter((c) => c.beforeInteraction === true).length;
    if (probed && before > 0) out.push(t(lang, 'debate.consent.cookiesBefore', { count: count(before) }));
  }
  return out;
}

function aiFindings(report: Report, lang: Lang, notMeasured: string): string[] {
  if (report.widgets === null) return [notMeasured];
  const ai = report.widgets.filter((widget) => widget.ai !== 'none');
  if (ai.length === 0) return [t(lang, 'debate.ai.none')];
  return [
    ...ai.slice(0, MAX_ROWS).map((widget) =>
      t(lang, 'debate.ai.widget', { name: clip(widget.name, 60), vendor: clip(widget.parent ?? widget.vendor, 40), ai: t(lang, `report.ai.${widget.ai}`) }),
    ),
    ...(ai.length > MAX_ROWS ? [t(lang, 'debate.more', { count: ai.length - MAX_ROWS })] : []),
    t(lang, 'debate.ai.why'),
  ];
}

function accessFindings(report: Report, lang: Lang): string[] {
  const access = report.access;
  if (access === null) return [t(lang, 'debate.access.unknown'), t(lang, 'debate.access.why')];
  const rows = (['phone', 'address', 'openingHours'] as const).map((id) => {
    const route = access[id];
    const name = t(lang, `debate.route.${id}`);
    if (!route.found) return t(lang, 'debate.access.missing', { route: name });
    const evidence = route.evidence[0];
    return evidence ? t(lang, 'debate.access.found', { route: name, evidence: clip(evidence, 60) }) : t(lang, 'debate.access.foundPlain', { route: name });
  });
  return [...rows, t(lang, 'debate.access.why')];
}

function skillsFindings(report: Report, lang: Lang, notMeasured: string): string[] {
  if (report.widgets === null) return [notMeasured];
  const byKind = new Map<string, string[]>();
  for (const widget of report.widgets) {
    if (!SKILL_KINDS.includes(widget.kind)) continue;
    const owner = widget.parent && widget.parent !== widget.name ? ` (${widget.parent})` : '';
    byKind.set(widget.kind, [...(byKind.get(widget.kind) ?? []), `${widget.name}${owner}`]);
  }
  if (byKind.size === 0) return [t(lang, 'debate.skills.none')];
  const rows = SKILL_KINDS.filter((kind) => byKind.has(kind)).map((kind) => {
    const label = translated(lang, `report.widgetKind.${kind}`, kind);
    return t(lang, 'debate.skills.kind', { kind: label.charAt(0).toUpperCase() + label.slice(1), services: few(byKind.get(kind)!, 2) });
  });
  const more = rows.length > MAX_ROWS ? [t(lang, 'debate.more', { count: rows.length - MAX_ROWS })] : [];
  return [...rows.slice(0, MAX_ROWS), ...more, t(lang, 'debate.skills.why')];
}
