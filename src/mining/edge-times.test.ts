import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { edgeTimesFor, edgeTimesInMemorySql, edgeTimesSql } from './edge-times.js';
import { openStore, queryRows } from './store.js';

/** Steps as discover sorts them: per move its activity, the next one and the wait in microseconds. */
const moves = fc.array(
  fc.record({
    code: fc.integer({ min: 0, max: 3 }),
    next: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    // From none to years, many alike (whole minutes), as logs have them.
    wait: fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 14n }),
      fc.integer({ min: 0, max: 90 }).map((m) => BigInt(m) * 60_000_000n),
    ),
  }),
  { minLength: 1, maxLength: 200 },
);

describe("the directly-follows edges' times", () => {
  const store = openStore(':memory:');
  afterAll(async () => (await store).close());

  it('are the same to the last bit on the spill-safe route and in memory', async () => {
    const s = await store;
    await fc.assert(
      fc.asyncProperty(moves, async (rows) => {
        await s.connection.run(
          'create or replace temp table steps (code integer, next_code integer, wait_us bigint)',
        );
        await s.connection.run(
          `insert into steps values ${rows.map((r) => `(${r.code}, ${r.next ?? 'null'}, ${r.next === null ? 'null' : r.wait})`).join(', ')}`,
        );
        const safe = await queryRows(s, edgeTimesSql('steps'));
        const inMemory = await queryRows(s, edgeTimesInMemorySql('steps'));
        expect(inMemory).toEqual(safe);
        // Every move with a next step is on an edge.
        expect(safe.reduce((n, e) => n + Number(e.n), 0)).toBe(rows.filter((r) => r.next !== null).length);
      }),
      { numRuns: 150 },
    );
  });

  it('are held in memory only while the moves take at most a quarter of the limit', () => {
    const GiB = 2 ** 30;
    expect(edgeTimesFor('steps', 8_200_000, 4 * GiB)).toBe(edgeTimesInMemorySql('steps'));
    expect(edgeTimesFor('steps', 82_000_000, 4 * GiB)).toBe(edgeTimesSql('steps'));
    expect(edgeTimesFor('steps', 8_200_000, 400 * 2 ** 20)).toBe(edgeTimesSql('steps'));
    expect(edgeTimesFor('steps', 10, Number.NaN)).toBe(edgeTimesSql('steps'));
  });
});
