import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC } from '../stats.js';
import { fewestAgents, serviceLevel } from './service-level.js';

const perHour = (x: number) => x / 3600;

describe('service level of a stationary queue', () => {
  it("is Erlang C's closed form without patience", () => {
    const [lambda, mu, c] = [perHour(100), perHour(12), 10];
    const C = erlangC(c, lambda / mu);
    expect(serviceLevel(lambda, mu, c, 0, 20)).toBeCloseTo(1 - C * Math.exp(-(c * mu - lambda) * 20), 12);
    expect(serviceLevel(lambda, mu, 8, 0, 20)).toBe(0);
  });

  it('with patience tends to Erlang C as patience grows long', () => {
    const [lambda, mu, c] = [perHour(100), perHour(12), 10];
    expect(serviceLevel(lambda, mu, c, 1e-9, 20)).toBeCloseTo(serviceLevel(lambda, mu, c, 0, 20), 4);
  });

  it('with patience: at 0 s the share not waiting, after long the share not abandoning (Erlang A)', () => {
    const [lambda, mu, c, theta] = [perHour(200), perHour(12), 15, 1 / 120];
    const a = erlangA(lambda, mu, c, theta);
    expect(serviceLevel(lambda, mu, c, theta, 4 * 3600)).toBeCloseTo(1 - a.abandonment, 4);
    const atOnce = serviceLevel(lambda, mu, c, theta, 0);
    expect(atOnce).toBeGreaterThan(0);
    expect(atOnce).toBeLessThan(serviceLevel(lambda, mu, c, theta, 20));
  });

  it('finds the fewest agents: one fewer misses the target', () => {
    const target = { share: 0.8, within: 20 };
    for (const [lambda, mu, theta] of [
      [perHour(100), perHour(12), 0],
      [perHour(600), perHour(10), 1 / 90],
      [perHour(3), perHour(6), 0],
    ] as const) {
      const { agents } = fewestAgents(lambda, mu, theta, target);
      expect(serviceLevel(lambda, mu, agents, theta, 20)).toBeGreaterThanOrEqual(0.8);
      expect(serviceLevel(lambda, mu, agents - 1, theta, 20)).toBeLessThan(0.8);
    }
    expect(fewestAgents(0, perHour(12), 0, target).agents).toBe(0);
  });

  it('are the fewest counting up from one, for any load, patience and target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 120, noNaN: true }),
        fc.double({ min: 60, max: 900, noNaN: true }),
        fc.constantFrom(0, 1 / 5, 1 / 30, 1 / 300),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        fc.constantFrom(5, 20, 120),
        (erlangs, serviceSeconds, theta, share, within) => {
          const mu = 1 / serviceSeconds;
          const lambda = erlangs * mu;
          let fewest = 1;
          while (serviceLevel(lambda, mu, fewest, theta, within) < share) fewest++;
          expect(fewestAgents(lambda, mu, theta, { share, within }).agents).toBe(fewest);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('of a line far past any staff, found in a few levels', () => {
    // 1,000,000 calls an hour of five minutes: 83,000 Erlangs. Counting up from half the load
    // tried some 36,000 levels.
    const { agents, serviceLevel: level } = fewestAgents(perHour(1e6), perHour(12), 1 / 240, {
      share: 0.8,
      within: 20,
    });
    expect(level).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(perHour(1e6), perHour(12), agents - 1, 1 / 240, 20)).toBeLessThan(0.8);
  });
});
