/** Did-you-mean: close names are suggested, far or huge ones are not, and the distance stays within its band. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest, withinOne } from './suggest.js';

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

/** The first candidate at the least distance, within a third of the word: the rule written plainly. */
function plainSuggest(word: string, candidates: string[]): string | undefined {
  const target = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length / 3)) + 1;
  for (const c of candidates) {
    const d = reference(target, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

// Letters that lower-case to themselves, to another letter, and to two units (İ).
const NAME = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', '-', 'İ', 'i'), maxLength: 7 });

describe('suggestions, against the plain rule', () => {
  it('are the first name at the least distance, one edit away found in the quick pass (property)', () => {
    fc.assert(
      fc.property(NAME, fc.array(NAME, { maxLength: 12 }), (word, candidates) => {
        expect(suggest(word, candidates)).toBe(plainSuggest(word, candidates));
        // Any iterable, read once or not.
        expect(suggest(word, new Set(candidates).values())).toBe(
          plainSuggest(word, [...new Set(candidates)]),
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('tell words one edit apart from the rest (property)', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOne(a, b)).toBe(Math.min(reference(a, b), 2));
      }),
      { numRuns: 5000 },
    );
  });
});
