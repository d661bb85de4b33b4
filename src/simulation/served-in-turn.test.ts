/**
 * Pools served in turn (first come first served, always open: free-servers.ts) give each customer
 * their start the moment they join the queue, with no queue and no events of the pool's own. A
 * traced run still serves them through the calendar, so the two ways are held side by side: every
 * figure must be the same up to the order sums are added in. Erlang C and A (simulation.test.ts)
 * check the same path against the formulas.
 */
import { describe, expect, it } from 'vitest';
import { parsedModel } from '../testing/parsed-model.js';
import { expectSameReplication } from '../testing/same-replication.js';
import { compileModel } from './compile.js';
import { poolContactSums } from './contact-center.js';
import { ENTRIES } from './contact-sums.js';
import { servedInTurn } from './free-servers.js';
import { runReplication } from './replication.js';

const DAY = 86400;

const model = (text: string) => parsedModel(text, 'in-turn.yaml');

/**
 * Three hundred times more calls than the one agent can take, from callers who give up after 200
 * days on average: the queue outlasts the drain's 60 days by far, and many callers' patience ends
 * after the drain but before their turn would have come.
 */
const swamped = model(`
name: Swamped
arrivals: { rate: 600/h }
resources:
  - { id: agent, name: Agent, capacity: 1, patience: exp(200 d) }
stages: [{ id: s, name: S }]
steps:
  - { id: call, name: Calls, stage: s, channel: phone, pool: agent, duration: exp(30 min), next: done }
ends:
  - { id: done, name: Done, outcome: success }
start: call
`);

/**
 * A form, then a phone line whose callers give up (the rushed sooner, by their own patience) and
 * are called back by a second team after an hour; a third of the calls fail and are made again.
 * One pool with opening hours and one with dedicated owners go through the calendar beside them.
 */
const journey = model(`
name: Lines
arrivals: { rate: 40/h }
segments:
  - { id: rushed, name: Rushed, share: 0.4, patience: exp(1 min) }
  - { id: calm, name: Calm, share: 0.6 }
resources:
  - { id: line, name: Line, capacity: 4, patience: exp(3 min), abandon: callback, serviceLevel: 80% in 20 s }
  - { id: backoffice, name: Back office, capacity: 2 }
  - { id: desk, name: Desk, schedule: [{ days: mon-fri, hours: "08:00-18:00", capacity: 2 }] }
  - { id: owners, name: Owners, capacity: 3, assignment: dedicated }
stages: [{ id: s, name: S }]
steps:
  - { id: form, name: Fills the form, stage: s, channel: web, duration: 'lognormal(3 min, 2 min)', next: call }
  - id: call
    name: Calls
    stage: s
    channel: phone
    pool: line
    duration: exp(5 min)
    fail: { p: 0.3, next: call }
    next: [{ to: desk-visit, p: 0.2 }, { to: owner, p: 0.1 }, { to: done, p: 0.7 }]
  - { id: callback, name: Is called back, stage: s, channel: phone, pool: backoffice, duration: exp(4 min), wait: { duration: 1 h }, next: done }
  - { id: desk-visit, name: Visits the desk, stage: s, channel: store, pool: desk, duration: exp(10 min), next: done }
  - { id: owner, name: Talks to their owner, stage: s, channel: phone, pool: owners, duration: exp(10 min), next: done }
ends:
  - { id: done, name: Done, outcome: success }
start: form
`);

describe('pools served in turn', () => {
  it('are the always-open first-come-first-served pools, not those with shifts or owners', () => {
    const m = compileModel(journey);
    expect(m.poolIds.filter((_, p) => servedInTurn(m, p))).toEqual(['line', 'backoffice']);
  });

  it.each([
    ['a journey of lines with patience, call-backs and repeats', journey, 14 * DAY],
    ['a line swamped past the drain', swamped, 5 * DAY],
  ])('give every figure of %s that the calendar gives', (_, model, horizon) => {
    const m = compileModel(model);
    for (const seed of [1, 2]) {
      const options = { horizon, warmup: DAY, seed, replication: 0 };
      const inTurn = runReplication(m, options);
      const calendar = runReplication(m, { ...options, trace: () => {} });
      expectSameReplication(inTurn, calendar);
    }
  });

  it('never end a wait at a queue without patience by the patience of an earlier queue', () => {
    // Served at the line before their patience there ran out, callers then wait for their owner,
    // where they have none: the line's patience, still on the calendar, once made them give up.
    const patientOnce = model(`
name: Patient once
arrivals: { rate: 30/h }
resources:
  - { id: line, name: Line, capacity: 3, patience: exp(10 min) }
  - { id: owners, name: Owners, capacity: 2, assignment: dedicated }
stages: [{ id: s, name: S }]
steps:
  - { id: call, name: Calls, stage: s, channel: phone, pool: line, duration: exp(5 min), next: owner }
  - { id: owner, name: Talks to their owner, stage: s, channel: phone, pool: owners, duration: exp(3 min), next: done }
ends:
  - { id: done, name: Done, outcome: success }
start: call
`);
    const m = compileModel(patientOnce);
    const owners = m.poolIds.indexOf('owners');
    for (const trace of [undefined, () => {}]) {
      const run = runReplication(m, { horizon: 7 * DAY, warmup: DAY, seed: 5, replication: 0, trace });
      expect(poolContactSums(run.contact, owners)[ENTRIES]).toBeGreaterThan(1000);
      expect(run.abandons[owners]).toBe(0);
    }
  });

  it('leave the swamped callers in the queue when the drain ends, and answer those who gave up no more', () => {
    const swampedRun = runReplication(compileModel(swamped), {
      horizon: 5 * DAY,
      warmup: DAY,
      seed: 3,
      replication: 0,
    });
    expect(swampedRun.unfinished).toBeGreaterThan(10);
    const run = runReplication(compileModel(journey), {
      horizon: 14 * DAY,
      warmup: DAY,
      seed: 3,
      replication: 0,
    });
    const line = compileModel(journey).poolIds.indexOf('line');
    expect(run.abandons[line]).toBeGreaterThan(100);
  });
});
