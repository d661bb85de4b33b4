/**
 * A model calibrated from a log, written as a what-if overlay (a scenario file) so that the
 * model people drew stays as it is and what-ifs can start from reality: the arrival rate and
 * segment shares from the customers' first events, where journeys start, each step's branch
 * probabilities and failure rate from the moves observed (per segment where the log names
 * segments), and durations where the log's times measure them (from start to complete, when the
 * log has start and complete events). The store counts (on DuckDB or ClickHouse alike:
 * log-profile.ts, mapped-moves.ts); the statistics are computed here from the counts, so that
 * both give the same overlay; telling failures from other ways on is in flow-estimate.ts.
 *
 * A contact the log marks `outcome: abandoned` (given up in the queue) at a step with a queue
 * leads where the queue's abandonment leads, not where the step's flow does, so no branch is
 * counted after it; at a step without a queue, giving up is one of the step's ways on.
 */

import { listIn } from '../collections/list-in.js';
import type { Branch, Flow, Model } from '../model/model.js';
import { estimatedDurationText } from '../model/serialize.js';
import { plural } from '../text/plural.js';
import { mapLogToSteps, type StepMapping } from './activity-mapping.js';
import { arrivalProfileOf } from './arrival-profile.js';
import { arrivalRate, cappedRateText } from './arrival-rate.js';
import { fitCounts } from './duckdb-fit-counts.js';
import { estimateFlow, rounded } from './flow-estimate.js';
import { lifecycleStats, type TimeStats } from './journey-counts.js';
import type { LifecycleGroup } from './journey-rows.js';
import { type LogProfile, pairsLifecycles } from './log-profile.js';
import { modelSegmentsOf, sameForAllSegments } from './log-segments.js';
import type { FitCounts } from './log-store.js';
import type { DurationCount, MappedMoves, MoveCount } from './mapped-moves.js';
import { byteOrder } from './shard-discovery.js';
import type { EventStore } from './store.js';
import { refuseTooManyActivities } from './too-many-activities.js';

export interface Calibration {
  scenario: Record<string, unknown>;
  /** What was calibrated and what was not, and why. */
  notes: string[];
}

const MIN_OBSERVATIONS = 5;

type Change = { set: string; value: unknown };

export async function calibrate(
  store: EventStore | FitCounts,
  log: string,
  model: Model,
  options: { mapping?: Record<string, string>; base: string },
): Promise<Calibration> {
  const counts = fitCounts(store);
  refuseTooManyActivities(log, await counts.activityCount(log), 'log calibrate');
  const profile = await counts.logProfile(log);
  const mapped = mapLogToSteps(model, profile.channels, options.mapping);
  if (mapped.rows.length === 0) {
    return {
      scenario: scenarioOf([], options.base, log),
      notes: [
        ...mapped.problems,
        'no activity of the log maps to a step: give a mapping (activity: step id)',
      ],
    };
  }
  const notes: string[] = [...mapped.problems];
  const segmentIds = model.segments.map((s) => s.id);
  // Per segment when the model has several and the log says which customer is which.
  const segmentOf = modelSegmentsOf(profile.segments, model);
  const bySegment = segmentOf !== undefined;
  if (segmentIds.length > 1 && !bySegment)
    notes.push(
      "the log does not name the model's segments (a segment column with their ids or names on every event): flows that differ by segment are kept",
    );
  const groups = new Map<string, string[]>(bySegment ? segmentIds.map((s) => [s, [s]]) : [['*', segmentIds]]);
  // With start and complete events a visit is its complete, and a step takes from its start to
  // its complete (the time from one complete to the next is the next step's work and wait).
  const completesOnly = pairsLifecycles(profile);
  const durations = completesOnly ? undefined : durationSteps(model);
  const worked = completesOnly ? stepTimes(await counts.lifecycleTimes(log), mapped.rows) : undefined;
  if (completesOnly)
    notes.push(
      'start events left out: each visit counts once, at its complete event; durations from start to complete',
    );
  // Each customer's visits to mapped steps, in order, with what came next: counted where the
  // customer's events are, read by every estimate below.
  const moves = await counts.mappedMoves(log, {
    steps: mapped.rows,
    completesOnly,
    ...(segmentOf ? { segments: segmentOf } : {}),
    ...(durations ? { durations } : {}),
  });
  return estimateAll({ log, model, base: options.base, segmentOf, groups, profile, moves, worked, notes });
}

/** Start to complete per step: the times of the activities mapped to it, added up. */
function stepTimes(groups: LifecycleGroup[], rows: StepMapping[]): TimeStats[] {
  const steps = new Map<string, Set<string>>();
  for (const r of rows) steps.set(r.activity, (steps.get(r.activity) ?? new Set()).add(r.step));
  return lifecycleStats(
    groups.flatMap((g) => [...(steps.get(g.activity) ?? [])].map((step) => ({ ...g, activity: step }))),
  );
}

/** Every estimate from the log's profile and counted moves, as changes with notes. */
function estimateAll(at: {
  log: string;
  model: Model;
  base: string;
  /** The log's segment values (null as '') to the model's segments, when it names them. */
  segmentOf: [string, string][] | undefined;
  /** The model's segments each group of the moves stands for. */
  groups: Map<string, string[]>;
  profile: LogProfile;
  moves: MappedMoves;
  /** Each step's start-to-complete times, when the log has start and complete events. */
  worked: TimeStats[] | undefined;
  notes: string[];
}): Calibration {
  const { log, model, base, segmentOf, groups, profile, moves, worked, notes } = at;
  const bySegment = segmentOf !== undefined;
  const changes: Change[] = [];
  // Notes are read by people: steps and ends by their names.
  const names = new Map<string, string>([...model.steps, ...model.ends].map((x) => [x.id, x.name]));
  const nameOf = (id: string) => names.get(id) ?? id;

  calibrateArrivals(profile, model, segmentOf, changes, notes);
  if (model.arrivals) {
    const arrivals = arrivalProfileOf(profile);
    if ('kept' in arrivals) notes.push(`arrival profile kept: ${arrivals.kept}`);
    else {
      changes.push({ set: 'arrivals.profile', value: arrivals.entries });
      notes.push(
        `arrival profile: ${arrivals.entries.length} hour spans of the week, weighted by the customers who started in them`,
      );
    }
  }

  // Where journeys start.
  const starts = countsByGroup(moves.moves.filter((m) => m.first).map((m) => [m.group, m.step, m.n]));
  const start =
    !bySegment && !sameForAllSegments(model.start)
      ? { kept: 'it differs by segment' }
      : estimateFlow({
          stepId: 'start',
          nameOf,
          observed: starts,
          groups,
          next: model.start,
          fail: undefined,
          ends: new Set(),
          minimum: MIN_OBSERVATIONS,
        });
  if ('kept' in start) notes.push(`where journeys start kept: ${start.kept}`);
  else changes.push({ set: 'start', value: flowValue(start.next, groups) });

  // Each step's ways on, and its failure rate.
  const ends = new Set(model.ends.map((e) => e.id));
  const byStep = new Map<string, MoveCount[]>();
  const queued = new Set(model.steps.filter((s) => s.pool).map((s) => s.id));
  const inQueue = (m: MoveCount) => m.abandoned && queued.has(m.step);
  for (const m of moves.moves) if (!inQueue(m)) listIn(byStep, m.step).push(m);
  for (const step of model.steps) {
    const observed = countsByGroup((byStep.get(step.id) ?? []).map((m) => [m.group, m.next, m.n]));
    if (observed.size === 0) continue;
    // Without segments in the log, one list cannot stand for flows that differ by segment.
    if (!bySegment && !(sameForAllSegments(step.next) && sameForAllSegments(step.fail?.next ?? {}))) continue;
    const estimate = estimateFlow({
      stepId: step.id,
      nameOf,
      observed,
      groups,
      next: step.next,
      fail: step.fail,
      ends,
      minimum: MIN_OBSERVATIONS,
    });
    if ('kept' in estimate) {
      notes.push(`branches of '${step.name}' kept: ${estimate.kept}`);
      continue;
    }
    notes.push(...estimate.notes);
    if (Object.values(step.next).some((branches) => branches.length > 1))
      changes.push({ set: `steps.${step.id}.next`, value: flowValue(estimate.next, groups) });
    if (estimate.fail && step.fail) {
      if (estimate.fail.p !== step.fail.p)
        changes.push({ set: `steps.${step.id}.fail.p`, value: Number(estimate.fail.p.toFixed(4)) });
      if (
        estimate.fail.nextEstimated &&
        Object.values(step.fail.next).some((branches) => branches.length > 1)
      )
        changes.push({ set: `steps.${step.id}.fail.next`, value: flowValue(estimate.fail.next, groups) });
      const repeat = [...observed.values()].reduce((s, counts) => s + (counts.get(step.id) ?? 0), 0);
      const all = [...observed.values()].reduce(
        (s, counts) => s + [...counts.values()].reduce((a, b) => a + b, 0),
        0,
      );
      if (repeat > 0)
        notes.push(
          `'${step.name}' fails ${(100 * estimate.fail.p).toFixed(1)}% of the time; ${(100 * (repeat / all)).toFixed(1)}% of its contacts are repeated`,
        );
    }
  }
  for (const [step, { gaveUp, n }] of givenUp(moves.moves.filter((m) => queued.has(m.step))))
    notes.push(
      `'${nameOf(step)}': ${gaveUp} of ${n} contacts given up in the queue (${((100 * gaveUp) / n).toFixed(1)}%); the simulator works this out from patience and staffing`,
    );

  if (worked) workedDurations(worked, changes, notes);
  else calibrateDurations(moves.durations, model, changes, notes);
  notes.push(`${plural(changes.length, 'change')} from ${plural(profile.cases, 'case')}`);
  return { scenario: scenarioOf(changes, base, log), notes };
}

/** Per group, the counts per target; counts of one group and target added. */
function countsByGroup(list: [group: string, target: string, n: number][]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [g, target, n] of list) {
    const counts = out.get(g) ?? new Map<string, number>();
    counts.set(target, (counts.get(target) ?? 0) + n);
    out.set(g, counts);
  }
  return out;
}

/** Steps with contacts given up in the queue, in byte order: those given up and all contacts. */
function givenUp(moves: MoveCount[]): [string, { gaveUp: number; n: number }][] {
  const out = new Map<string, { gaveUp: number; n: number }>();
  for (const m of moves) {
    const t = out.get(m.step) ?? { gaveUp: 0, n: 0 };
    out.set(m.step, { gaveUp: t.gaveUp + (m.abandoned ? m.n : 0), n: t.n + m.n });
  }
  return [...out].filter(([, t]) => t.gaveUp > 0).sort(([a], [b]) => byteOrder(a, b));
}

/** A flow as the file writes it: one list for every segment, or a list per segment. */
function flowValue(flow: Flow, groups: Map<string, string[]>): unknown {
  const list = (branches: Branch[]) => rounded(branches).map((b) => ({ to: b.to, p: b.p }));
  if (groups.has('*')) return list(flow[(groups.get('*') as string[])[0] as string] ?? []);
  return Object.fromEntries([...groups.keys()].map((g) => [g, list(flow[g] ?? [])]));
}

/** Arrivals per hour over the span of the customers' first events, and each segment's share. */
function calibrateArrivals(
  profile: LogProfile,
  model: Model,
  segmentOf: [string, string][] | undefined,
  changes: Change[],
  notes: string[],
): void {
  const { cases, firstSpan } = profile;
  const seconds = firstSpan ? Number(firstSpan.max - firstSpan.min) / 1e6 : 0;
  if (cases > 1 && seconds > 0) {
    const { rate, capped } = arrivalRate(cases, seconds);
    if (capped !== undefined) notes.push(cappedRateText(capped, rate));
    if (model.arrivals) changes.push({ set: 'arrivals.rate', value: rate });
    else if (model.segments.length === 1)
      changes.push({ set: `segments.${model.segments[0]?.id}.arrivals`, value: { rate } });
    else
      notes.push(
        'arrivals not calibrated: the model gives each segment its own rate; calibrate them one segment at a time',
      );
    notes.push(`arrival rate ${rate} from ${cases} cases over ${estimatedDurationText(seconds)}`);
  }
  if (!segmentOf || !model.arrivals) return;
  // Customers by the model segment their segment value stands for.
  const idOf = new Map(segmentOf);
  const shares = new Map<string, number>();
  for (const [value, n] of profile.segmentCases) {
    const id = idOf.get(value ?? '') as string;
    shares.set(id, (shares.get(id) ?? 0) + n);
  }
  const all = profile.segmentCases.reduce((s, [, n]) => s + n, 0);
  const branches = rounded(model.segments.map((s) => ({ to: s.id, p: (shares.get(s.id) ?? 0) / all })));
  for (const b of branches) changes.push({ set: `segments.${b.to}.share`, value: b.p });
}

/**
 * The steps whose durations the log's times measure: from a step with no queue to one with no
 * planned wait and no opening hours that would push the next contact later. None when no step is
 * either.
 */
function durationSteps(model: Model): { from: string[]; to: string[] } | undefined {
  const scheduled = new Set(model.resources.filter((r) => r.schedule).map((r) => r.id));
  const to = model.steps.filter((s) => !s.wait && !(s.pool && scheduled.has(s.pool))).map((s) => s.id);
  const from = model.steps.filter((s) => !s.pool).map((s) => s.id);
  return to.length > 0 && from.length > 0 ? { from, to } : undefined;
}

/** Durations from start to complete, fitted as lognormals, for steps timed often enough. */
function workedDurations(worked: TimeStats[], changes: Change[], notes: string[]): void {
  const timed = worked.filter((t) => t.n >= MIN_OBSERVATIONS && t.mean > 0);
  for (const t of timed)
    changes.push({
      set: `steps.${t.node}.duration`,
      value:
        t.sd > 0
          ? `lognormal(${estimatedDurationText(t.mean)}, ${estimatedDurationText(t.sd)})`
          : estimatedDurationText(t.mean),
    });
  if (timed.length > 0)
    notes.push(`durations of ${plural(timed.length, 'step')} from their start and complete events`);
}

/**
 * Durations, fitted as lognormals by mean and standard deviation, where the time from one
 * contact to the next is the step's own (see durationSteps). The sums run over the durations in
 * their fixed order (step, then time), so that every store gives the same figures.
 */
function calibrateDurations(
  durations: DurationCount[],
  model: Model,
  changes: Change[],
  notes: string[],
): void {
  const byStep = new Map<string, DurationCount[]>();
  // One row per distinct duration of a step (tens of thousands): appended (see listIn).
  for (const d of durations) listIn(byStep, d.step).push(d);
  for (const [step, list] of byStep) {
    const n = list.reduce((s, d) => s + d.n, 0);
    const meanUs = Number(list.reduce((s, d) => s + d.us * BigInt(d.n), 0n)) / n;
    const squares = list.reduce((s, d) => s + d.n * (Number(d.us) - meanUs) ** 2, 0);
    const mean = meanUs / 1e6;
    const sd = n > 1 ? Math.sqrt(squares / (n - 1)) / 1e6 : 0;
    if (n < MIN_OBSERVATIONS || !(mean > 0)) continue;
    const m = estimatedDurationText(mean);
    changes.push({
      set: `steps.${step}.duration`,
      value: sd > 0 ? `lognormal(${m}, ${estimatedDurationText(sd)})` : m,
    });
  }
  const queued = model.steps.filter((s) => s.pool).length;
  if (queued > 0)
    notes.push(
      `durations of the ${plural(queued, 'step')} with a queue kept: the log's times between contacts include the wait in the queue`,
    );
}

function scenarioOf(changes: Change[], base: string, log: string): Record<string, unknown> {
  return {
    linesight: 1,
    kind: 'scenario',
    base,
    id: 'calibrated',
    name: `Calibrated from ${log}`,
    description:
      'Arrival rate, segment shares, where journeys start, branch probabilities, failure rates and durations estimated from the event log by linesight log calibrate.',
    changes,
  };
}
