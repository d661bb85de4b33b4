/** Did-you-mean: close names are suggested, far or huge ones are not, and the distance stays within its band. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from './suggest.js';

/** The textbook full-matrix distance (optimal string alignment), as the reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 14 });

describe('edit distance', () => {
  it('equals the full-matrix distance, capped one past the limit it is given (property)', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 16 }), (a, b, max) => {
        const full = reference(a, b);
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, max)).toBe(Math.min(full, max + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('sahre', 'share')).toBe(1);
    expect(editDistance('ab', 'ba', 0)).toBe(1);
  });
});

describe('suggestions', () => {
  it('suggests the closest name within a third of its length', () => {
    expect(suggest('Biling', ['billing', 'sales'])).toBe('billing');
    expect(suggest('capacty', ['capacity', 'cost', 'schedule'])).toBe('capacity');
    expect(suggest('xyz', ['billing', 'sales'])).toBeUndefined();
  });

  it('prefers the first of equally close names, as before', () => {
    expect(suggest('cat', ['bat', 'hat'])).toBe('bat');
  });

  it('gives none for a word of megabytes, and quotes no huge candidate in the list it gives instead', () => {
    const huge = 'a'.repeat(10 * 2 ** 20);
    expect(suggest(huge, ['name', 'stages', 'steps'])).toBeUndefined();
    expect(suggest('stepz', [huge, 'steps'])).toBe('steps');
    const hint = didYouMean('nope', [huge, 'steps'], 'steps');
    expect(hint).toContain('(10,485,760 characters)');
    expect(hint.length).toBeLessThan(200);
  });
});
