import type { ObservedReport } from '../analyse';
import type { Recommendation } from '../report';
import { evaluateRules, mayBeExempt, RULES, type RuleFinding, type RuleId } from './score-rules';

/**
 * One alternative per finding family, with a short why (`rec.<id>.title`,
 * `rec.<id>.why` in src/i18n/messages/dependencies.ts). They come from the
 * same rule findings as the score, so that advice and score agree, and are
 * ordered by the points their findings cost (ties: the order below, which
 * puts what reaches the visitor's privacy first). Structural advice (fewer
 * multinationals, fewer third parties) comes after the concrete actions:
 * following those (removing the pixel, self-hosting the fonts) is how the
 * structure changes.
 */
interface Advice {
  id: string;
  /** the score rules whose findings this advice answers */
  from: readonly RuleId[];
  /** when the advice concerns only part of a rule's targets (and costs only their share) */
  select?: (report: ObservedReport) => string[];
  /** a consequence of the other findings rather than one action: listed after the concrete ones */
  structural?: true;
}

const ADVICE: readonly Advice[] = [
  { id: 'honest-consent', from: ['trackers-before-interaction'] },
  { id: 'remove-session-recording', from: ['session-recording'] },
  { id: 'remove-pixels', from: ['pixels'] },
  { id: 'exempt-analytics', from: ['trackers'], select: audienceMeasurement },
  { id: 'human-contact', from: ['chat-widgets'] },
  { id: 'remove-overlay', from: ['accessibility-overlay'] },
  { id: 'video-facade', from: ['video-embeds'] },
  { id: 'static-map', from: ['maps'] },
  { id: 'self-host-fonts', from: ['fonts'] },
  { id: 'social-links', from: ['social-embeds'] },
  { id: 'reviewed-translations', from: ['ai-services'] },
  { id: 'publish-offline-access', from: ['no-phone', 'no-address', 'no-opening-hours'] },
  { id: 'fewer-multinationals', from: ['non-eu-parents', 'concentration'], structural: true },
  { id: 'fewer-third-parties', from: ['third-party-domains'], structural: true },
  { id: 'fewer-cookies', from: ['third-party-cookies', 'long-lived-cookies'] },
  { id: 'self-host-libraries', from: ['public-cdn'] },
  { id: 'ticketing-link', from: [], select: embeddedTicketing },
];

/** Audience measurement and tag managers: third-party ones, and those served through the site's own domain unless exempt. */
function audienceMeasurement(report: ObservedReport): string[] {
  const measuring = (kinds: readonly string[] | null) =>
    kinds !== null && (kinds.includes('analytics') || kinds.includes('tag-manager'));
  const domains = report.thirdParties
    .filter((party) => party.tracker === true && measuring(party.trackerKinds))
    .map((party) => party.domain);
  const proxied = (report.trackers ?? [])
    .filter((tracker) => tracker.party === 'first' && !mayBeExempt(tracker) && measuring([tracker.kind]))
    .map((tracker) => tracker.name);
  return [...new Set([...domains, ...proxied])];
}

/** A ticket shop embedded in the page (frame or script) rather than linked to: no points, but worth saying. */
function embeddedTicketing(report: ObservedReport): string[] {
  const embedded = (report.widgets ?? []).filter(
    (widget) => widget.kind === 'ticketing' && widget.evidence.some((item) => /^(iframe|script|dom):/.test(item)),
  );
  return [...new Set(embedded.map((widget) => widget.name))];
}

export function recommend(report: ObservedReport): Recommendation[] | null {
  const { organisations, trackers, cookies, consent, widgets, access } = report;
  if ([organisations, trackers, cookies, consent, widgets, access].every((part) => part === null)) return null;
  const findings = new Map<string, RuleFinding>(evaluateRules(report).map((finding) => [finding.id, finding]));
  const ranked = ADVICE.flatMap((advice, order) => {
    const answered = advice.from.flatMap((id) => findings.get(id) ?? []).filter((finding) => finding.points > 0);
    const targets = [...new Set(advice.select ? advice.select(report) : answered.flatMap((finding) => finding.targets))];
    if (targets.length === 0 || (advice.from.length > 0 && answered.length === 0)) return [];
    const points = advice.select
      ? Math.min(
          answered.reduce((total, finding) => total + finding.points, 0),
          advice.from.reduce((total, id) => total + RULES[id].each, 0) * targets.length,
        )
      : answered.reduce((total, finding) => total + finding.points, 0);
    const params = { count: targets.length };
    const recommendation: Recommendation = {
      id: advice.id,
      targets,
      title: { key: `rec.${advice.id}.title`, params },
      why: { key: `rec.${advice.id}.why`, params },
    };
    return [{ recommendation, points, order, structural: advice.structural === true }];
  });
  ranked.sort((a, b) => Number(a.structural) - Number(b.structural) || b.points - a.points || a.order - b.order);
  return ranked.map((entry) => entry.recommendation);
}

/** Every recommendation id, for the message catalog's tests. */
export const recommendationIds: readonly string[] = ADVICE.map((advice) => advice.id);
