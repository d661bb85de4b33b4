/** Means and 95% confidence intervals over replications (Student's t). */
import { tQuantile } from './student-t.js';

// The queueing formulas the simulator is checked against live in src/queueing; kept here for the callers that import them from the simulation.
export { erlangA, erlangC, mmc } from '../queueing/erlang.js';

export interface Estimate {
  mean: number;
  /** Half-width of the 95% confidence interval; 0 with one replication. */
  halfWidth: number;
  low: number;
  high: number;
  n: number;
}

export function estimate(values: number[]): Estimate {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: Number.NaN, halfWidth: Number.NaN, low: Number.NaN, high: Number.NaN, n: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, halfWidth: 0, low: mean, high: mean, n };
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const halfWidth = tQuantile(n - 1) * Math.sqrt(variance / n);
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, n };
}
