/**
 * How much work a simulation is, known before it starts: the customers expected to arrive (each
 * segment's mean arrival rate over the horizon, in every replication) and the step visits they make
 * (each customer's expected steps, from the exact analysis). The server refuses a request past its
 * limit with these figures, and the CLI says them up front instead of running silently for minutes.
 */
import { journeyMetrics, type Metrics } from '../analysis/metrics.js';
import type { Model } from '../model/model.js';
import { formatDuration } from '../model/units.js';
import { grouped } from '../text/grouped.js';
import { plural } from '../text/plural.js';

export interface WorkEstimate {
  /** Customers expected to arrive over all replications. */
  customers: number;
  /** Step visits those customers are expected to make: the simulator's work. */
  stepVisits: number;
  replications: number;
  /** Seconds of arrivals per replication. */
  horizon: number;
}

/**
 * Step visits a second that one thread simulates, roughly (measured on two cores, built code:
 * 3.5 million on the departments example, 2.7 million on M/M/c). Only for telling people how
 * long a run may take; no limit depends on it.
 */
export const STEP_VISITS_PER_SECOND = 3_000_000;

export function estimateWork(
  model: Model,
  options: { horizon: number; replications: number },
  metrics: Metrics = journeyMetrics(model),
): WorkEstimate {
  let customers = 0;
  let stepVisits = 0;
  for (const segment of model.segments) {
    const arriving = (segment.arrivals?.rate ?? 0) * options.horizon * options.replications;
    const steps = metrics.segments.find((m) => m.segment === segment.id)?.steps ?? 0;
    customers += arriving;
    stepVisits += arriving * steps;
  }
  return { customers, stepVisits, replications: options.replications, horizon: options.horizon };
}

/** Several runs (a what-if's scenarios, a sweep's values) as one amount of work. */
export function totalWork(parts: WorkEstimate[]): WorkEstimate {
  return {
    customers: parts.reduce((s, p) => s + p.customers, 0),
    stepVisits: parts.reduce((s, p) => s + p.stepVisits, 0),
    replications: parts.reduce((s, p) => s + p.replications, 0),
    horizon: Math.max(0, ...parts.map((p) => p.horizon)),
  };
}

const count = (n: number) =>
  n >= 1e12
    ? `${(n / 1e12).toPrecision(3)} trillion`
    : n >= 1e9
      ? `${(n / 1e9).toPrecision(3)} billion`
      : n >= 1e6
        ? `${(n / 1e6).toPrecision(3)} million`
        : grouped(Math.round(n));

/** "about 1.44 million customers and 2.88 million step visits (20 replications of 30 d)". */
export function describeWork(work: WorkEstimate): string {
  return `about ${count(work.customers)} customers and ${count(work.stepVisits)} step visits (${plural(work.replications, 'replication')} of ${formatDuration(work.horizon)})`;
}

/** A rough running time on `threads` threads, for people: "about 3 min", or undefined when short. */
export function roughDuration(work: WorkEstimate, threads: number): string | undefined {
  const seconds = work.stepVisits / STEP_VISITS_PER_SECOND / Math.max(1, threads);
  if (seconds < 10) return undefined;
  return `about ${formatDuration(Math.round(seconds))}`;
}
