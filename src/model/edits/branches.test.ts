import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBranch, readFlow, rebalance, removeBranch, sharesOf } from './branches.js';
import type { Branch } from './edit.js';

const sum = (bs: Branch[]) => bs.reduce((s, b) => s + (b.p ?? 0), 0);

describe('readFlow', () => {
  it('reads an id, a list and lists by segment', () => {
    expect(readFlow('done')).toEqual([{ branches: [{ to: 'done' }] }]);
    expect(readFlow([{ to: 'a', p: 0.7 }, { to: 'b' }])).toEqual([
      { branches: [{ to: 'a', p: 0.7 }, { to: 'b' }] },
    ]);
    expect(readFlow({ consumer: 'a', default: [{ to: 'b', p: 1 }] })).toEqual([
      { segment: 'consumer', branches: [{ to: 'a' }] },
      { segment: 'default', branches: [{ to: 'b', p: 1 }] },
    ]);
    expect(readFlow(undefined)).toEqual([]);
  });

  it('gives the branch without p the rest', () => {
    expect(sharesOf([{ to: 'a', p: 0.25 }, { to: 'b' }])).toEqual([0.25, 0.75]);
  });
});

describe('rebalance', () => {
  it('makes 70/30 exactly from one branch', () => {
    const two = addBranch([{ to: 'pack' }], 'left', 0.3);
    expect(two).toEqual([
      { to: 'pack', p: 0.7 },
      { to: 'left', p: 0.3 },
    ]);
    expect(rebalance(two, 0, 0.6)).toEqual([
      { to: 'pack', p: 0.6 },
      { to: 'left', p: 0.4 },
    ]);
  });

  it('keeps the others in proportion', () => {
    const three = [
      { to: 'a', p: 0.5 },
      { to: 'b', p: 0.3 },
      { to: 'c', p: 0.2 },
    ];
    expect(rebalance(three, 0, 0)).toEqual([
      { to: 'a', p: 0 },
      { to: 'b', p: 0.6 },
      { to: 'c', p: 0.4 },
    ]);
    expect(removeBranch(three, 1)).toEqual([
      { to: 'a', p: 0.7143 },
      { to: 'c', p: 0.2857 },
    ]);
  });

  it('sums to 1 when the branch that took the rounding error before has nothing to give', () => {
    // Found by the property below: 0.4999 + 0.4999 + 0.0003 and a last branch at 0 once gave 1.0001.
    const tiny = [
      0.9999999999999988, 0.999999999999999, 3.6e-236, 3.3e-245, 1.5e-169, 5.4e-230, 3.6e-181, 7.4e-323,
    ];
    const out = rebalance(
      tiny.map((p, i) => ({ to: `b${i}`, p })),
      4,
      0.00028143000053474087,
    );
    expect(sum(out)).toBeCloseTo(1, 12);
    expect(out.map((b) => b.p)).toEqual([0.4998, 0.4999, 0, 0, 0.0003, 0, 0, 0]);
  });

  it('always sums to 1 and keeps the value set', () => {
    const branches = fc.array(fc.record({ to: fc.string(), p: fc.double({ min: 0, max: 1, noNaN: true }) }), {
      minLength: 2,
      maxLength: 8,
    });
    fc.assert(
      fc.property(branches, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (bs, i, p) => {
        const index = i % bs.length;
        const out = rebalance(bs, index, p);
        expect(Math.abs(sum(out) - 1)).toBeLessThan(1e-9);
        expect(out.every((b) => (b.p ?? 0) >= 0)).toBe(true);
        expect(out[index]?.p).toBeCloseTo(p, 4);
      }),
      { numRuns: 2000 },
    );
  });
});
