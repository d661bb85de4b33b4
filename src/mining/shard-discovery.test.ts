import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteOrder, type ShardAnswers, shardDiscovery } from './shard-discovery.js';

/**
 * The variants as DuckDB's discover lists them, written the plain way: merged by their activities,
 * most customers first, equal counts by their activities' numbers in name order, item by item,
 * a trace before any longer one it begins.
 */
function plainVariants(answers: ShardAnswers[]): [string[], number][] {
  const merged = new Map<string, [string[], number]>();
  for (const [trace, count] of answers.flatMap((a) => a.variants)) {
    const key = JSON.stringify(trace);
    const seen = merged.get(key);
    if (seen) seen[1] += count;
    else merged.set(key, [trace, count]);
  }
  const names = [...new Set(answers.flatMap((a) => a.variants.flatMap(([t]) => t)))].sort(byteOrder);
  const code = (a: string) => names.indexOf(a);
  const listOrder = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      if (a[i] !== b[i]) return code(a[i] as string) - code(b[i] as string);
    return a.length - b.length;
  };
  return [...merged.values()].sort((a, b) => b[1] - a[1] || listOrder(a[0], b[0]));
}

const answersOf = (variants: [string[], number][][]): ShardAnswers[] =>
  variants.map((v) => ({ variants: v, edges: [], segments: [], channels: [] }));

// Names whose UTF-8 order differs from their UTF-16 order, prefixes of each other, and plain ones.
const NAME = fc.constantFrom('a', 'ab', 'b', 'B', 'é', '\ue000', '\u{1f600}', 'z', 'a b', '');
const TRACE = fc.array(NAME, { minLength: 1, maxLength: 5 });
const SHARD = fc.array(fc.tuple(TRACE, fc.integer({ min: 1, max: 4 })), { maxLength: 30 });

describe('a discovery put together from the shards', () => {
  it('lists the variants merged and ranked as DuckDB does, for any split of them', () => {
    fc.assert(
      fc.property(fc.array(SHARD, { minLength: 1, maxLength: 3 }), fc.option(fc.nat(40)), (shards, top) => {
        const answers = answersOf(shards);
        const plain = plainVariants(answers);
        const found = shardDiscovery('log', answers, top ?? undefined);
        const shown = top === null ? plain : plain.slice(0, top);
        expect(found.variants.map((v) => [v.activities, v.count])).toEqual(shown);
        expect(found.moreVariants).toBe(plain.length - shown.length);
        expect(found.cases).toBe(plain.reduce((n, [, c]) => n + c, 0));
        expect(found.events).toBe(plain.reduce((n, [t, c]) => n + t.length * c, 0));
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
    const found = shardDiscovery('log', answersOf([traces.map((t): [string[], number] => [t, 1])]), 10);
    expect(found.variants.map((v) => v.activities[0])).toEqual([
      names[0],
      names[65_535],
      names[65_536],
      names[69_999],
    ]);
  });
});
