import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duckdbMean, duckdbQuantileCont } from './duckdb-numbers.js';
import { byteOrder, type ShardedDiscovery, shardDiscovery } from './shard-discovery.js';
import type { ShardEdge, Wait } from './shard-edges.js';

/**
 * The variants as DuckDB's discover lists them, written the plain way: merged by their activities,
 * most customers first, equal counts by their activities' names in byte order, item by item, a
 * trace before any longer one it begins.
 */
function plainVariants(shards: [string[], number][][]): [string[], number][] {
  const merged = new Map<string, [string[], number]>();
  for (const [trace, count] of shards.flat()) {
    const key = JSON.stringify(trace);
    const seen = merged.get(key);
    if (seen) seen[1] += count;
    else merged.set(key, [trace, count]);
  }
  const listOrder = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      if (a[i] !== b[i]) return byteOrder(a[i] as string, b[i] as string);
    return a.length - b.length;
  };
  return [...merged.values()].sort((a, b) => b[1] - a[1] || listOrder(a[0], b[0]));
}

/** The shards' variants as they send them: each activity as its number among all the names in byte order. */
function shardsOf(shards: [string[], number][][], edges: ShardEdge[][] = []): ShardedDiscovery {
  const names = [...new Set(shards.flatMap((v) => v.flatMap(([t]) => t)))].sort(byteOrder);
  const code = new Map(names.map((name, i) => [name, i]));
  return {
    log: 'log',
    names,
    answers: shards.map((variants, i) => ({
      variants: variants.map(([trace, n]): [number[], number] => [
        trace.map((a) => code.get(a) as number),
        n,
      ]),
      edges: edges[i] ?? [],
    })),
    segments: [],
    channels: [],
  };
}

// Names whose UTF-8 order differs from their UTF-16 order, prefixes of each other, and plain ones.
const NAME = fc.constantFrom('a', 'ab', 'b', 'B', 'é', '\ue000', '\u{1f600}', 'z', 'a b', '');
const TRACE = fc.array(NAME, { minLength: 1, maxLength: 5 });
const SHARD = fc.array(fc.tuple(TRACE, fc.integer({ min: 1, max: 4 })), { maxLength: 30 });

describe('a discovery put together from the shards', () => {
  it('lists the variants merged and ranked as DuckDB does, for any split of them', () => {
    fc.assert(
      fc.property(fc.array(SHARD, { minLength: 1, maxLength: 3 }), fc.option(fc.nat(40)), (shards, top) => {
        const plain = plainVariants(shards);
        const found = shardDiscovery(shardsOf(shards), top ?? undefined);
        const shown = top === null ? plain : plain.slice(0, top);
        expect(found.variants.map((v) => [v.activities, v.count])).toEqual(shown);
        expect(found.moreVariants).toBe(plain.length - shown.length);
        expect(found.cases).toBe(plain.reduce((n, [, c]) => n + c, 0));
        expect(found.events).toBe(plain.reduce((n, [t, c]) => n + t.length * c, 0));
        const counted = (pick: (trace: string[]) => string) => {
          const counts = new Map<string, number>();
          for (const [t, c] of plain) counts.set(pick(t), (counts.get(pick(t)) ?? 0) + c);
          return [...counts].sort((a, b) => byteOrder(a[0], b[0]));
        };
        expect(Object.entries(found.start)).toEqual(counted((t) => t[0] as string));
        expect(Object.entries(found.end)).toEqual(counted((t) => t[t.length - 1] as string));
        const occurs = new Map<string, number>();
        for (const [t, c] of plain) for (const a of t) occurs.set(a, (occurs.get(a) ?? 0) + c);
        expect(Object.entries(found.activities)).toEqual([...occurs].sort((a, b) => byteOrder(a[0], b[0])));
      }),
      { numRuns: 2000 },
    );
  });

  it('ranks traces by their activities when there are more than 65,536 of them', () => {
    // Activity numbers past one UTF-16 unit: 70,000 names, four variants of one customer each.
    const names = Array.from({ length: 70_000 }, (_, i) => `a${String(i).padStart(5, '0')}`);
    const traces = [
      [names[69_999], names[1]],
      [names[65_536]],
      [names[65_535], names[0]],
      [names[0], ...names.slice(2)],
    ] as string[][];
    const found = shardDiscovery(shardsOf([traces.map((t): [string[], number] => [t, 1])]), 10);
    expect(found.variants.map((v) => v.activities[0])).toEqual([
      names[0],
      names[65_535],
      names[65_536],
      names[69_999],
    ]);
  });
});

/** A shard's waits of one edge: microseconds, some past 2^53 (bigints), some many times over. */
const WAIT = fc.oneof(
  fc.integer({ min: 0, max: 90 }).map((m) => m * 60_000_000),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 62n }),
  fc.integer({ min: 0, max: 2 ** 40 }),
);
const EDGE_WAITS = fc.array(fc.tuple(WAIT, fc.integer({ min: 1, max: 2 ** 30 })), {
  minLength: 1,
  maxLength: 8,
});

/** Waits with counts as a shard sends them: distinct, ascending, each with its count added up. */
function asShardSends(waits: [Wait, number][]): [Wait[], number[]] {
  const counts = new Map<bigint, number>();
  for (const [w, n] of waits) counts.set(BigInt(w), (counts.get(BigInt(w)) ?? 0) + n);
  const sorted = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return [sorted.map(([w]) => (w < 2n ** 53n ? Number(w) : w)), sorted.map(([, n]) => n)];
}

describe('edges put together from the shards', () => {
  it('have the count, exact mean, quantiles and extremes of all their waits, in activity order; the most frequent kept', () => {
    // Per shard, edges between four activities (each pair at most once), each with its waits.
    const shard = fc.uniqueArray(fc.tuple(fc.nat(3), fc.nat(3), EDGE_WAITS), {
      selector: ([from, to]) => `${from} ${to}`,
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.array(shard, { minLength: 1, maxLength: 3 }), fc.option(fc.nat(8)), (shards, keep) => {
        const names = ['a', 'b', 'c', 'd'];
        const edges = shards.map((edges) =>
          edges.map(([from, to, waits]): ShardEdge => [from, to, ...asShardSends(waits)]),
        );
        const found = shardDiscovery(
          {
            log: 'log',
            names,
            answers: edges.map((e) => ({ variants: [], edges: e })),
            segments: [],
            channels: [],
          },
          10,
          keep ?? undefined,
        );
        const all = new Map<string, [Wait, number][]>();
        for (const [from, to, waits] of shards.flat())
          all.set(`${from} ${to}`, [...(all.get(`${from} ${to}`) ?? []), ...waits]);
        const plain = [...all]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([pair, waits]) => {
            const [from, to] = pair.split(' ').map(Number) as [number, number];
            const [values, counts] = asShardSends(waits);
            const count = counts.reduce((s, n) => s + n, 0);
            const sum = waits.reduce((s, [w, n]) => s + BigInt(w) * BigInt(n), 0n);
            return {
              from: names[from],
              to: names[to],
              count,
              mean: duckdbMean(sum, BigInt(count)) / 1e6,
              median: duckdbQuantileCont(values, counts, count, 0.5) / 1e6,
              p90: duckdbQuantileCont(values, counts, count, 0.9) / 1e6,
              min: Number(values[0]) / 1e6,
              max: Number(values[values.length - 1]) / 1e6,
            };
          });
        // The cut as DuckDB's `order by n desc, source, target limit k`, shown in activity order.
        const kept =
          keep === null
            ? plain
            : [...plain.entries()]
                .sort((a, b) => b[1].count - a[1].count || a[0] - b[0])
                .slice(0, Math.max(1, keep))
                .sort((a, b) => a[0] - b[0])
                .map(([, e]) => e);
        expect(found.dfg).toEqual(kept);
        expect(found.moreEdges).toBe(plain.length - kept.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a shard that numbers an activity the shards did not name', () => {
  it('stops the discovery saying the log changed, in a variant or in an edge', () => {
    const names = ['a', 'b'];
    const discovery = (answers: ShardedDiscovery['answers']) => () =>
      shardDiscovery({ log: 'log', names, answers, segments: [], channels: [] }, 10);
    expect(discovery([{ variants: [[[0, 2], 1]], edges: [] }])).toThrow('the log changed while it was read');
    expect(discovery([{ variants: [], edges: [[1, 2, [5], [1]]] }])).toThrow(
      'the log changed while it was read',
    );
    expect(discovery([{ variants: [[[0, 1], 1]], edges: [[0, 1, [5], [1]]] }])()).toMatchObject({ cases: 1 });
  });
});
