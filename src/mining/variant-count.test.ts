import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, queryRows } from './store.js';
import { rankedVariants, traceSql, variantPasses } from './variant-count.js';

/** Negative when list a comes first: by the first code that differs, a shorter prefix first. */
function lexicographic(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

describe('variants counted within the memory limit', () => {
  it('takes one pass while the cases’ lists fit in half the limit, more as the log grows', () => {
    const GiB = 2 ** 30;
    expect(variantPasses(1_800_000, 4 * GiB)).toBe(1);
    expect(variantPasses(18_000_000, 4 * GiB)).toBe(5);
    expect(variantPasses(1_800_000, 400 * 2 ** 20)).toBe(5);
    expect(variantPasses(0, 4 * GiB)).toBe(1);
    expect(variantPasses(10, Number.NaN)).toBe(1);
  });

  const store = openStore(':memory:');
  beforeAll(async () => {
    // 997 cases of about 20 steps each over 4 activities: many variants, most of them once, with
    // ties among the frequent ones; position is the step's place in its case. Stored out of
    // order, as a parallel sort may leave them, so that only a list put in order comes out so.
    await (await store).connection.run(`create temp table steps as
      select i % 997 as case_key, (hash(i // 3) % 4)::integer as code, i // 997 + 1 as position
      from range(20000) t(i) order by hash(i * 31)`);
  });
  afterAll(async () => (await store).close());

  it('lists each case in position order, the packed sort agreeing with the ordered aggregate', async () => {
    const s = await store;
    // Beyond the packing's span, the ordered aggregate is used: the two must agree on every variant.
    const ordered = await rankedVariants(s, 'steps', 1, '', 100_000);
    expect(traceSql(100_000)).toContain('order by position');
    expect(await rankedVariants(s, 'steps', 1, '', 4)).toEqual(ordered);
    expect(await rankedVariants(s, 'steps', 3, '', 4)).toEqual(ordered);
    // One case's trace, against its codes in position order.
    const c0 = await queryRows(
      s,
      `select ${traceSql(4)} as trace, list(code order by position) as expected from steps where case_key = 0`,
    );
    const trace = c0[0]?.trace as number[] | undefined;
    expect(trace).toEqual(c0[0]?.expected);
    expect(trace?.length ?? 0).toBeGreaterThan(10);
  });

  it('gives the same variants, counts and order in one pass and in several', async () => {
    const s = await store;
    for (const limit of ['', 'limit 10']) {
      const once = await rankedVariants(s, 'steps', 1, limit, 4);
      for (const passes of [2, 4, 7])
        expect(await rankedVariants(s, 'steps', passes, limit, 4)).toEqual(once);
    }
    const all = await rankedVariants(s, 'steps', 4, '', 4);
    expect(all.reduce((sum, v) => sum + Number(v.n), 0)).toBe(997);
    expect(Number(all[0]?.variants)).toBe(all.length);
    // Most frequent first, and among equals the lower list of activity codes first.
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]] as [(typeof all)[0], (typeof all)[0]];
      expect(a.n >= b.n).toBe(true);
      if (a.n === b.n)
        expect(lexicographic(a.trace, b.trace), `${a.trace} before ${b.trace}`).toBeLessThan(0);
    }
  });
});
