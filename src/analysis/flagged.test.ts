/**
 * The two-pass flagged solve against the doubled chain it replaces: visits and ends, "not yet" and
 * "already", on random models (loops back, skips, fail points, two segments), with a flag raised by
 * failures and by an arbitrary set of moves, and on models with a trap a flag leads into or out of.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { randomModel } from '../testing/random-model.js';
import { solveFlagged } from './flagged.js';
import { flaggedChain, journeyChain, type Move } from './journey-chain.js';
import { solve } from './markov.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-15;

function expectSame(model: Model, raises: (move: Move) => boolean, name: string) {
  for (const segment of model.segments) {
    const jc = journeyChain(model, segment.id);
    const twoPass = solveFlagged(jc, model, raises, name);
    const doubled = solve(flaggedChain(jc, model, raises));
    expect(twoPass.visits.length).toBe(doubled.visits.length);
    expect(twoPass.absorbed.length).toBe(doubled.absorbed.length);
    for (const [i, v] of twoPass.visits.entries())
      expect(close(v, doubled.visits[i] as number), `visits ${i}`).toBe(true);
    for (const [i, v] of twoPass.absorbed.entries())
      expect(close(v, doubled.absorbed[i] as number), `absorbed ${i}`).toBe(true);
  }
}

const generated = (steps: number, seed: number, edit?: (raw: Record<string, unknown>) => void) => {
  const raw = randomModel({ steps, seed });
  edit?.(raw);
  const model = parse(stringify(raw), { file: 'r.yaml', tolerate: ['no-path-to-end'] }).model;
  if (!model) throw new Error('the generated model must be valid');
  return model;
};

describe('the flag solved in two passes', () => {
  it('agrees with the doubled chain on random models, flag raised by failures or by chosen moves', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const model = generated(20 + 15 * seed, seed);
      expectSame(model, (move) => move.failure, 'failure');
      const every = 2 + (seed % 3);
      expectSame(
        model,
        (move) => move.from.effort !== undefined && move.from.effort % every === 0,
        `every-${every}`,
      );
    }
  });

  it('agrees with the doubled chain when a trap lies behind the flag or before it', () => {
    // Two added steps lead only to each other, a loop with no way out that step 3 leads into.
    const trap = (raw: Record<string, unknown>) => {
      const steps = raw.steps as Record<string, unknown>[];
      const template = steps[3] as Record<string, unknown>;
      const { fail: _fail, backstage: _backstage, ...plain } = template;
      steps.push({ ...plain, id: 'trap-a', next: 'trap-b' }, { ...plain, id: 'trap-b', next: 'trap-a' });
      template.next = [
        { to: 'trap-a', p: 0.5 },
        { to: 'step-4', p: 0.5 },
      ];
    };
    for (const seed of [7, 8, 9]) {
      const model = generated(30, seed, trap);
      expect(solve(journeyChain(model, 'segment-0').chain).trapped).toBeGreaterThan(0);
      // Raised on the way into the trap, inside it, and nowhere near it.
      expectSame(model, (move) => move.to === 'trap-a', 'into');
      expectSame(model, (move) => move.from.id === 'trap-b', 'inside');
      expectSame(model, (move) => move.failure, 'failure');
    }
  });
});
