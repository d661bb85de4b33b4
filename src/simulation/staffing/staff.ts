/**
 * Staffing at least cost: per hour of the week, the fewest members of each pool that meet the
 * pool's service level. The queueing formulas give the first answer hour by hour (Erlang C, or
 * Erlang A where customers give up; each hour as if it were stationary); simulation of the whole
 * model then checks it, since customers carry over from hour to hour and reach a pool later than
 * they arrive: an hour that misses gets the members it lacks (members-short.ts: one, in a pool of
 * a few) and is checked again; then one member fewer is tried in every hour, and those that still
 * meet keep the saving. Each hour is judged on the mean service level of the replications, all
 * runs with the same seed (common random numbers).
 */

import { type Distribution, meanOf } from '../../model/distribution.js';
import type { Model } from '../../model/model.js';
import type { ServiceLevelTarget } from '../../model/units.js';
import { HOURS_PER_WEEK } from '../run.js';
import { simulate } from '../simulate.js';
import type { Estimate } from '../stats.js';
import { studentTQuantile, tQuantile } from '../student-t.js';
import { hourlyDemand } from './hourly-demand.js';
import { hourlyStaff, shiftsOf } from './hourly-schedule.js';
import { type CheckedBefore, membersShort } from './members-short.js';
import { fewestAgents } from './service-level.js';

export interface StaffingOptions {
  /** Pools to staff (default: every pool with a service level). */
  pools?: string[];
  replications: number;
  /** Days simulated after a day of warm-up. */
  days: number;
  seed: number;
  workers?: number;
  /** Simulations at most, checks and trims together (DEFAULT_ROUNDS unless given; at least 2). */
  rounds?: number;
  onProgress?: (round: number, rounds: number, what: string) => void;
  signal?: AbortSignal;
}

export interface PoolStaffing {
  id: string;
  name: string;
  target: ServiceLevelTarget;
  /** The formula used: 'Erlang A' where customers give up waiting, else 'Erlang C'. */
  method: 'Erlang C' | 'Erlang A';
  /** Per hour of the week (168, Monday 00:00 first). */
  contactsPerHour: number[];
  load: number[];
  formula: number[];
  staff: number[];
  today: number[];
  /** The simulated service level with `staff` (mean of the replications; null where nobody queued). */
  serviceLevel: (number | null)[];
  /** Hours below target in the last check when the rounds ran out (each given the members it lacked since, not checked again). */
  missing: number[];
  /**
   * Hours where one member fewer met the target on the mean of the replications but not beyond
   * doubt for all the week's hours, so the member was kept: with more replications the saving may
   * show. With its service level then.
   */
  unproven: { hour: number; serviceLevel: number }[];
  memberHours: { staffed: number; today: number };
  /** Per week, at the pool's cost per member-hour; null without a cost. */
  cost: { staffed: number; today: number; currency: string } | null;
}

export interface StaffingResult {
  model: { id: string; name: string };
  pools: PoolStaffing[];
  /** Pools not staffed, and why. */
  skipped: { id: string; name: string; reason: string }[];
  rounds: number;
  /** Whether the last simulation checked the staffing as given and every hour met its target. */
  verified: boolean;
  options: { replications: number; days: number; seed: number };
  /** Said when the replications are too few for the simulation to judge an hour by. */
  caution?: string;
}

export class StaffingError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const WARMUP = 86400;
/** Simulations a staffing runs at most unless told: checks and one trim. */
export const DEFAULT_ROUNDS = 8;
/** The most rounds the CLI and the server take: each is a whole simulation of the model. */
export const MOST_ROUNDS = 50;
/** Below this many contacts an hour the pool can stay closed. */
const NO_DEMAND = 1e-6;

interface Plan {
  pool: Model['resources'][number];
  index: number;
  target: ServiceLevelTarget;
  theta: number;
  rate: Float64Array;
  load: Float64Array;
  formula: Int32Array;
  staff: Int32Array;
  /** The last trim's hours that met the target on the mean, not beyond doubt (kept): that mean, and the staff kept. */
  unproven: Map<number, { mean: number; kept: number }>;
  /** Hours raised since the last trim: their staff and simulated level before the raise. */
  raised: Map<number, CheckedBefore>;
}

function plans(model: Model, options: StaffingOptions, skipped: StaffingResult['skipped']): Plan[] {
  const ids = model.resources.map((r) => r.id);
  for (const id of options.pools ?? [])
    if (!ids.includes(id))
      throw new StaffingError(`the model has no pool '${id}'`, `its pools: ${ids.join(', ') || 'none'}`);
  const demand = hourlyDemand(model);
  const out: Plan[] = [];
  for (const [index, pool] of model.resources.entries()) {
    if (options.pools && !options.pools.includes(pool.id)) continue;
    if (!pool.serviceLevel) {
      skipped.push({
        id: pool.id,
        name: pool.name,
        reason: 'it has no service level target (give it one, e.g. serviceLevel: 80% in 20 s)',
      });
      continue;
    }
    if (pool.assignment === 'dedicated') {
      skipped.push({
        id: pool.id,
        name: pool.name,
        reason: 'its customers each have their own member (dedicated), so there is no shared queue to staff',
      });
      continue;
    }
    const d = demand.get(pool.id) as { rate: Float64Array; load: Float64Array };
    if (!d.rate.some((r) => r * 3600 > NO_DEMAND)) {
      skipped.push({ id: pool.id, name: pool.name, reason: 'no customer reaches it' });
      continue;
    }
    const theta = givingUp(model, pool);
    const target = pool.serviceLevel;
    const formula = Int32Array.from({ length: HOURS_PER_WEEK }, (_, h) => {
      const rate = d.rate[h] as number;
      if (rate * 3600 <= NO_DEMAND) return 0;
      return fewestAgents(rate, rate / (d.load[h] as number), theta, target).agents;
    });
    out.push({
      pool,
      index,
      target,
      theta,
      rate: d.rate,
      load: d.load,
      formula,
      staff: formula.slice(),
      unproven: new Map(),
      raised: new Map(),
    });
  }
  return out;
}

/** The model with each planned pool on the hourly headcounts given. */
function staffed(model: Model, list: Plan[], staffOf: (p: Plan) => Int32Array): Model {
  const resources = model.resources.slice();
  for (const p of list) {
    const staff = staffOf(p);
    resources[p.index] = { ...p.pool, capacity: Math.max(1, ...staff), schedule: shiftsOf(staff) };
  }
  return { ...model, resources };
}

/**
 * Simulated service level per planned pool and hour: the mean (NaN where nobody queued), and the
 * low end a trim is judged by (lowForAllHours).
 */
interface Levels {
  mean: Float64Array;
  low: Float64Array;
}

async function levels(model: Model, list: Plan[], options: StaffingOptions): Promise<Levels[]> {
  const r = await simulate(model, {
    replications: options.replications,
    horizon: WARMUP + options.days * 86400,
    warmup: WARMUP,
    seed: options.seed,
    // A plan is checked twice or more with the default rounds (a trim needs a check after it).
    series: 2,
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return list.map((p) => {
    const hours = r.contactCenter[p.index]?.hours ?? [];
    return {
      mean: Float64Array.from(hours, (k) => k.serviceLevel.mean),
      low: Float64Array.from(hours, (k) => lowForAllHours(k.serviceLevel)),
    };
  });
}

/**
 * The low end of an hour's service level at 95% for all the week's hours at once (Bonferroni,
 * one-sided): a trim is tried in every hour together, and at 95% each, some of 168 hours pass by
 * luck (11 agents where Erlang C needs 12 on a flat day; 27 hours at the mean, 1 at 95% each).
 */
export function lowForAllHours(e: Estimate): number {
  // Nobody queued: no one waited too long. Fewer replications that saw a queue: no interval to
  // judge by. Two that both answered every caller in time have no spread, and an hour of a few
  // calls does so by luck: one agent kept where Erlang C needs two, 44% answered in time.
  if (e.n === 0) return Number.POSITIVE_INFINITY;
  if (e.n < FEWEST_TO_JUDGE) return Number.NaN;
  const se = e.halfWidth / tQuantile(e.n - 1);
  return e.mean - studentTQuantile(1 - 0.05 / HOURS_PER_WEEK, e.n - 1) * se;
}

/** Replications of an hour that saw a queue, at least, for its interval to keep one member fewer. */
export const FEWEST_TO_JUDGE = 5;

/** Raises hour h of plan p, simulated at `level`, by what it lacks (members-short.ts). */
function raise(p: Plan, h: number, level: number): void {
  const rate = p.rate[h] as number;
  const load = p.load[h] as number;
  const staff = p.staff[h] as number;
  const mu = load > 0 ? rate / load : 0;
  const queue = { lambda: rate, mu, theta: p.theta };
  p.staff[h] = staff + membersShort(queue, staff, level, p.target, p.raised.get(h));
  p.raised.set(h, { staff, level });
}

const misses = (level: number, target: ServiceLevelTarget) => Number.isFinite(level) && level < target.share;
/** The low end reaches the target: no one queued (+Infinity) does; no interval (NaN) does not. */
const clearlyMeets = (low: number, target: ServiceLevelTarget) => low >= target.share;

export async function staffModel(model: Model, options: StaffingOptions): Promise<StaffingResult> {
  const skipped: StaffingResult['skipped'] = [];
  const list = plans(model, options, skipped);
  const rounds = Math.max(2, options.rounds ?? DEFAULT_ROUNDS);
  let round = 0;
  const run = async (what: string, staffOf: (p: Plan) => Int32Array) => {
    // Counted apart from the call: in `onProgress?.(++round, ...)` the count was skipped with the
    // call when no one listened, and the rounds ran without end.
    round++;
    options.onProgress?.(round, rounds, what);
    return levels(staffed(model, list, staffOf), list, options);
  };
  let last: Float64Array[] = list.map(() => new Float64Array(HOURS_PER_WEEK).fill(Number.NaN));
  let verified = false;
  let trimmed = false;
  while (list.length > 0 && round < rounds) {
    last = (await run('checking the staffing by simulation', (p) => p.staff)).map((l) => l.mean);
    let added = false;
    for (const [i, p] of list.entries())
      for (let h = 0; h < HOURS_PER_WEEK; h++)
        if (misses(last[i]?.[h] as number, p.target)) {
          raise(p, h, last[i]?.[h] as number);
          added = true;
        }
    if (added) continue;
    verified = true;
    // A trim needs a check after it: only with two rounds left.
    if (trimmed || round > rounds - 2) break;
    trimmed = true;
    // One fewer in every hour at once, never closing an hour with demand: where that still meets
    // the target beyond doubt (lowForAllHours), it stays. Judged on the mean, hours were kept by
    // luck: 11 agents where Erlang C needs 12 on a flat day.
    const fewer = (p: Plan) => p.staff.map((n) => (n > 1 ? n - 1 : n));
    const trial = await run('trying one fewer in every hour', fewer);
    let saved = false;
    for (const [i, p] of list.entries()) {
      const less = fewer(p);
      p.unproven.clear();
      p.raised.clear();
      for (let h = 0; h < HOURS_PER_WEEK; h++) {
        if (less[h] === p.staff[h]) continue;
        if (clearlyMeets(trial[i]?.low[h] as number, p.target)) {
          p.staff[h] = less[h] as number;
          saved = true;
        } else {
          const mean = trial[i]?.mean[h] as number;
          if (Number.isFinite(mean) && !misses(mean, p.target))
            p.unproven.set(h, { mean, kept: p.staff[h] as number });
        }
      }
    }
    if (!saved) break;
    verified = false;
  }
  return {
    model: { id: model.id, name: model.name },
    pools: list.map((p, i) => poolResult(model, p, last[i] as Float64Array)),
    skipped,
    rounds: round,
    verified: verified || list.length === 0,
    options: { replications: options.replications, days: options.days, seed: options.seed },
    ...(options.replications < FEWEST_TO_JUDGE
      ? {
          caution: `With ${options.replications} replications an hour's simulated service level rests on a few of its calls: the hours simulation raised may be noise, and none was kept below the formula. ${FEWEST_TO_JUDGE * 2} replications or more judge them.`,
        }
      : {}),
  };
}

function poolResult(model: Model, p: Plan, level: Float64Array): PoolStaffing {
  const today = hourlyStaff(p.pool);
  // Shifts sum minute by minute: rounding keeps 1024 member-hours from reading 1023.9999999.
  const sum = (xs: ArrayLike<number>) => Math.round(Array.from(xs).reduce((a, b) => a + b, 0) * 1e6) / 1e6;
  const memberHours = { staffed: sum(p.staff), today: sum(today) };
  const price = p.pool.cost?.amount;
  return {
    id: p.pool.id,
    name: p.pool.name,
    target: p.target,
    method: p.theta > 0 ? 'Erlang A' : 'Erlang C',
    contactsPerHour: Array.from(p.rate, (r) => r * 3600),
    load: Array.from(p.load),
    formula: Array.from(p.formula),
    staff: Array.from(p.staff),
    today: Array.from(today),
    serviceLevel: Array.from(level, (x) => (Number.isFinite(x) ? x : null)),
    missing: Array.from(level).flatMap((x, h) => (misses(x, p.target) ? [h] : [])),
    // An hour raised again after the trim was checked at other staff: its saving is not the question.
    unproven: [...p.unproven].flatMap(([hour, u]) =>
      p.staff[hour] === u.kept ? [{ hour, serviceLevel: u.mean }] : [],
    ),
    memberHours,
    cost:
      price === undefined
        ? null
        : {
            staffed: memberHours.staffed * price,
            today: memberHours.today * price,
            currency: p.pool.cost?.currency ?? model.currency,
          },
  };
}

/**
 * The rate of giving up the formula takes for a pool (1 / mean patience): the patience the
 * simulator gives its customers, their segment's, else the pool's; over several segments the
 * mean weighted by their arrivals. The formula took the pool's first, and so staffed for a 30 min
 * patience the simulator's customers, patient for 1 min, never had (13% too many member-hours).
 */
function givingUp(model: Model, pool: Model['resources'][number]): number {
  const rateOf = (p: Distribution | undefined) => (p ? 1 / meanOf(p) : 0);
  let arrivals = 0;
  let sum = 0;
  for (const segment of model.segments) {
    const rate = segment.arrivals?.rate ?? 0;
    arrivals += rate;
    sum += rate * rateOf(segment.patience ?? pool.patience);
  }
  return arrivals > 0 ? sum / arrivals : rateOf(pool.patience);
}
