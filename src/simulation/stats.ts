/** Means and 95% confidence intervals over replications (Student's t), and the queueing formulas the simulator is checked against. */

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

/** Erlang C: the probability that an arriving customer waits in an M/M/c queue with offered load a = lambda/mu. */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  // Erlang B by its stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c: mean wait in queue and utilisation. */
export function mmc(
  lambda: number,
  mu: number,
  c: number,
): { wait: number; utilisation: number; waitProbability: number } {
  const a = lambda / mu;
  const pw = erlangC(c, a);
  return { wait: pw / (c * mu - lambda), utilisation: a / c, waitProbability: pw };
}

/**
 * Erlang A (M/M/c+M): the birth-death chain with death rate min(n, c) mu + max(n - c, 0) theta,
 * solved numerically far into its tail. Returns the share of arrivals who abandon and the mean wait.
 */
export function erlangA(
  lambda: number,
  mu: number,
  c: number,
  theta: number,
): { abandonment: number; wait: number; utilisation: number } {
  const limit = c + Math.ceil(50 + (20 * lambda) / theta);
  const p = new Float64Array(limit + 1);
  p[0] = 1;
  let total = 1;
  for (let n = 1; n <= limit; n++) {
    const death = Math.min(n, c) * mu + Math.max(n - c, 0) * theta;
    p[n] = ((p[n - 1] as number) * lambda) / death;
    total += p[n] as number;
    if ((p[n] as number) < 1e-300) break;
  }
  let queue = 0;
  let busy = 0;
  for (let n = 0; n <= limit; n++) {
    const q = (p[n] as number) / total;
    queue += Math.max(n - c, 0) * q;
    busy += Math.min(n, c) * q;
  }
  return { abandonment: (theta * queue) / lambda, wait: queue / lambda, utilisation: busy / c };
}
