/**
 * The pools' queues in the analysis, approximate: each pool's waits and abandonment from queueing
 * formulas (Erlang A with the customers' patience, Erlang C without) over the week by SIPP, with
 * the load from the exact visit rates (arrivals x expected visits to the pool's steps x mean
 * service time). Customers who give up go where the pool's `abandon` says, which changes the
 * visits downstream and so the loads: the two are iterated, damped, to a fixed point.
 */
import { abandonDestination } from '../model/abandon.js';
import { meanOf } from '../model/distribution.js';
import type { Model, Resource, Step } from '../model/model.js';
import { arrivalWeightByMinute, capacityByMinute, WEEK_MINUTES } from '../model/week.js';
import { type WeeklyFigures, weeklyQueue } from '../queueing/sipp.js';
import { journeyChain, type QueueEffect } from './journey-chain.js';
import { solve } from './markov.js';

export interface SegmentQueue {
  segment: string;
  /** Arrivals a week from this segment. */
  arrivals: number;
  abandonment: number;
  /** Seconds in the queue per arrival; null: without bound (overloaded). */
  meanWait: number | null;
  /** Seconds waiting for the closed line to open, per arrival. */
  closedWait: number | null;
}

export interface PoolQueue {
  pool: string;
  name: string;
  basis: 'approximate';
  /** Customers reaching the queue, per hour averaged over the week. */
  arrivalsPerHour: number;
  /** Erlangs averaged over the week: arrival rate x mean service time. */
  offeredLoad: number;
  /** Busy time over time on shift; null when no one is ever on shift. */
  utilisation: number | null;
  waitProbability: number;
  /** Seconds in the queue per arrival, answered or not; null: without bound (overloaded). */
  meanWait: number | null;
  /** Share of the customers reaching the queue who give up waiting. */
  abandonment: number;
  /** The pool's target and the share answered within its time. */
  serviceLevel?: { share: number; within: number; achieved: number };
  /** Periods of the week ("Mon 08:00-20:00") in which the queue grows without bound. */
  overloaded: string[];
  bySegment: SegmentQueue[];
  /** What the formulas leave out for this pool. */
  notes: string[];
}

export interface QueueAnalysis {
  basis: 'approximate';
  method: string;
  pools: PoolQueue[];
  fixedPoint: { iterations: number; converged: boolean; tolerance: number; damping: number; change: number };
  warnings: string[];
  /** The effect of the queues on each step, for the journey metrics; absent without pools or arrivals. */
  effect?: QueueEffect;
}

export const FIXED_POINT = { tolerance: 1e-6, damping: 0.5, maxIterations: 200 } as const;

const METHOD =
  'Erlang A (with patience) or Erlang C (without) per period of constant staffing and arrivals (SIPP), weighted by arrivals; abandonment fed back into the flow to a fixed point';

interface PoolState {
  pool: Resource;
  steps: Step[];
  abandonTo: string;
  /** Per segment (model order): share giving up, queue and closed-line seconds per visit. */
  abandonment: Float64Array;
  queueWait: Float64Array;
  closedWait: Float64Array;
  figures?: WeeklyFigures;
}

export function queueAnalysis(model: Model): QueueAnalysis {
  const base = { basis: 'approximate' as const, method: METHOD };
  const states = poolStates(model);
  const stated = {
    iterations: 0,
    converged: true,
    tolerance: FIXED_POINT.tolerance,
    damping: FIXED_POINT.damping,
    change: 0,
  };
  if (states.length === 0) return { ...base, pools: [], fixedPoint: stated, warnings: [] };
  if (!model.segments.some((s) => (s.arrivals?.rate ?? 0) > 0))
    return {
      ...base,
      pools: [],
      fixedPoint: stated,
      warnings: [
        'The model gives no arrival rate, so its queues are not analysed: add `arrivals: { rate: 60/h }` (or per segment) to see waits and abandonment.',
      ],
    };
  const weights = model.segments.map((s) => arrivalWeightByMinute(s.arrivals?.profile));
  const effect = queueEffect(model, states);
  let change = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let visits: Float64Array[] = [];
  while (iterations < FIXED_POINT.maxIterations && change > FIXED_POINT.tolerance) {
    iterations++;
    visits = model.segments.map((s) => solve(journeyChain(model, s.id, effect).chain).visits);
    change = 0;
    for (const state of states) {
      const figures = evaluatePool(model, state, visits, weights);
      state.figures = figures;
      for (const [k, f] of figures.classes.entries()) {
        const step = f.abandonment - (state.abandonment[k] as number);
        change = Math.max(change, Math.abs(step));
        state.abandonment[k] = (state.abandonment[k] as number) + FIXED_POINT.damping * step;
        state.queueWait[k] = f.meanWait;
        state.closedWait[k] = f.closedWait;
      }
    }
  }
  const converged = change <= FIXED_POINT.tolerance;
  // The journey takes the queues' last answer, so that the two tell one story (they differ by less than the tolerance).
  for (const state of states)
    for (const [k, f] of state.figures?.classes.entries() ?? []) state.abandonment[k] = f.abandonment;
  // The service level changes nothing in the flow: it is worked out once, at the fixed point.
  for (const state of states)
    if (state.pool.serviceLevel)
      state.figures = evaluatePool(model, state, visits, weights, state.pool.serviceLevel.within);
  const pools = states.map((s) => poolQueue(model, s));
  const warnings = [
    ...(converged
      ? []
      : [
          `The queues' abandonment did not settle in ${iterations} rounds (last change ${(change * 100).toFixed(4)} points, tolerance ${Number((FIXED_POINT.tolerance * 100).toPrecision(2))} points): the queue figures are rough; simulate the model for firm ones.`,
        ]),
    ...pools.flatMap((p) =>
      p.overloaded.length > 0
        ? [
            `${p.name}: more work than staff and no patience set, so the queue grows without bound (${p.overloaded.join(', ')}): add staff in those hours or give the pool or segments a patience.`,
          ]
        : [],
    ),
  ];
  return { ...base, pools, fixedPoint: { ...stated, iterations, converged, change }, warnings, effect };
}

function poolStates(model: Model): PoolState[] {
  const S = model.segments.length;
  return model.resources.flatMap((pool) => {
    const steps = model.steps.filter((s) => s.pool === pool.id);
    if (steps.length === 0) return [];
    return [
      {
        pool,
        steps,
        abandonTo: abandonDestination(model, pool) ?? '',
        abandonment: new Float64Array(S),
        queueWait: new Float64Array(S),
        closedWait: new Float64Array(S),
      },
    ];
  });
}

function queueEffect(model: Model, states: PoolState[]): QueueEffect {
  const byPool = new Map(states.map((s) => [s.pool.id, s]));
  const segmentIndex = new Map(model.segments.map((s, i) => [s.id, i]));
  return {
    at(step, segment) {
      const state = step.pool ? byPool.get(step.pool) : undefined;
      const k = segmentIndex.get(segment);
      if (!state || k === undefined) return undefined;
      return {
        abandonment: state.abandonment[k] as number,
        to: state.abandonTo,
        queueWait: state.queueWait[k] as number,
        closedWait: state.closedWait[k] as number,
      };
    },
  };
}

/** The pool's week with the current visit rates: one class of customers per segment. */
function evaluatePool(
  model: Model,
  state: PoolState,
  visits: Float64Array[],
  weights: (Float64Array | null)[],
  within = 0,
): WeeklyFigures {
  const index = new Map(model.steps.map((s, i) => [s.id, i]));
  let work = 0;
  let total = 0;
  const classes = model.segments.map((segment, k) => {
    const rate = segment.arrivals?.rate ?? 0;
    let perCustomer = 0;
    for (const step of state.steps) {
      const v = visits[k]?.[index.get(step.id) as number] ?? 0;
      perCustomer += v;
      work += rate * v * (step.duration ? meanOf(step.duration) : 0);
    }
    const lambda = rate * perCustomer;
    total += lambda;
    const w = weights[k];
    const patience = segment.patience ?? state.pool.patience;
    const mean = patience ? meanOf(patience) : 0;
    return {
      rate: w ? scaled(w, lambda) : new Float64Array(WEEK_MINUTES).fill(lambda),
      theta: mean > 0 ? 1 / mean : 0,
    };
  });
  const meanService = total > 0 ? work / total : 0;
  const pool = state.pool;
  return weeklyQueue({
    capacity: pool.schedule
      ? capacityByMinute(pool.schedule)
      : new Int32Array(WEEK_MINUTES).fill(pool.capacity),
    // A pool whose steps take no time serves at once: a very fast server stands for that.
    mu: meanService > 0 ? 1 / meanService : 1e9,
    dedicated: pool.assignment === 'dedicated',
    classes,
    within,
  });
}

/**
 * The weights times `factor`, in a loop: `map` called back for each minute of the week, in every
 * round of the fixed point.
 */
function scaled(weights: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(weights.length);
  for (let m = 0; m < weights.length; m++) out[m] = (weights[m] as number) * factor;
  return out;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

function poolQueue(model: Model, state: PoolState): PoolQueue {
  const f = state.figures as WeeklyFigures;
  const pool = state.pool;
  const notes = [
    ...(pool.discipline === 'priority'
      ? [
          'served by segment priority: the pool figures hold, the split between segments is as if first come, first served',
        ]
      : []),
    ...(pool.assignment === 'dedicated'
      ? [
          'dedicated owners: each member is taken as a queue of their own with an equal share of the customers',
        ]
      : []),
    ...(f.neverStaffed ? ['no one is ever on shift: every customer waits for ever'] : []),
  ];
  return {
    pool: pool.id,
    name: pool.name,
    basis: 'approximate',
    arrivalsPerHour: (f.arrivals / (WEEK_MINUTES * 60)) * 3600,
    offeredLoad: f.offered,
    utilisation: f.utilisation,
    waitProbability: f.waitProbability,
    meanWait: f.overloaded.length > 0 || f.neverStaffed ? null : finite(f.meanWait),
    abandonment: f.abandonment,
    ...(pool.serviceLevel ? { serviceLevel: { ...pool.serviceLevel, achieved: f.answeredWithin } } : {}),
    overloaded: f.overloaded.map(([from, to]) => periodText(from, to)),
    bySegment: model.segments.map((s, k) => {
      const c = f.classes[k];
      return {
        segment: s.id,
        arrivals: c?.arrivals ?? 0,
        abandonment: c?.abandonment ?? 0,
        meanWait: finite(c?.meanWait ?? 0),
        closedWait: finite(c?.closedWait ?? 0),
      };
    }),
    notes,
  };
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const clock = (minute: number) =>
  `${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function periodText(from: number, to: number): string {
  const day = DAYS[Math.floor(from / 1440)] ?? '';
  const end = to % 1440 === 0 && to > from ? '24:00' : clock(to);
  return Math.floor((to - 1) / 1440) === Math.floor(from / 1440)
    ? `${day} ${clock(from)}-${end}`
    : `${day} ${clock(from)}-${DAYS[Math.floor((to - 1) / 1440)] ?? ''} ${end}`;
}
