/** Flows and failure rates estimated from counted moves, on cases worked out by hand. */
import { describe, expect, it } from 'vitest';
import type { FailPoint, Flow } from '../model/model.js';
import { END } from './conformance.js';
import { estimateFlow, type FlowEstimate, rounded } from './flow-estimate.js';

const all = new Map([['*', ['customers']]]);
const counts = (entries: [string, number][]) => new Map([['*', new Map(entries)]]);
const flow = (branches: [string, number][]): Flow => ({ customers: branches.map(([to, p]) => ({ to, p })) });
const fail = (p: number, branches: [string, number][]): FailPoint => ({
  p,
  severity: 3,
  next: flow(branches),
});
const ends = new Set(['done', 'left']);
const estimate = (observed: Map<string, Map<string, number>>, next: Flow, failPoint?: FailPoint) =>
  estimateFlow({
    stepId: 'call',
    nameOf: (id) => id,
    observed,
    groups: all,
    next,
    fail: failPoint,
    ends,
    minimum: 5,
  });
const shares = (r: ReturnType<typeof estimate>) =>
  Object.fromEntries(((r as FlowEstimate).next.customers ?? []).map((b) => [b.to, b.p]));

describe('estimateFlow', () => {
  it('tells failures from other ways on when failures go somewhere only they go', () => {
    // 1000 calls: 200 fail and are repeated; of the 800 others, 60% go to A, 40% end (done).
    const r = estimate(
      counts([
        ['call', 200],
        ['a', 480],
        [END, 320],
      ]),
      flow([
        ['a', 0.5],
        ['done', 0.5],
      ]),
      fail(0.1, [['call', 1]]),
    ) as FlowEstimate;
    expect(r.fail?.p).toBeCloseTo(0.2, 12);
    expect(shares(r)).toEqual({ a: expect.closeTo(0.6, 12), done: expect.closeTo(0.4, 12) });
  });

  it('takes the failures’ expected share out of a way on both flows have, at the estimated rate', () => {
    // Failures go back to the call (only failures) or leave (as some others do): f = 150 / (1000 * 0.5) = 0.3.
    const r = estimate(
      counts([
        ['call', 150],
        ['a', 560],
        [END, 290],
      ]),
      flow([
        ['a', 0.8],
        ['left', 0.2],
      ]),
      fail(0.1, [
        ['call', 0.5],
        ['left', 0.5],
      ]),
    ) as FlowEstimate;
    expect(r.fail?.p).toBeCloseTo(0.3, 12);
    // Leaving: 0.29 observed, 0.3 * 0.5 of it failures: (0.29 - 0.15) / 0.7 = 0.2; a: 0.56 / 0.7 = 0.8.
    expect(shares(r)).toEqual({ a: expect.closeTo(0.8, 12), left: expect.closeTo(0.2, 12) });
    // The failures' own flow shares a target with the normal one: it is kept.
    expect(r.fail?.nextEstimated).toBe(false);
  });

  it('keeps the failure rate when every failure goes where others go too', () => {
    const r = estimate(
      counts([
        ['a', 700],
        [END, 300],
      ]),
      flow([
        ['a', 0.5],
        ['done', 0.5],
      ]),
      fail(0.1, [['a', 1]]),
    ) as FlowEstimate;
    expect(r.fail?.p).toBe(0.1);
    expect(r.notes.join()).toContain("failure rate of 'call' kept");
    // a: (0.7 - 0.1) / 0.9.
    expect(shares(r).a).toBeCloseTo(0.6 / 0.9, 12);
  });

  it('keeps the flow when customers go where the model does not, or when there are too few', () => {
    expect(estimate(counts([['elsewhere', 10]]), flow([['done', 1]]))).toEqual({
      kept: 'customers also go to elsewhere, which the model does not have',
    });
    const few = estimate(
      counts([['a', 3]]),
      flow([
        ['a', 0.5],
        ['done', 0.5],
      ]),
    ) as FlowEstimate;
    expect(few.next.customers).toEqual(
      flow([
        ['a', 0.5],
        ['done', 0.5],
      ]).customers,
    );
    expect(few.notes.join()).toContain('3 observations');
  });

  it('splits the journey’s end over the model’s ends in the model’s proportions', () => {
    const r = estimate(
      counts([
        ['a', 50],
        [END, 50],
      ]),
      flow([
        ['a', 0.2],
        ['done', 0.6],
        ['left', 0.2],
      ]),
    ) as FlowEstimate;
    expect(shares(r)).toEqual({ a: 0.5, done: expect.closeTo(0.375, 12), left: expect.closeTo(0.125, 12) });
  });
});

describe('rounded', () => {
  it('writes four decimals that sum to exactly 1', () => {
    const r = rounded([
      { to: 'a', p: 1 / 3 },
      { to: 'b', p: 1 / 3 },
      { to: 'c', p: 1 / 3 },
    ]);
    expect(r.map((b) => b.p)).toEqual([0.3334, 0.3333, 0.3333]);
    expect(r.reduce((s, b) => s + b.p, 0)).toBeCloseTo(1, 12);
  });
});
