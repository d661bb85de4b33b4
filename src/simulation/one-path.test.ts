/**
 * Which models take every customer of a segment down one path (one-path.ts), and that taking
 * such customers' counts from their segment's first (customer-tally.ts, `alike`) changes no
 * figure: the same journey, once as one path and once with a second branch no customer takes,
 * must give the same replication to the bit. (The branch's chance, 1e-12, is below a draw's step
 * of 2^-32; the draw is the customer's own, so it shifts no other number.)
 */
import { describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import { parsedModel } from '../testing/parsed-model.js';
import { compileModel } from './compile.js';
import { onePath } from './one-path.js';
import { runReplication } from './replication.js';

const DAY = 86400;

/**
 * Two segments on one path: a form, a planned wait, a phone line open on weekdays only (callers
 * who find it closed call back when it opens) that answers firms first, a call to the customer's
 * own account owner, a letter with an emotion, and the end.
 */
const journey = (after: string) =>
  parsedModel(
    `
name: One path
arrivals: { rate: 20/h }
segments:
  - { id: people, name: People, share: 0.7 }
  - { id: firms, name: Firms, share: 0.3 }
resources:
  - id: agents
    name: Agents
    capacity: 3
    cost: 30 EUR/h
    discipline: priority
    priority: [firms, people]
    schedule: [{ days: mon-fri, hours: "08:00-18:00", capacity: 3 }]
  - { id: owners, name: Owners, capacity: 4, cost: 50 EUR/h, assignment: dedicated }
stages: [{ id: s, name: S }]
steps:
  - { id: form, name: Fills the form, stage: s, channel: web, duration: 'lognormal(4 min, 3 min)', next: call }
  - { id: call, name: Calls, stage: s, channel: phone, pool: agents, duration: exp(6 min), wait: { duration: exp(2 h) }, next: follow-up }
  - { id: follow-up, name: Talks to their owner, stage: s, channel: phone, pool: owners, duration: exp(10 min), next: ${after} }
  - { id: letter, name: Reads the letter, stage: s, channel: mail, duration: 1 min, emotion: 1, next: done }
ends:
  - { id: done, name: Done, outcome: success }
start: form
`,
    'one-path.yaml',
  );

const example = (name: string) => {
  const model = load(new URL(`../../examples/${name}`, import.meta.url).pathname).model;
  if (!model) throw new Error(`examples/${name} must load`);
  return compileModel(model);
};

describe('one path', () => {
  it('is a single queue, not a journey with branches, failures or patience', () => {
    expect(onePath(example('mmc.yaml'))).toBe(true);
    expect(onePath(compileModel(journey('letter')))).toBe(true);
    expect(onePath(compileModel(journey('[{ to: letter, p: 0.5 }, { to: done, p: 0.5 }]')))).toBe(false);
    expect(onePath(example('order-departments.yaml'))).toBe(false);
    expect(onePath(example('competitor.yaml'))).toBe(false);
  });

  it('gives the same replication to the bit when its customers are tallied alike', () => {
    const alike = compileModel(journey('letter'));
    const oneByOne = compileModel(
      journey('[{ to: letter, p: 0.999999999999 }, { to: done, p: 0.000000000001 }]'),
    );
    expect([onePath(alike), onePath(oneByOne)]).toEqual([true, false]);
    for (const seed of [1, 2]) {
      const options = { horizon: 15 * DAY, warmup: DAY, seed, replication: 0 };
      const a = runReplication(alike, options);
      const b = runReplication(oneByOne, options);
      expect(a.arrivals).toBeGreaterThan(1000);
      for (const key of ['sums', 'ends', 'outcomes', 'visits', 'contact'] as const)
        expect(Array.from(a[key]), key).toEqual(Array.from(b[key]));
      expect([a.events, a.inSystem, a.waitSeries]).toEqual([b.events, b.inSystem, b.waitSeries]);
    }
  });
});
