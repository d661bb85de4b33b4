/**
 * Steps a customer does alone (no pool) are done at once, ahead of the clock, instead of going
 * through the calendar as a ready and a done event each (replication.ts, enter). A traced run still
 * takes every step through the calendar, so the two ways can be held side by side: every figure of
 * a replication must be the same either way, up to the order sums are added in. Run on every
 * example (waits of days, failures, branches, closed lines, abandonment, dedicated owners) and on
 * a journey whose self-service steps loop and whose times reach past the drain's end.
 */
import { describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { parsedModel } from '../testing/parsed-model.js';
import { expectSameReplication as expectSame } from '../testing/same-replication.js';
import { compileModel } from './compile.js';
import { runReplication } from './replication.js';

const DAY = 86400;

function example(name: string): Model {
  const model = load(new URL(`../../examples/${name}`, import.meta.url).pathname).model;
  if (!model) throw new Error(`examples/${name} must load`);
  return model;
}

/**
 * Self-service steps that loop (a customer retries the form), a wait and a letter of a day on
 * average with tails of months, a phone line with patience, and an end. The drain is the 60 days
 * after the horizon, which a few of the waits and letters outlast.
 */
const looping = parsedModel(
  `
name: Loops alone
arrivals: { rate: 30/h }
segments:
  - { id: people, name: People, share: 1, patience: exp(4 min) }
resources:
  - { id: agents, name: Agents, capacity: 3, cost: 30 EUR/h }
stages: [{ id: s, name: S }]
steps:
  - id: form
    name: Fills the form
    stage: s
    channel: web
    duration: 'lognormal(4 min, 3 min)'
    fail: { p: 0.3, next: form }
    next: [{ to: post, p: 0.7 }, { to: call, p: 0.3 }]
  - id: post
    name: Waits for the letter
    stage: s
    channel: mail
    duration: 'lognormal(1 d, 30 d)'
    wait: { duration: 'lognormal(1 d, 30 d)' }
    next: call
  - { id: call, name: Calls, stage: s, channel: phone, pool: agents, duration: exp(5 min), next: [{ to: done, p: 0.8 }, { to: form, p: 0.2 }] }
ends:
  - { id: done, name: Done, outcome: success }
start: form
`,
  'loops.yaml',
);

describe('steps done alone, ahead of the clock', () => {
  const cases: [string, Model, number][] = [
    ['order-departments.yaml', example('order-departments.yaml'), 21 * DAY],
    ['order-single-entity.yaml', example('order-single-entity.yaml'), 21 * DAY],
    ['competitor.yaml', example('competitor.yaml'), 21 * DAY],
    ['mmc.yaml', example('mmc.yaml'), 7 * DAY],
    ['a journey that loops alone and outlasts the drain', looping, 20 * DAY],
  ];
  it.each(cases)('give every figure of %s that the calendar gives', (_, model, horizon) => {
    const m = compileModel(model);
    for (const seed of [1, 2]) {
      const options = { horizon, warmup: DAY, seed, replication: 0 };
      const alone = runReplication(m, options);
      const calendar = runReplication(m, { ...options, trace: () => {} });
      expect(alone.arrivals).toBeGreaterThan(0);
      expectSame(alone, calendar);
    }
  });

  it("count the time-average number in the journey as the customers' time inside the window", () => {
    // Five hours alone, so customers who arrived before the window or near its end straddle it.
    const fiveHours = parsedModel(
      `
name: Five hours
arrivals: { rate: 10/h }
stages: [{ id: s, name: S }]
steps:
  - { id: form, name: Fills the form, stage: s, channel: web, duration: 5 h, next: done }
ends:
  - { id: done, name: Done, outcome: success }
start: form
`,
      'five-hours.yaml',
    );
    const [warmup, horizon] = [DAY, 2 * DAY];
    const starts: number[] = [];
    const options = { horizon, warmup, seed: 4, replication: 0 };
    const run = runReplication(compileModel(fiveHours), options);
    runReplication(compileModel(fiveHours), { ...options, trace: (_c, _s, _step, at) => starts.push(at) });
    const inside = starts.reduce(
      (sum, at) => sum + Math.max(0, Math.min(at + 5 * 3600, horizon) - Math.max(at, warmup)),
      0,
    );
    expect(starts.length).toBeGreaterThan(400);
    expect(run.inSystem * run.window).toBeCloseTo(inside, 3);
  });

  it('leave customers in the journey when their steps reach past the drain', () => {
    const m = compileModel(looping);
    const run = runReplication(m, { horizon: 20 * DAY, warmup: DAY, seed: 3, replication: 0 });
    expect(run.unfinished).toBeGreaterThan(0);
  });
});
