/** Closed forms of the stationary M/M/c queue (Erlang C) and M/M/c+M (Erlang A): the yardsticks of the simulator and the building blocks of the analysis's queues. */

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
