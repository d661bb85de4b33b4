import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membersShort } from './members-short.js';
import { fewestAgents, serviceLevel } from './service-level.js';

const perHour = (x: number) => x / 3600;
const target = { share: 0.8, within: 20 };

describe('members an hour short of its target gets', () => {
  it("is Erlang C's own gap where the simulated level is Erlang C's", () => {
    // A stationary hour simulated exactly: the formula held to that level is the formula itself.
    fc.assert(
      fc.property(
        fc.double({ min: 5, max: 5000, noNaN: true }),
        fc.double({ min: 2, max: 30, noNaN: true }),
        fc.double({ min: 0.3, max: 0.99, noNaN: true }),
        (perHourRate, perHourService, below) => {
          const [lambda, mu] = [perHour(perHourRate), perHour(perHourService)];
          const needed = fewestAgents(lambda, mu, 0, target).agents;
          const staff = Math.max(1, Math.floor(needed * below));
          if (staff >= needed) return;
          const level = serviceLevel(lambda, mu, staff, 0, target.within);
          expect(membersShort({ lambda, mu, theta: 0 }, staff, level, target)).toBe(
            Math.min(Math.ceil(2 * Math.sqrt(staff)), needed - staff),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never gives fewer members for a lower simulated level, nor none, nor more than twice the root of the staff', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 5, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 0.79, noNaN: true }),
        fc.double({ min: 0, max: 0.79, noNaN: true }),
        fc.constantFrom(0, 1 / 60, 1 / 600),
        (perHourRate, x, y, theta) => {
          const [lambda, mu] = [perHour(perHourRate), perHour(12)];
          const staff = fewestAgents(lambda, mu, theta, target).agents;
          const [lower, higher] = x < y ? [x, y] : [y, x];
          const more = membersShort({ lambda, mu, theta }, staff, lower, target);
          const fewer = membersShort({ lambda, mu, theta }, staff, higher, target);
          expect(more).toBeGreaterThanOrEqual(fewer);
          expect(fewer).toBeGreaterThanOrEqual(1);
          expect(more).toBeLessThanOrEqual(Math.ceil(2 * Math.sqrt(staff)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives a pool of a few members one for a small miss, and a closed hour someone queued in one', () => {
    const [lambda, mu] = [perHour(40), perHour(10)];
    const staff = fewestAgents(lambda, mu, 0, target).agents;
    expect(membersShort({ lambda, mu, theta: 0 }, staff, 0.78, target)).toBe(1);
    // No member: the cap (twice the root of the staff) is 0, and the hour must still open.
    expect(membersShort({ lambda, mu, theta: 0 }, 0, 0, target)).toBe(1);
  });

  it('gives a large pool answering no one in time (a backlog from a busier hour) tens of members, not one', () => {
    // 11,200 calls an hour of 6 minutes: 1,120 Erlangs, 1,137 agents by Erlang C.
    const [lambda, mu] = [perHour(11_200), perHour(10)];
    const staff = fewestAgents(lambda, mu, 0, target).agents;
    const step = membersShort({ lambda, mu, theta: 0 }, staff, 0, target);
    expect(step).toBeGreaterThan(10);
    expect(step).toBeLessThan(100);
  });

  it('raises an hour whose customers give up by tens, not by its whole staff, however low its level', () => {
    // 80% within an hour, patient for 2 min: 30% answered reads as 3.3 times the load.
    const [lambda, mu, theta] = [perHour(11_200), perHour(10), 1 / 120];
    const within = { share: 0.8, within: 3600 };
    const staff = fewestAgents(lambda, mu, theta, within).agents;
    expect(membersShort({ lambda, mu, theta }, staff, 0.3, within)).toBe(Math.ceil(2 * Math.sqrt(staff)));
  });

  it('draws the last two checks through to the target, at most twice the last raise', () => {
    const [lambda, mu] = [perHour(11_200), perHour(10)];
    const staff = 1200;
    const formulaAlone = membersShort({ lambda, mu, theta: 0 }, staff, 0.6, target);
    // 0.4 at 1,180 and 0.6 at 1,200: the line reaches 0.8 at 1,220.
    expect(membersShort({ lambda, mu, theta: 0 }, staff, 0.6, target, { staff: 1180, level: 0.4 })).toBe(
      Math.max(formulaAlone, 20),
    );
    // 0.58 at 1,190 and 0.6 at 1,200: the line says 100 more; twice the raise of 10 is the most.
    expect(membersShort({ lambda, mu, theta: 0 }, staff, 0.6, target, { staff: 1190, level: 0.58 })).toBe(
      Math.max(formulaAlone, 20),
    );
    // A check that fell, or no raise since: the formula alone.
    expect(membersShort({ lambda, mu, theta: 0 }, staff, 0.6, target, { staff: 1190, level: 0.7 })).toBe(
      formulaAlone,
    );
  });
});
