import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './store.js';
import { rankedVariants, variantPasses } from './variant-count.js';

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
    // ties among the frequent ones; position is the step's place in its case.
    await (await store).connection.run(`create temp table steps as
      select 'c' || (i % 997) as case_id, (hash(i // 3) % 4)::integer as code, i // 997 + 1 as position
      from range(20000) t(i)`);
  });
  afterAll(async () => (await store).close());

  it('gives the same variants, counts and order in one pass and in several', async () => {
    const s = await store;
    for (const limit of ['', 'limit 10']) {
      const once = await rankedVariants(s, 'steps', 1, limit);
      for (const passes of [2, 4, 7]) expect(await rankedVariants(s, 'steps', passes, limit)).toEqual(once);
    }
    const all = await rankedVariants(s, 'steps', 4, '');
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
