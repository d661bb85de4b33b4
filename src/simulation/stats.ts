/** Means and 95% confidence intervals over replications (Student's t). */

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

/** t(0.975, df) for df = 1..30; beyond, the normal 1.96 is within 2%. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export const tQuantile = (df: number) =>
  df <= 0 ? Number.NaN : df <= 30 ? (T975[df - 1] as number) : df <= 60 ? 2.0 : df <= 120 ? 1.98 : 1.96;

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
