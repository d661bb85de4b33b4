/**
 * The most likely path, on small models worked out by hand, and on random models against every
 * simple path found by brute force.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { randomModel } from '../testing/random-model.js';
import { happyPath, linksFrom, mostLikelyPath, pathThrough } from './likely-path.js';

const model = (steps: string, start = 'a', segments = ''): Model => {
  const result = parse(
    `name: Hand-made
${segments}stages: [{ id: s, name: S }]
steps:
${steps}
ends: [{ id: done, name: Done, outcome: success }, { id: left, name: Left, outcome: exit }]
start: ${start}
`,
    { file: 'hand.yaml' },
  );
  if (!result.model) throw new Error(JSON.stringify(result.diagnostics));
  return result.model;
};

describe('the most likely path, worked by hand', () => {
  it('is the likeliest whole path, not the likeliest first move', () => {
    // a-b-done 0.3, a-b-left 0.3, a-c-done 0.4.
    const m = model(`  - { id: a, name: A, stage: s, next: [{ to: b, p: 0.6 }, { to: c, p: 0.4 }] }
  - { id: b, name: B, stage: s, next: [{ to: done, p: 0.5 }, { to: left, p: 0.5 }] }
  - { id: c, name: C, stage: s, next: done }`);
    const path = mostLikelyPath(m, 'customers');
    expect(path).toMatchObject({ steps: ['a', 'c'], end: 'done', start: 1 });
    expect(path?.p).toBeCloseTo(0.4, 12);
  });

  it("takes a step's fail branch where that is likelier, and says the move is a failure", () => {
    const m = model(`  - { id: a, name: A, stage: s, fail: { p: 0.7, next: c }, next: b }
  - { id: b, name: B, stage: s, next: done }
  - { id: c, name: C, stage: s, next: left }`);
    const path = mostLikelyPath(m, 'customers');
    expect(path?.steps).toEqual(['a', 'c']);
    expect(path?.end).toBe('left');
    expect(path?.links[0]).toEqual({ from: 'a', to: 'c', p: 0.7, failure: 0.7 });
    expect(path?.p).toBeCloseTo(0.7, 12);
  });

  it('the happy path goes to success even where leaving is the likelier way out', () => {
    // a-left 0.6; a-b-done 0.4 x 0.9 = 0.36 is the likeliest way to success.
    const m = model(`  - { id: a, name: A, stage: s, next: [{ to: left, p: 0.6 }, { to: b, p: 0.4 }] }
  - { id: b, name: B, stage: s, next: [{ to: done, p: 0.9 }, { to: left, p: 0.1 }] }`);
    expect(mostLikelyPath(m, 'customers')).toMatchObject({ steps: ['a'], end: 'left' });
    const happy = happyPath(m, 'customers');
    expect(happy).toMatchObject({ steps: ['a', 'b'], end: 'done' });
    expect(happy?.p).toBeCloseTo(0.36, 12);
    // No way to success: the most likely path, wherever it ends.
    const doomed = model(`  - { id: a, name: A, stage: s, next: [{ to: left, p: 0.6 }, { to: b, p: 0.4 }] }
  - { id: b, name: B, stage: s, next: left }`);
    expect(happyPath(doomed, 'customers')).toEqual(mostLikelyPath(doomed, 'customers'));
  });

  it('adds the next and the fail branch that lead to the same step', () => {
    // a -> c: 0.7 x 0.5 + 0.3 = 0.65 against a -> b: 0.35.
    const m =
      model(`  - { id: a, name: A, stage: s, fail: { p: 0.3, next: c }, next: [{ to: b, p: 0.5 }, { to: c, p: 0.5 }] }
  - { id: b, name: B, stage: s, next: done }
  - { id: c, name: C, stage: s, next: done }`);
    const path = mostLikelyPath(m, 'customers');
    expect(path?.steps).toEqual(['a', 'c']);
    expect(path?.links[0]?.p).toBeCloseTo(0.65, 12);
    expect(path?.links[0]?.failure).toBeCloseTo(0.3, 12);
  });

  it('never goes round a loop: a retry only makes a path less likely', () => {
    const m = model(`  - { id: a, name: A, stage: s, next: [{ to: a, p: 0.9 }, { to: done, p: 0.1 }] }`);
    const path = mostLikelyPath(m, 'customers');
    expect(path).toMatchObject({ steps: ['a'], end: 'done' });
    expect(path?.p).toBeCloseTo(0.1, 12);
  });

  it("follows each segment's own branches and start", () => {
    const m = model(
      `  - { id: a, name: A, stage: s, next: { x: [{ to: b, p: 0.8 }, { to: c, p: 0.2 }], y: [{ to: b, p: 0.1 }, { to: c, p: 0.9 }] } }
  - { id: b, name: B, stage: s, next: done }
  - { id: c, name: C, stage: s, next: done }
  - { id: d, name: D, stage: s, next: c }`,
      '{ x: a, y: [{ to: a, p: 0.4 }, { to: d, p: 0.6 }] }',
      'segments: [{ id: x, name: X, share: 0.5 }, { id: y, name: Y, share: 0.5 }]\n',
    );
    expect(mostLikelyPath(m, 'x')?.steps).toEqual(['a', 'b']);
    // y: a-c 0.4 x 0.9 = 0.36 against d-c 0.6.
    expect(mostLikelyPath(m, 'y')?.steps).toEqual(['d', 'c']);
    expect(mostLikelyPath(m, 'y')?.start).toBe(0.6);
  });

  it('breaks ties by the order of the steps in the model', () => {
    const steps = (
      first: string,
      second: string,
    ) => `  - { id: a, name: A, stage: s, next: [{ to: b, p: 0.5 }, { to: c, p: 0.5 }] }
  - { id: ${first}, name: ${first}, stage: s, next: done }
  - { id: ${second}, name: ${second}, stage: s, next: done }`;
    expect(mostLikelyPath(model(steps('b', 'c')), 'customers')?.steps).toEqual(['a', 'b']);
    expect(mostLikelyPath(model(steps('c', 'b')), 'customers')?.steps).toEqual(['a', 'c']);
    // Equal products in another order are ties too: -log(0.4) - log(0.7) is 3 ulps above
    // -log(0.28), yet x, settled first and earlier in the model, keeps d.
    const products =
      model(`  - { id: a, name: A, stage: s, next: [{ to: x, p: 0.4 }, { to: y, p: 0.28 }, { to: left, p: 0.16 }, { to: done, p: 0.16 }] }
  - { id: x, name: X, stage: s, next: [{ to: d, p: 0.7 }, { to: left, p: 0.3 }] }
  - { id: y, name: Y, stage: s, next: d }
  - { id: d, name: D, stage: s, next: done }`);
    expect(-Math.log(0.4) - Math.log(0.7)).toBeGreaterThan(-Math.log(0.28));
    expect(mostLikelyPath(products, 'customers')?.steps).toEqual(['a', 'x', 'd']);
  });

  it('gives a path through given steps its links, or nothing when a step does not lead to the next', () => {
    const m = model(`  - { id: a, name: A, stage: s, next: [{ to: b, p: 0.6 }, { to: c, p: 0.4 }] }
  - { id: b, name: B, stage: s, next: [{ to: done, p: 0.5 }, { to: left, p: 0.5 }] }
  - { id: c, name: C, stage: s, next: done }`);
    expect(pathThrough(m, 'customers', ['a', 'b'], 'left')?.p).toBeCloseTo(0.3, 12);
    // Without a start, the probability is that of going on from the first step.
    expect(pathThrough(m, 'customers', ['b'], 'done')).toMatchObject({ p: 0.5, steps: ['b'] });
    expect(pathThrough(m, 'customers', ['b'], 'done')?.start).toBeUndefined();
    expect(pathThrough(m, 'customers', ['a', 'c', 'b'])).toBeUndefined();
  });
});

/** Every simple path from a start to an end through at least one step, with its probability. */
function allPaths(m: Model, segment: string): { steps: string[]; end: string; p: number }[] {
  const links = linksFrom(m, segment);
  const ends = new Set(m.ends.map((e) => e.id));
  const found: { steps: string[]; end: string; p: number }[] = [];
  const walk = (steps: string[], p: number) => {
    for (const link of links.get(steps[steps.length - 1] ?? '') ?? []) {
      if (ends.has(link.to)) found.push({ steps, end: link.to, p: p * link.p });
      else if (!steps.includes(link.to)) walk([...steps, link.to], p * link.p);
    }
  };
  for (const b of m.start[segment] ?? []) if (b.p > 0 && !ends.has(b.to)) walk([b.to], b.p);
  return found;
}

describe('the most likely path of random models', () => {
  it('starts at a start, leads step to step into an end, and no simple path is likelier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 2, max: 9 }), (seed, steps) => {
        const m = parse(stringify(randomModel({ steps, seed, segments: 2 })), { file: 'random.yaml' })
          .model as Model;
        for (const segment of m.segments) {
          const path = mostLikelyPath(m, segment.id) as NonNullable<ReturnType<typeof mostLikelyPath>>;
          expect(path).toBeDefined();
          expect((m.start[segment.id] ?? []).some((b) => b.to === path.steps[0] && b.p > 0)).toBe(true);
          expect(m.ends.map((e) => e.id)).toContain(path.end);
          expect(new Set(path.steps).size).toBe(path.steps.length);
          const again = pathThrough(m, segment.id, path.steps, path.end);
          expect(again?.p).toBeCloseTo(path.p, 14);
          const best = Math.max(...allPaths(m, segment.id).map((p) => p.p));
          expect(path.p).toBeGreaterThanOrEqual(best * (1 - 1e-9));
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
