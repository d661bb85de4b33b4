/**
 * The elimination solver against the dense LU reference on random chains: loops, self-loops,
 * traps (states with no way to an end), several ends, starts straight into an end, and chains
 * big and tangled enough for the dense rest. Visits, end probabilities, trapped mass, the
 * chance of each end from every state, and reach and returns against chains solved one by one;
 * and chains solved on another chain's factor pattern (`like`), whether their moves fit it or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Chain, prepare, solve, type Transition } from './markov.js';
import { reachOf, returnsOf } from './reach.js';

/**
 * Equal to 1e-9 relative, give or take the rounding of a solution of this scale: dense LU, the
 * reference, left 9.5e-15 visits at a state no one reaches (the exact answer, 0, which elimination
 * gives) from a self-loop of 0.977, in a solution of visits up to 5.4 (fast-check's seed
 * -818822520). Probabilities are of scale 1.
 */
const closeIn = (scale: number) => (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12 * scale;
const close = closeIn(1);

const chains = fc
  .record({ size: fc.integer({ min: 1, max: 45 }), absorbing: fc.integer({ min: 1, max: 4 }) })
  .chain(({ size, absorbing }) =>
    fc.record({
      size: fc.constant(size),
      absorbing: fc.constant(absorbing),
      rows: fc.array(
        fc.array(
          fc.record({
            to: fc.integer({ min: -absorbing, max: size - 1 }),
            weight: fc.double({ min: 0.01, max: 1, noNaN: true }),
          }),
          { maxLength: 6 },
        ),
        { minLength: size, maxLength: size },
      ),
      start: fc.array(
        fc.record({
          to: fc.integer({ min: -absorbing, max: size - 1 }),
          weight: fc.double({ min: 0.01, max: 1, noNaN: true }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  )
  .map(({ size, absorbing, rows, start }): Chain => {
    const transitions: Transition[] = [];
    for (const [from, row] of rows.entries()) {
      const total = row.reduce((sum, m) => sum + m.weight, 0);
      for (const m of row) transitions.push({ from, to: m.to, p: m.weight / total });
    }
    const startTotal = start.reduce((sum, m) => sum + m.weight, 0);
    return {
      size,
      absorbing,
      transitions,
      start: start.map((m) => ({ from: -1, to: m.to, p: m.weight / startTotal })),
    };
  });

describe('the elimination solver agrees with dense LU to 1e-9 relative', () => {
  it('visits, ends and trapped mass', () => {
    fc.assert(
      fc.property(chains, (chain) => {
        const exact = solve(chain, 'dense');
        const fast = solve(chain);
        expect(fast.trappedStates).toEqual(exact.trappedStates);
        const visitsClose = closeIn(Math.max(0, ...exact.visits));
        for (let i = 0; i < chain.size; i++)
          expect(visitsClose(fast.visits[i] ?? 0, exact.visits[i] ?? 0)).toBe(true);
        for (let k = 0; k < chain.absorbing; k++)
          expect(close(fast.absorbed[k] ?? 0, exact.absorbed[k] ?? 0)).toBe(true);
        expect(close(fast.trapped, exact.trapped)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the chance of each end from every state, against a start there', () => {
    fc.assert(
      fc.property(chains, (chain) => {
        const chances = prepare(chain).endChances();
        for (let i = 0; i < chain.size; i++) {
          const from = solve({ ...chain, start: [{ from: -1, to: i, p: 1 }] }, 'dense');
          for (let k = 0; k < chain.absorbing; k++)
            expect(close(chances[k]?.[i] ?? 0, from.absorbed[k] ?? 0)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reach and the chance of coming back, against the chain with that state made an end', () => {
    fc.assert(
      fc.property(chains, (chain) => {
        const reach = reachOf(chain);
        const returns = returnsOf(chain);
        const trapped = new Set(prepare(chain).trapped);
        const hit = -1 - chain.absorbing;
        for (let j = 0; j < chain.size; j++) {
          const into = (t: Transition) => (t.to === j ? { ...t, to: hit } : t);
          const moves = chain.transitions.filter((t) => t.from !== j).map(into);
          const made = (start: Transition[]) =>
            solve({ ...chain, absorbing: chain.absorbing + 1, transitions: moves, start }, 'dense');
          if (!trapped.has(j)) {
            const reached = made(chain.start.map(into)).absorbed[chain.absorbing] ?? 0;
            expect(close(reach[j] ?? 0, reached)).toBe(true);
          }
          const leaving = chain.transitions.filter((t) => t.from === j && t.p > 0);
          const total = leaving.reduce((sum, t) => sum + t.p, 0) || 1;
          const back = made(leaving.map((t) => into({ ...t, from: -1, p: t.p / total }))).absorbed[
            chain.absorbing
          ];
          if (!trapped.has(j)) expect(close(returns[j] ?? 0, back ?? 0)).toBe(true);
          else expect(returns[j]).toBeNaN();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("a chain solved on another chain's order and pattern agrees with dense LU", () => {
  // Each move kept, led to a new end, or given another probability; now and then one move added.
  const variants = chains.chain((chain) =>
    fc.record({
      chain: fc.constant(chain),
      fates: fc.array(fc.integer({ min: 0, max: 3 }), {
        minLength: chain.transitions.length,
        maxLength: chain.transitions.length,
      }),
      scale: fc.double({ min: 0.1, max: 1, noNaN: true }),
      extra: fc.option(
        fc.record({ from: fc.nat({ max: chain.size - 1 }), to: fc.nat({ max: chain.size - 1 }) }),
        { freq: 4 },
      ),
    }),
  );

  it('visits, ends and trapped mass', () => {
    fc.assert(
      fc.property(variants, ({ chain, fates, scale, extra }) => {
        prepare(chain);
        const end = -1 - chain.absorbing;
        const transitions = chain.transitions.map((t, i): Transition => {
          const fate = fates[i] as number;
          if (fate === 1) return { ...t, to: end };
          return fate === 2 ? { ...t, p: t.p * scale } : t;
        });
        // The added move takes a share of its state's others, so that the row still sums to 1.
        if (extra) {
          for (const [i, t] of transitions.entries())
            if (t.from === extra.from) transitions[i] = { ...t, p: t.p * 0.99 };
          transitions.push({ ...extra, p: 0.01 });
        }
        const variant: Chain = {
          ...chain,
          absorbing: chain.absorbing + 1,
          transitions,
          like: chain.transitions,
        };
        const exact = solve(variant, 'dense');
        const fast = solve(variant);
        expect(fast.trappedStates).toEqual(exact.trappedStates);
        const visitsClose = closeIn(Math.max(0, ...exact.visits));
        for (let i = 0; i < chain.size; i++)
          expect(visitsClose(fast.visits[i] ?? 0, exact.visits[i] ?? 0)).toBe(true);
        for (let k = 0; k <= chain.absorbing; k++)
          expect(close(fast.absorbed[k] ?? 0, exact.absorbed[k] ?? 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
