/**
 * Putting together what the parts of a store (one DuckDB file, or each ClickHouse shard) counted:
 * equal rows added, every row in one fixed order, so that every engine gives the same answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DurationCount, type MappedMoves, mergeMappedMoves } from './mapped-moves.js';

const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** What the merge must give for the durations, written the plain way: one total per step and time, in byte order of the step, then by time. */
function expectedDurations(parts: MappedMoves[]): { step: string; us: bigint; n: number }[] {
  const total = new Map<string, { step: string; us: bigint; n: number }>();
  for (const d of parts.flatMap((p) => p.durations)) {
    const key = `${d.step}\u0000${d.us}`;
    const seen = total.get(key);
    total.set(key, { step: d.step, us: d.us, n: (seen?.n ?? 0) + d.n });
  }
  return [...total.values()].sort(
    (a, b) => bytes(a.step, b.step) || (a.us < b.us ? -1 : a.us > b.us ? 1 : 0),
  );
}

// Steps whose byte order differs from JS's (é, a code point past U+FFFF), times that repeat
// across parts, and times past 2^53 microseconds, which no number holds exactly.
const step = fc.constantFrom('call', 'chat', 'é-mail', '😀 visit', '\u{E000}desk');
const us = fc.oneof(
  fc.bigInt({ min: 0n, max: 50n }),
  fc.bigInt({ min: 0n, max: 10n ** 12n }),
  fc.bigInt({ min: 2n ** 53n - 3n, max: 2n ** 53n + 3n }),
);
const duration: fc.Arbitrary<DurationCount> = fc.record({ step, us, n: fc.integer({ min: 1, max: 9 }) });
const part = fc.record({
  durations: fc.array(duration, { maxLength: 40 }),
  cases: fc.nat(100),
  fitting: fc.nat(100),
});

describe('merging the parts of a store', () => {
  it('adds up each step and time once, in byte order of the step and then of time', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), (made) => {
        const parts: MappedMoves[] = made.map((p) => ({ ...p, moves: [] }));
        const merged = mergeMappedMoves(parts);
        expect(merged.durations.map((d) => ({ step: d.step, us: d.us, n: d.n }))).toEqual(
          expectedDurations(parts),
        );
        expect(merged.cases).toBe(made.reduce((s, p) => s + p.cases, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('adds up equal moves, and orders them by group, step, next, whether given up and whether first', () => {
    const move = (group: string, step: string, next: string, n: number) =>
      ({ group, step, next, abandoned: false, first: false, n }) as const;
    const merged = mergeMappedMoves([
      { moves: [move('*', 'é', 'b', 1), move('*', 'a', 'b', 2)], cases: 1, fitting: 1, durations: [] },
      { moves: [move('*', 'a', 'b', 3), move('*', 'f', 'b', 1)], cases: 2, fitting: 0, durations: [] },
    ]);
    expect(merged.moves.map((m) => `${m.step} ${m.n}`)).toEqual(['a 5', 'f 1', 'é 1']);
    expect(merged).toMatchObject({ cases: 3, fitting: 1 });
  });
});
