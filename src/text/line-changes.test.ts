import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineChanges } from './line-changes.js';

/** Lines added and removed by the longest common subsequence, the plain quadratic way. */
function plain(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      (lcs[i] as number[])[j] =
        a[i] === b[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
  const kept = (lcs[0] as number[])[0] as number;
  return { added: b.length - kept, removed: a.length - kept };
}

// Few distinct lines, so that texts share many of them, in and out of order.
const TEXT = fc
  .array(fc.constantFrom('a', 'b', 'c', '  - id: x', ''), { maxLength: 40 })
  .map((l) => l.join('\n'));

describe('lines an edit added and removed', () => {
  it('are those of a line diff, for any two texts', () => {
    fc.assert(
      fc.property(TEXT, TEXT, (before, after) => {
        expect(lineChanges(before, after)).toEqual(plain(before, after));
      }),
      { numRuns: 3000 },
    );
  });

  it('count a deleted block once, not every line after it', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `  line ${i}`);
    const without = [...lines.slice(0, 100), ...lines.slice(108)];
    expect(lineChanges(lines.join('\n'), without.join('\n'))).toEqual({ added: 0, removed: 8 });
    const renamed = lines.map((l, i) => (i === 2000 ? '  renamed' : l));
    expect(lineChanges(lines.join('\n'), renamed.join('\n'))).toEqual({ added: 1, removed: 1 });
  });

  it('count every line between the first and last kept ones when the texts differ past the longest script searched', () => {
    const lines = (prefix: string) => Array.from({ length: 2400 }, (_, i) => `${prefix}${i}`);
    const kept = Array.from({ length: 100 }, (_, i) => `kept ${i}`);
    const a = ['first', ...lines('a').slice(0, 2200), ...kept, ...lines('a').slice(2200), 'last'];
    const b = ['first', ...lines('b').slice(0, 2200), ...kept, ...lines('b').slice(2200), 'last'];
    // The diff: 2,400 lines each way, a script of 4,800; beyond the search, all 2,500 between.
    expect(lineChanges(a.join('\n'), b.join('\n'))).toEqual({ added: 2500, removed: 2500 });
    expect(lineChanges(a.slice(0, 2000).join('\n'), b.slice(0, 2000).join('\n'))).toEqual({
      added: 1999,
      removed: 1999,
    });
  });
});
