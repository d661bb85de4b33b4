/**
 * How well real journeys fit the model: log activities are mapped to steps (by step name or id,
 * or a mapping), then every move a customer makes between mapped events is checked against the
 * model's flow. Fitness is the share of moves the model allows; deviations are the moves
 * customers make that the model lacks, and the model's ways on that nobody takes; branch by
 * branch, the observed share is set beside the modelled probability, per segment when the log
 * names the model's segments. A journey's first event is a move from START, judged against where
 * the model starts journeys, and its last a move to the end, like every other move; where
 * journeys start and end is also tested as a whole (start-end-fit.ts). A contact the log marks
 * `outcome: abandoned` (given up in the queue) at a step with a queue fits, as the queue explains
 * where it leads, and counts for no branch; at a step without one it is a move like any other.
 * The counting is the store's (mapped-moves.ts), on DuckDB or ClickHouse alike; the judging is
 * here, so that both give the same answers.
 */
import type { Model } from '../model/model.js';
import { successors } from '../model/reachability.js';
import { compareText } from '../text/compare-text.js';
import { mapLogToSteps } from './activity-mapping.js';
import { fitCounts } from './duckdb-fit-counts.js';
import { pairsLifecycles } from './log-profile.js';
import { modelSegmentsOf } from './log-segments.js';
import type { FitCounts } from './log-store.js';
import { END, type MoveCount, moveKey, START } from './mapped-moves.js';
import { endFit, type PlacesFit, startFit } from './start-end-fit.js';
import type { EventStore } from './store.js';
import { refuseTooManyActivities } from './too-many-activities.js';

export interface Deviation {
  from: string;
  to: string;
  count: number;
}

export interface BranchFit {
  /** The segment, when the log says which customer is which. */
  segment?: string;
  step: string;
  to: string;
  observed: number;
  modelled: number;
  /** Moves out of the step that were observed (the base of `observed`). */
  moves: number;
}

export interface Conformance {
  /** What maps to which step: activities, and "activity (channel)" where mapped channel by channel. */
  mappedActivities: Record<string, string>;
  unmappedActivities: string[];
  /** Entries of the given mapping that could not be used, and why. */
  mappingProblems: string[];
  /** The log has start and complete events: each visit counted once, at its complete event. */
  startEventsLeftOut: boolean;
  moves: number;
  allowed: number;
  fitness: number;
  /** Share of cases whose every move the model allows. */
  fittingCases: number;
  cases: number;
  notInModel: Deviation[];
  neverTaken: { from: string; to: string }[];
  branches: BranchFit[];
  /** Where journeys start, per segment when the log names the model's segments. */
  starts: PlacesFit[];
  /** Where journeys end (after which step), likewise. */
  ends: PlacesFit[];
  /** Each step's and end's name by id, for people to read the places and moves by. */
  names: Record<string, string>;
  /** Each segment's name by id, likewise. */
  segmentNames: Record<string, string>;
}

export { END, START };

/** The steps a segment's customers can reach from where they start. */
function reachable(model: Model, segment: string): Set<string> {
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const queue = (model.start[segment] ?? []).filter((b) => b.p > 0).map((b) => b.to);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    const step = byId.get(id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    queue.push(...successors(step, segment));
  }
  return seen;
}

/**
 * The moves the model allows (step to step, and step to the journey's end) with their
 * probabilities: one segment's, or, for a log that does not say which customer is which, all
 * segments' weighted by their shares among the segments that reach the step.
 */
export function modelMoves(model: Model, segment?: string): Map<string, number> {
  const ends = new Set(model.ends.map((e) => e.id));
  const segments = model.segments.filter((s) => segment === undefined || s.id === segment);
  const reach = new Map(segments.map((s) => [s.id, reachable(model, s.id)]));
  const moves = new Map<string, number>();
  for (const step of model.steps) {
    const reaching = segments.filter((s) => reach.get(s.id)?.has(step.id));
    const shares = reaching.reduce((sum, s) => sum + s.share, 0);
    for (const s of reaching) {
      const weight = segment === undefined ? s.share / shares : 1;
      const f = step.fail?.p ?? 0;
      const add = (to: string, p: number) => {
        const key = `${step.id}\u0000${ends.has(to) ? END : to}`;
        moves.set(key, (moves.get(key) ?? 0) + p * weight);
      };
      for (const b of step.next[s.id] ?? []) add(b.to, (1 - f) * b.p);
      for (const b of step.fail?.next[s.id] ?? []) add(b.to, f * b.p);
    }
  }
  return moves;
}

/**
 * Where the model starts journeys, step by step: one segment's, or all segments' weighted by their
 * shares (a start at an end counts as END).
 */
export function modelStarts(model: Model, segment?: string): Map<string, number> {
  const ends = new Set(model.ends.map((e) => e.id));
  const segments = model.segments.filter((s) => segment === undefined || s.id === segment);
  const all = segments.reduce((sum, s) => sum + s.share, 0) || 1;
  const out = new Map<string, number>();
  for (const s of segments) {
    const weight = segment === undefined ? s.share / all : 1;
    for (const b of model.start[s.id] ?? []) {
      const to = ends.has(b.to) ? END : b.to;
      out.set(to, (out.get(to) ?? 0) + b.p * weight);
    }
  }
  return out;
}

export async function conformance(
  store: EventStore | FitCounts,
  log: string,
  model: Model,
  mapping: Record<string, string> = {},
): Promise<Conformance> {
  const counts = fitCounts(store);
  refuseTooManyActivities(log, await counts.activityCount(log), 'log conformance');
  const profile = await counts.logProfile(log);
  const { channels, segments } = profile;
  const completesOnly = pairsLifecycles(profile);
  const mapped = mapLogToSteps(model, channels, mapping);
  // Per segment when the model has several and the log names them for every event.
  const segmentOf = modelSegmentsOf(segments, model);
  const bySegment = segmentOf !== undefined;
  const groups = bySegment ? model.segments.map((s) => s.id) : ['*'];
  const allowed = new Map(
    groups.map((g) => {
      const segment = g === '*' ? undefined : g;
      const moves = modelMoves(model, segment);
      for (const [to, p] of modelStarts(model, segment)) moves.set(`${START}\u0000${to}`, p);
      return [g, moves];
    }),
  );
  const allowedKeys = new Set(
    [...allowed].flatMap(([g, moves]) => [...moves].filter(([, p]) => p > 0).map(([k]) => `${g}\u0000${k}`)),
  );
  // A contact given up where the model has a queue goes where the queue's abandonment leads; at a
  // step without one, giving up is one of the step's ways on (to an end), judged like any other.
  const queued = new Set(model.steps.filter((s) => s.pool).map((s) => s.id));
  // Every move judged where the customer's events are; only the counts per move and per case come back.
  const judged = await counts.mappedMoves(log, {
    steps: mapped.rows,
    completesOnly,
    ...(segmentOf ? { segments: segmentOf } : {}),
    allowed: [...allowedKeys],
    queued: [...queued],
  });
  const key = (...parts: string[]) => parts.join('\u0000');
  const observed = new Map<string, number>();
  const outOf = new Map<string, number>();
  const deviations = new Map<string, number>();
  let total = 0;
  let fit = 0;
  for (const r of judgedMoves(judged.moves)) {
    const { g, from, to, n } = r;
    const inQueue = r.abandoned && queued.has(from);
    total += n;
    if (inQueue || allowedKeys.has(moveKey(g, from, to))) fit += n;
    else deviations.set(key(from, to), (deviations.get(key(from, to)) ?? 0) + n);
    // A contact given up in the queue goes where the queue's abandonment leads: no branch of the step.
    if (inQueue) continue;
    observed.set(key(g, from, to), (observed.get(key(g, from, to)) ?? 0) + n);
    outOf.set(key(g, from), (outOf.get(key(g, from)) ?? 0) + n);
  }
  const caseCount = judged.cases;
  const modelled = [...allowed].flatMap(([g, moves]) =>
    [...moves].map(([k, p]) => {
      const [from, to] = k.split('\u0000') as [string, string];
      return { g, from, to, p };
    }),
  );
  const visited = (g: string, from: string) => outOf.has(key(g, from));
  const withSegment = (g: string) => (bySegment ? { segment: g } : {});
  return {
    names: Object.fromEntries([...model.steps, ...model.ends].map((x) => [x.id, x.name])),
    segmentNames: Object.fromEntries(model.segments.map((g) => [g.id, g.name])),
    mappedActivities: mapped.mapped,
    unmappedActivities: mapped.unmapped,
    mappingProblems: mapped.problems,
    startEventsLeftOut: completesOnly,
    moves: total,
    allowed: fit,
    fitness: total ? fit / total : 0,
    fittingCases: caseCount ? judged.fitting / caseCount : 0,
    cases: caseCount,
    notInModel: [...deviations]
      .map(([k, count]) => {
        const [from, to] = k.split('\u0000') as [string, string];
        return { from, to, count };
      })
      .sort((a, b) => b.count - a.count || compareText(a.from, b.from) || compareText(a.to, b.to)),
    // A way on is never taken when no customer of any segment takes it.
    neverTaken: [
      ...new Map(
        modelled
          .filter((m) => m.p > 0 && visited(m.g, m.from))
          .filter((m) => !groups.some((g) => observed.has(key(g, m.from, m.to))))
          .map((m) => [key(m.from, m.to), { from: m.from, to: m.to }]),
      ).values(),
    ],
    branches: modelled
      .filter((m) => m.from !== START && visited(m.g, m.from))
      .map((m) => ({
        ...withSegment(m.g),
        step: m.from,
        to: m.to,
        observed: (observed.get(key(m.g, m.from, m.to)) ?? 0) / (outOf.get(key(m.g, m.from)) || 1),
        modelled: m.p,
        moves: outOf.get(key(m.g, m.from)) ?? 0,
      }))
      .sort(
        (a, b) =>
          compareText(a.step, b.step) ||
          compareText(a.segment ?? '', b.segment ?? '') ||
          compareText(a.to, b.to),
      ),
    ...startsAndEnds(groups, bySegment, allowed, observed, outOf),
  };
}

/** Each counted move, and a customer's first as a move from START. */
function judgedMoves(moves: MoveCount[]) {
  return moves.flatMap((m) => [
    { g: m.group, from: m.step, to: m.next, abandoned: m.abandoned, n: m.n },
    ...(m.first ? [{ g: m.group, from: START, to: m.step, abandoned: false, n: m.n }] : []),
  ]);
}

/** Starts and ends per group, from the counted moves (see start-end-fit.ts). */
function startsAndEnds(
  groups: string[],
  bySegment: boolean,
  allowed: Map<string, Map<string, number>>,
  observed: Map<string, number>,
  outOf: Map<string, number>,
): { starts: PlacesFit[]; ends: PlacesFit[] } {
  const starts: PlacesFit[] = [];
  const ends: PlacesFit[] = [];
  for (const g of groups) {
    const pick = (map: Map<string, number>, prefix: string) =>
      new Map(
        [...map]
          .filter(([k]) => k.startsWith(prefix))
          .map(([k, v]) => [k.slice(prefix.length).split('\u0000')[0] as string, v]),
      );
    const moves = allowed.get(g) ?? new Map<string, number>();
    const segment = bySegment ? { segment: g } : {};
    starts.push({
      ...segment,
      ...startFit(pick(observed, `${g}\u0000${START}\u0000`), pick(moves, `${START}\u0000`)),
    });
    const visits = new Map([...pick(outOf, `${g}\u0000`)].filter(([step]) => step !== START));
    const ended = new Map(
      [...observed]
        .filter(([k]) => k.startsWith(`${g}\u0000`) && k.endsWith(`\u0000${END}`))
        .map(([k, n]) => [k.split('\u0000')[1] as string, n]),
    );
    const endP = new Map(
      [...moves]
        .filter(([k]) => k.endsWith(`\u0000${END}`))
        .map(([k, p]) => [k.split('\u0000')[0] as string, p]),
    );
    ends.push({ ...segment, ...endFit(visits, ended, endP) });
  }
  return { starts, ends };
}
