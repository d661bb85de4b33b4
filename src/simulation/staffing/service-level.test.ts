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
});
