/**
 * Directly-follows edges put together from the shards: each shard returns an edge's distinct
 * waits in ascending order with how often each occurred, and the lists are merged as they come,
 * so that the edge's count, exact mean, median and 90th percentile are DuckDB's over the whole
 * log (a quantile needs every wait; it cannot be added up from the shards' own).
 *
 * Waits are microseconds as numbers, exact below 2^53 (285 years), and bigints past it; the two
 * compare with `<` as they are, and the sum switches to bigints only when it would pass 2^53.
 */
import type { DfgEdge } from './discover.js';
import { duckdbMean, duckdbQuantileCont } from './duckdb-numbers.js';
import { unnamedActivity } from './unnamed-activity.js';

export type Wait = number | bigint;

/**
 * An edge as a shard returns it: from and to (activity numbers), its distinct waits ascending, and
 * each wait's count.
 */
export type ShardEdge = [number, number, Wait[], number[]];

/**
 * A wait sent as whole seconds and the microseconds left (both with the wait's sign): a number
 * when it is below 2^53 microseconds, else a bigint.
 */
export function waitOf(seconds: number, micros: number): Wait {
  return Math.abs(seconds) < 9e9 ? seconds * 1e6 + micros : BigInt(seconds) * 1_000_000n + BigInt(micros);
}

interface Waits {
  values: Wait[];
  counts: number[];
}

/** Two ascending lists of distinct waits as one: a wait in both once, with its counts added. */
function mergeWaits(a: Waits, b: Waits): Waits {
  const values: Wait[] = [];
  const counts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.values.length && j < b.values.length) {
    const x = a.values[i] as Wait;
    const y = b.values[j] as Wait;
    if (x < y) {
      values.push(x);
      counts.push(a.counts[i++] as number);
    } else if (y < x) {
      values.push(y);
      counts.push(b.counts[j++] as number);
    } else {
      values.push(x);
      counts.push((a.counts[i++] as number) + (b.counts[j++] as number));
    }
  }
  for (; i < a.values.length; i++) {
    values.push(a.values[i] as Wait);
    counts.push(a.counts[i] as number);
  }
  for (; j < b.values.length; j++) {
    values.push(b.values[j] as Wait);
    counts.push(b.counts[j] as number);
  }
  return { values, counts };
}

/** The sum of every wait times its count, exactly: in numbers while it stays below 2^53. */
export function exactSum(values: Wait[], counts: number[]): bigint {
  let small = 0;
  let i = 0;
  for (; i < values.length; i++) {
    const v = values[i] as Wait;
    if (typeof v !== 'number') break;
    // Waits and counts are whole and not negative: a true sum past 2^53 rounds to 2^53 or more.
    const next = small + v * (counts[i] as number);
    if (!Number.isSafeInteger(next)) break;
    small = next;
  }
  let sum = BigInt(small);
  for (; i < values.length; i++) sum += BigInt(values[i] as Wait) * BigInt(counts[i] as number);
  return sum;
}

function edgeFigures(from: string, to: string, { values, counts }: Waits): DfgEdge {
  let count = 0;
  for (const n of counts) count += n;
  return {
    from,
    to,
    count,
    mean: duckdbMean(exactSum(values, counts), BigInt(count)) / 1e6,
    median: duckdbQuantileCont(values, counts, count, 0.5) / 1e6,
    p90: duckdbQuantileCont(values, counts, count, 0.9) / 1e6,
    min: Number(values[0] as Wait) / 1e6,
    max: Number(values[values.length - 1] as Wait) / 1e6,
  };
}

/** The shards' edges merged, in the order of their activities' numbers (from, then to), named. */
export function mergedEdges(shards: ShardEdge[][], names: string[]): DfgEdge[] {
  const byEdge = new Map<number, { from: number; to: number; waits: Waits }>();
  for (const edges of shards)
    for (const [from, to, values, counts] of edges) {
      if (!(from < names.length && to < names.length)) throw unnamedActivity();
      const key = from * names.length + to;
      const edge = byEdge.get(key);
      if (edge) edge.waits = mergeWaits(edge.waits, { values, counts });
      else byEdge.set(key, { from, to, waits: { values, counts } });
    }
  return [...byEdge.values()]
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((e) => edgeFigures(names[e.from] as string, names[e.to] as string, e.waits));
}
