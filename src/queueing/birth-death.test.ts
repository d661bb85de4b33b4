/**
 * The queue lengths of M/M/c+M, which the analysis and staffing read: the same as the chain's
 * stationary distribution taken state by state from n = 0, and over a span of states that grows
 * with the square root of the load, so that an overloaded queue's analysis ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDeath, queueAhead } from './birth-death.js';
import { stationaryQueue } from './stationary.js';

/**
 * The distribution by its definition, p(n) = p(n - 1) lambda / (min(n, c) mu + max(n - c, 0) theta)
 * from 0 to `states`, in logarithms: the products themselves pass 1e308 before the mode of a long queue.
 */
function fromZero(c: number, mu: number, lambda: number, theta: number, states: number): number[] {
  const logs = [0];
  for (let n = 1; n < states; n++)
    logs.push(
      (logs[n - 1] as number) + Math.log(lambda / (Math.min(n, c) * mu + Math.max(n - c, 0) * theta)),
    );
  const top = Math.max(...logs);
  const p = logs.map((l) => Math.exp(l - top));
  const total = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / total);
}

describe('the queue lengths of M/M/c+M', () => {
  it('are the stationary distribution, state by state, where it holds mass', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 30, max: 900, noNaN: true }),
        fc.double({ min: 30, max: 3600, noNaN: true }),
        (c, load, serviceSeconds, patienceSeconds) => {
          const mu = 1 / serviceSeconds;
          const lambda = load * c * mu;
          const theta = 1 / patienceSeconds;
          const { from, p } = birthDeath(c, mu, lambda, theta);
          // Both are products of thousands of ratios: they agree to their rounding, not to the last bit.
          const exact = fromZero(c, mu, lambda, theta, from + p.length + 2000);
          expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          for (let n = 0; n < exact.length; n++) {
            const ours = n >= from && n < from + p.length ? (p[n - from] as number) : 0;
            expect(Math.abs(ours - (exact[n] as number))).toBeLessThan(1e-14 + 1e-10 * (exact[n] as number));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('of an overloaded queue span the states around its mode, not every state up to it', () => {
    // A million and a hundred million calls an hour to two agents of five minutes, with four
    // minutes' patience: the queue stands near lambda / theta, 66,700 and 6.7 million.
    for (const perHour of [1_000_000, 100_000_000]) {
      const lambda = perHour / 3600;
      const theta = 1 / 240;
      const { from, p } = birthDeath(2, 1 / 300, lambda, theta);
      const standing = lambda / theta;
      expect(from).toBeGreaterThan(standing - 20 * Math.sqrt(standing));
      expect(p.length).toBeLessThan(30 * Math.sqrt(standing));
      const { start, ahead } = queueAhead({ from, p }, 2);
      expect(start).toBe(from - 2);
      expect(ahead.length).toBe(p.length);
    }
  });

  it('give an overloaded queue the abandonment its throughput implies', () => {
    // In steady state the served flow is busy x mu, so the share who give up is 1 - busy mu / lambda.
    for (const [c, perHour, patience] of [
      [2, 1_000_000, 240],
      [10, 50_000, 60],
      [25, 400, 600],
    ] as const) {
      const mu = 1 / 300;
      const lambda = perHour / 3600;
      const q = stationaryQueue(c, mu, [{ rate: lambda, theta: 1 / patience }], 20);
      const k = q.classes[0];
      expect(k?.abandonment).toBeCloseTo(1 - (q.busy * mu) / lambda, 9);
      expect(k?.answeredWithin).toBeGreaterThanOrEqual(0);
      expect(k?.answeredWithin).toBeLessThanOrEqual(1 - (k?.abandonment ?? 0) + 1e-9);
    }
  });
});
