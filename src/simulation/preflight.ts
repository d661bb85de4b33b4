/**
 * Checks before a simulation starts, so that bad parameters get a clear error instead of a run
 * that never settles: every segment needs arrivals (but one of share 0, switched off), and a pool
 * whose offered load reaches its capacity, with nobody ever giving up, has a queue that grows
 * without end.
 */
import { journeyMetrics, type Metrics } from '../analysis/index.js';
import { meanOf } from '../model/distribution.js';
import type { Model } from '../model/model.js';
import { MAX_CAPACITY } from '../model/schema.js';
import { formatDuration } from '../model/units.js';
import { grouped } from '../text/grouped.js';

export interface Problem {
  message: string;
  hint: string;
  /** A run setting that cannot be (a horizon of 0), not the model: the CLI calls it a usage error. */
  setting?: boolean;
  /** The settings that would do, for a hint in the API's terms ({"horizon": "30d"}) where `hint` has the CLI's. */
  example?: Record<string, string | number>;
}

/** One segment's demand on the pools, per customer who arrives: visits to each pool's steps and their work in seconds. */
export interface SegmentDemand {
  segment: string;
  /** Arrivals per second. */
  rate: number;
  visits: Map<string, number>;
  work: Map<string, number>;
}

/** Each segment's demand on each pool, from the exact visit counts. */
export function poolDemand(model: Model, metrics: Metrics = journeyMetrics(model)): SegmentDemand[] {
  return metrics.segments.map((s) => {
    const visits = new Map(model.resources.map((r) => [r.id, 0]));
    const work = new Map(model.resources.map((r) => [r.id, 0]));
    for (const step of model.steps) {
      if (!step.pool || !step.duration) continue;
      const v = s.visits[step.id] ?? 0;
      visits.set(step.pool, (visits.get(step.pool) ?? 0) + v);
      work.set(step.pool, (work.get(step.pool) ?? 0) + v * meanOf(step.duration));
    }
    const rate = model.segments.find((x) => x.id === s.segment)?.arrivals?.rate ?? 0;
    return { segment: s.segment, rate, visits, work };
  });
}

/** Offered load per pool in Erlangs (busy servers needed on average), from the exact visit counts. */
export function offeredLoad(model: Model, metrics: Metrics = journeyMetrics(model)): Map<string, number> {
  const load = new Map(model.resources.map((r) => [r.id, 0]));
  for (const d of poolDemand(model, metrics))
    for (const [pool, work] of d.work) load.set(pool, (load.get(pool) ?? 0) + d.rate * work);
  return load;
}

/** A pool's capacity averaged over the week (its shifts), or its fixed capacity. */
export function meanCapacity(resource: Model['resources'][number]): number {
  if (!resource.schedule || resource.schedule.length === 0) return resource.capacity;
  let total = 0;
  for (const shift of resource.schedule) {
    const minutes = shift.end > shift.start ? shift.end - shift.start : shift.end + 1440 - shift.start;
    total += shift.days.length * minutes * shift.capacity;
  }
  return total / (7 * 1440);
}

export function preflight(
  model: Model,
  options: { horizon: number; warmup: number; replications: number },
  metrics?: Metrics,
): Problem[] {
  const problems: Problem[] = [];
  if (!(options.horizon > 0))
    problems.push({
      message: 'the horizon must be longer than 0',
      hint: 'e.g. --horizon 30d',
      setting: true,
      example: { horizon: '30d' },
    });
  if (!(options.warmup >= 0) || options.warmup >= options.horizon)
    problems.push({
      message: `the warm-up (${formatDuration(options.warmup)}) must be shorter than the horizon (${formatDuration(options.horizon)})`,
      hint: 'e.g. --horizon 30d --warmup 2d',
      setting: true,
      example: { horizon: '30d', warmup: '2d' },
    });
  if (!Number.isInteger(options.replications) || options.replications < 1)
    problems.push({
      message: `replications must be a whole number of at least 1, not ${options.replications}`,
      hint: 'e.g. --replications 20',
      setting: true,
      example: { replications: 20 },
    });
  // A segment whose share is 0 is switched off (a what-if that moves everyone to another); one
  // with a share and no arrivals has been forgotten.
  const arriving = model.segments.filter((s) => s.arrivals && s.arrivals.rate > 0);
  for (const s of model.segments) {
    if (!arriving.includes(s) && (s.share > 0 || arriving.length === 0)) {
      problems.push({
        message: `segment '${s.id}' has no arrivals, so ${arriving.length === 0 ? 'nobody would walk the journey' : 'none of its customers would walk the journey'}`,
        hint: 'give the model arrivals: {rate: 40/h} (split by segment shares) or the segment its own arrivals; a segment of share 0 is left out',
      });
    }
  }
  if (problems.length > 0) return problems;
  const load = offeredLoad(model, metrics);
  const patient = model.segments.every((s) => s.patience === undefined);
  for (const r of model.resources) {
    const offered = load.get(r.id) ?? 0;
    const capacity = meanCapacity(r);
    const utilisation = offered / capacity;
    if (utilisation >= 1 && patient && r.patience === undefined) {
      problems.push({
        message: `pool '${r.id}' is overloaded: it is offered ${offered.toFixed(2)} Erlang of work for ${capacity.toFixed(2)} members on average (utilisation ${(utilisation * 100).toFixed(0)}%), and nobody gives up, so its queue grows without end`,
        hint: overloadHint(r.id, offered),
      });
    }
  }
  return problems;
}

/** What staffs an overloaded pool: more members than the Erlangs offered, unless no pool can be that large. */
function overloadHint(pool: string, offered: number): string {
  const least = Math.floor(offered) + 1;
  if (least > MAX_CAPACITY)
    return `no pool can keep up with that (at most ${grouped(MAX_CAPACITY)} members): check the arrival rate and the durations of the pool's steps (a rate per second meant per hour, or hours meant as minutes)`;
  const suggested = Math.min(MAX_CAPACITY, Math.max(least, Math.ceil(offered * 1.15)));
  // Worded for the model as much as the command line: the web app shows it too.
  return `staff it with ${least} or more (capacity: ${suggested} in the pool, or --set resources.${pool}.capacity=${suggested} on the command line), or give its customers patience so that some abandon`;
}
