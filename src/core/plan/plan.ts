import type { Catalogs } from '../../data/index';
import type { SimulatedFigures } from '../analyse';
import type { CapturedRequest, PageCapture } from '../capture';
import type { Message, PlanAfter, PlanRemoved, PlanStep, PlanSummary, Report, Tally, ThirdParty } from '../report';
import type { RequestCensus } from '../requests';
import type { ActionSpec } from './actions';
import { applyActions, removalOf, type AppliedActions } from './apply';
import { candidatesOf } from './candidates';
import { afterOf, gainOf } from './gain';

/** How many steps the summary applies together. */
export const SUMMARY_STEPS = 3;
/**
 * At most this many tracker domains are simulated and can become steps (those
 * whose removal takes the most bytes, by the removal closure alone, which needs
 * no analysis). Not for speed any more (simulations are light, see analyse.ts
 * `figuresOf`: zdnet's 46 tracker domains take about twice the time of 8), but
 * for the reader: a plan is a to-do list, and an ad-laden page would otherwise
 * list dozens of one-pixel domains after the few actions that matter (zdnet: 29
 * steps instead of 10, the same ten first, each extra one worth ≤ 1.05). Named
 * trackers and services are always simulated.
 */
export const MAX_DOMAIN_CANDIDATES = 8;

export interface PlanInput {
  capture: PageCapture;
  census: RequestCensus;
  /** the report of `capture` itself */
  report: Report;
  catalogs: Catalogs;
  /**
   * The figures of a simulated capture (analyse.ts `figuresOf`, with the call's
   * options and memo; passed in so that this module does not import analyse.ts).
   */
  figures: (capture: PageCapture, census: RequestCensus) => SimulatedFigures;
}

/**
 * The action plan (docs/scoring.md, "Action plan"): every candidate action
 * simulated alone, the ones that gain something ordered best first; a step whose
 * removed requests are all removed by a better step already is left out (it adds
 * nothing once that one is done). The summary applies the first three together.
 */
export function planOf(input: PlanInput): { plan: PlanStep[]; planSummary: PlanSummary | null } {
  const { report } = input;
  if (report.scores.dependencies === null) return { plan: [], planSummary: null };
  const base = baseOf(input);
  const steps: { step: PlanStep; removed: ReadonlySet<number> }[] = [];
  for (const candidate of boundedCandidates(input, base)) {
    const simulated = run(input, base, [candidate.spec]);
    if (simulated === null) continue;
    const { applied, after, removed, added } = simulated;
    const gain = gainOf(report, after);
    if (gain <= 0) continue;
    const { action, target } = candidate.spec;
    const params = { name: candidate.name };
    steps.push({
      removed: applied.removed,
      step: {
        id: `${action}:${target}`,
        action,
        target,
        targetName: candidate.name,
        title: { key: `plan.${action}.title`, params },
        how: { key: `plan.${action}.how`, params },
        removed,
        added,
        gain,
        after,
        notes: notesOf(action, applied, added),
      },
    });
  }
  steps.sort((a, b) => b.step.gain - a.step.gain || b.step.removed.bytes - a.step.removed.bytes || (a.step.id < b.step.id ? -1 : 1));
  const kept: typeof steps = [];
  for (const entry of steps) {
    const covered = kept.some((better) => entry.removed.size > 0 && [...entry.removed].every((index) => better.removed.has(index)) && entry.step.added.requests === 0);
    if (!covered) kept.push(entry);
  }
  const plan = kept.map((entry) => entry.step);
  const first = plan.slice(0, SUMMARY_STEPS);
  const together = first.length > 0 ? run(input, base, first.map((step): ActionSpec => ({ action: step.action, target: step.target }))) : null;
  return {
    plan,
    planSummary: together && {
      steps: first.length,
      ids: first.map((step) => step.id),
      removed: together.removed,
      added: together.added,
      after: together.after,
    },
  };
}

function boundedCandidates(input: PlanInput, base: Base) {
  const all = candidatesOf(input.report, input.catalogs);
  const isDomain = (c: (typeof all)[number]) => c.spec.action === 'remove-tracker' && !input.catalogs.trackers.some((s) => s.id === c.spec.target);
  const domains = all.filter(isDomain);
  if (domains.length <= MAX_DOMAIN_CANDIDATES) return all;
  // A tracker domain's removal adds nothing: its weight is its removal closure's bytes.
  const weight = new Map(
    domains.map((c) => {
      const removed = removalOf(input.capture, input.census, [c.spec], input.catalogs);
      let bytes = 0;
      for (const index of removed) bytes += base.bytesOf.get(input.capture.requests[index]!) ?? 0;
      return [c, bytes] as const;
    }),
  );
  const kept = new Set([...domains].sort((a, b) => weight.get(b)! - weight.get(a)! || (a.spec.target < b.spec.target ? -1 : 1)).slice(0, MAX_DOMAIN_CANDIDATES));
  return all.filter((c) => !isDomain(c) || kept.has(c));
}

/** What every simulation compares with, computed once per plan. */
interface Base {
  /** counted bytes of each counted request of the capture */
  bytesOf: Map<CapturedRequest, number>;
  /** organisations (else domains) the page reaches */
  reached: Set<string>;
}

function baseOf(input: PlanInput): Base {
  return {
    bytesOf: new Map(input.census.counted.map((item) => [item.request, item.bytes])),
    reached: reachedBy(input.report.thirdParties),
  };
}

function reachedBy(thirdParties: readonly ThirdParty[]): Set<string> {
  return new Set(thirdParties.map((party) => party.organisation ?? party.domain));
}

function run(input: PlanInput, base: Base, specs: ActionSpec[]): { applied: AppliedActions; after: PlanAfter; removed: PlanRemoved; added: Tally } | null {
  const { capture, census, catalogs } = input;
  const applied = applyActions(capture, census, specs, catalogs);
  const simulated = input.figures(applied.capture, applied.census);
  const after = afterOf(simulated);
  if (after === null) return null;
  let requests = 0;
  let bytes = 0;
  for (const index of applied.removed) {
    const counted = base.bytesOf.get(capture.requests[index]!);
    if (counted === undefined) continue;
    requests++;
    bytes += counted;
  }
  const addedSet = new Set(applied.added);
  const added = applied.census.counted.filter((item) => addedSet.has(item.request));
  const still = reachedBy(simulated.thirdParties);
  return {
    applied,
    after,
    removed: { requests, bytes, organisations: [...base.reached].filter((name) => !still.has(name)).sort() },
    added: { requests: added.length, bytes: added.reduce((total, item) => total + item.bytes, 0) },
  };
}

function notesOf(action: PlanStep['action'], applied: AppliedActions, added: Tally): Message[] {
  const notes = [...applied.notes];
  if (action === 'defer-chat') notes.push({ key: 'plan.note.onClick', params: {} });
  if ((action === 'facade-embed' || action === 'static-map') && added.requests > 0) {
    notes.push({ key: 'plan.note.addedEstimate', params: { requests: added.requests, bytes: added.bytes } });
  }
  return notes;
}
