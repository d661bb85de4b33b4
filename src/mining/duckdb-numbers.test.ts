import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duckdbMean, duckdbQuantileCont } from './duckdb-numbers.js';

/** Waits in microseconds: from none to years, many alike (as whole seconds and minutes make them). */
const waits = fc.array(
  fc.oneof(
    fc.bigInt({ min: 0n, max: 10n ** 14n }),
    fc.integer({ min: 0, max: 90 }).map((m) => BigInt(m) * 60_000_000n),
  ),
  { minLength: 1, maxLength: 300 },
);

describe('the mean and quantiles of waits, to the last bit as DuckDB gives them', () => {
  it('agrees with DuckDB on avg and quantile_cont of random waits', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await fc.assert(
      fc.asyncProperty(waits, async (values) => {
        const [row] = (
          await connection.runAndReadAll(
            `select avg(v) as mean, quantile_cont(v, 0.5) as median, quantile_cont(v, 0.9) as p90
             from (select unnest([${values.join(',')}]::bigint[]) as v)`,
          )
        ).getRowObjectsJS();
        const counts = new Map<bigint, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        const sorted = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
        const sum = values.reduce((s, v) => s + v, 0n);
        expect(duckdbMean(sum, BigInt(values.length))).toBe(row?.mean);
        const [distinct, times] = [sorted.map(([v]) => v), sorted.map(([, n]) => n)];
        expect(duckdbQuantileCont(distinct, times, values.length, 0.5)).toBe(row?.median);
        expect(duckdbQuantileCont(distinct, times, values.length, 0.9)).toBe(row?.p90);
      }),
      { numRuns: 300 },
    );
    connection.closeSync();
  });
});
