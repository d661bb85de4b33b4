/**
 * The share answered within t, in closed form, against the chain it sums up solved another way: by
 * uniformization, jump by jump (how linesight computed it before), on queues small enough for that.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredWithin } from './answered-within.js';
import { birthDeath, queueAhead } from './birth-death.js';

/**
 * The chain "k ahead" (k clears at serve + k theta, the arrival gives up at own, k = 0 clears into
 * service) run by a uniformized clock for t: the mass that reaches service by then.
 */
function uniformized(q0: Float64Array, serve: number, theta: number, own: number, t: number): number {
  const K = q0.length;
  const rate = serve + K * theta + own;
  const lt = rate * t;
  const terms = Math.ceil(lt + 10 * Math.sqrt(lt) + 30);
  let q = Float64Array.from(q0);
  let answered = 0;
  let served = 0;
  let logWeight = -lt;
  for (let m = 0; m <= terms; m++) {
    if (m > 0) logWeight += Math.log(lt / m);
    answered += Math.exp(logWeight) * served;
    const next = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      const mass = q[k] as number;
      const clears = serve + k * theta;
      if (k === 0) served += (mass * clears) / rate;
      else next[k - 1] = (next[k - 1] as number) + (mass * clears) / rate;
      next[k] = (next[k] as number) + (mass * (rate - clears - own)) / rate;
    }
    q = next;
  }
  return answered;
}

/** The sum over the states taken from no one ahead, one state at a time. */
function fromNoOne(ahead: Float64Array, start: number, serve: number, theta: number, own: number, t: number) {
  const m = (serve + own) / theta;
  const logX = Math.log(-Math.expm1(-theta * t));
  let logP = -(serve + own) * t;
  let atMost = 0;
  let answered = 1;
  let sum = 0;
  for (let j = 0; j < start + ahead.length; j++) {
    if (j > 0) logP += logX + Math.log((j - 1 + m) / j);
    atMost += Math.exp(logP);
    answered *= (serve + j * theta) / (serve + j * theta + own);
    if (j >= start) sum += (ahead[j - start] as number) * answered * Math.max(0, 1 - atMost);
  }
  return sum;
}

describe('the share answered within t', () => {
  it('of a queue deeper than is summed state by state is the same sum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_001, max: 250_000 }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (start, shift, ownShare) => {
          // Places clear at about 1 a second and patience runs at 1e-4: at t the negative binomial's
          // mean stands within about two spreads of `start` (`shift` seconds off), where the tail
          // summed past it is neither 0 nor 1.
          const serve = 1;
          const theta = 1e-4;
          const own = theta * ownShare;
          const t = Math.log1p((start * theta) / (serve + own)) / theta + shift;
          const ahead = Float64Array.from({ length: 300 }, (_, i) => Math.exp(-i / 60) / 60);
          const closed = answeredWithin(ahead, start, 0, serve, theta, own, t);
          const exact = fromNoOne(ahead, start, serve, theta, own, t);
          expect(exact).toBeGreaterThan(1e-6);
          // The reference carries the rounding of a hundred thousand steps in logarithms.
          expect(Math.abs(closed - exact)).toBeLessThan(1e-7 * exact);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('is what the chain of customers ahead gives, solved jump by jump', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.3, max: 2.5, noNaN: true }),
        fc.double({ min: 60, max: 600, noNaN: true }),
        fc.double({ min: 30, max: 1800, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.constantFrom(0, 5, 20, 60, 300),
        (c, load, serviceSeconds, patienceSeconds, ownShare, within) => {
          const mu = 1 / serviceSeconds;
          const lambda = load * c * mu;
          const theta = 1 / patienceSeconds;
          const own = theta * ownShare;
          const { start, ahead } = queueAhead(birthDeath(c, mu, lambda, theta), c);
          const q0 = new Float64Array(start + ahead.length);
          q0.set(ahead, start);
          const closed = answeredWithin(ahead, start, 0, c * mu, theta, own, within);
          expect(closed).toBeCloseTo(uniformized(q0, c * mu, theta, own, within), 10);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('adds those served at once, and none of the others by t = 0', () => {
    const { start, ahead } = queueAhead(birthDeath(5, 1 / 180, 0.03, 1 / 120), 5);
    expect(answeredWithin(ahead, start, 0.4, 5 / 180, 1 / 120, 1 / 120, 0)).toBe(0.4);
    expect(answeredWithin(ahead, start, 0.4, 5 / 180, 1 / 120, 1 / 120, 30)).toBeGreaterThan(0.4);
  });

  it('of a queue full for good, with an hour to answer, is its throughput share', () => {
    // 300 Erlangs offered to 10 agents: the 10 serve a thirtieth of the callers, and each one
    // served has waited minutes, well within the hour.
    const mu = 1 / 300;
    const theta = 1 / 240;
    const { start, ahead } = queueAhead(birthDeath(10, mu, 1, theta), 10);
    expect(answeredWithin(ahead, start, 0, 10 * mu, theta, theta, 3600)).toBeCloseTo(1 / 30, 9);
  });
});
