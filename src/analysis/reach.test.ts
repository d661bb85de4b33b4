/**
 * Reach (the chance of ever visiting a step) against expected visits on a worked loop, and
 * against a chain solved once per step on the examples and on random models.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { randomModel } from '../testing/random-model.js';
import { hitProbability, journeyChain } from './journey-chain.js';
import { solve } from './markov.js';
import { loops, reachOf } from './reach.js';

describe('reach, worked by hand', () => {
  it('counts a customer who comes back once, where visits count each time', () => {
    const m = parse(
      `name: Calls back
stages: [{ id: s, name: S }]
steps:
  - { id: browse, name: Browses, stage: s, next: [{ to: call, p: 0.4 }, { to: done, p: 0.6 }] }
  - { id: call, name: Calls, stage: s, next: [{ to: call, p: 0.5 }, { to: hold, p: 0.25 }, { to: done, p: 0.25 }] }
  - { id: hold, name: Holds, stage: s, next: [{ to: call, p: 0.5 }, { to: done, p: 0.5 }] }
ends: [{ id: done, name: Done, outcome: success }]
start: browse
`,
      { file: 'hand.yaml' },
    ).model as Model;
    const jc = journeyChain(m, 'customers');
    const solution = solve(jc.chain);
    const reach = reachOf(jc.chain, solution);
    expect(reach[0]).toBeCloseTo(1, 12);
    // Every caller reaches 'call' once or more: 0.4. From call, hold is reached with
    // h = 0.25 / (1 - 0.5) = 0.5 of the time, directly or after calls back.
    expect(reach[1]).toBeCloseTo(0.4, 12);
    expect(reach[2]).toBeCloseTo(0.4 * 0.5, 12);
    expect(solution.visits[1]).toBeGreaterThan(0.4 * 2);
    expect(loops(jc.chain.size, jc.chain.transitions)).toEqual([[1, 2]]);
  });
});

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));

describe('reach against a chain solved for each step', () => {
  const models: [string, Model][] = [
    ...readdirSync(examplesDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f): [string, Model] => [f, load(`${examplesDir}${f}`).model as Model]),
    ...[3, 4, 5].map((seed): [string, Model] => [
      `random ${seed}`,
      parse(stringify(randomModel({ steps: 30, seed, segments: 2 })), { file: 'r.yaml' }).model as Model,
    ]),
  ];
  it.each(models)('%s', (_name, m) => {
    for (const segment of m.segments) {
      const jc = journeyChain(m, segment.id);
      const reach = reachOf(jc.chain);
      for (const [i, step] of m.steps.entries())
        expect(reach[i], `${segment.id} ${step.id}`).toBeCloseTo(hitProbability(jc, new Set([step.id])), 10);
    }
  });
});
