/**
 * A discovery put together from what each shard returned: variants with their counts, and
 * directly-follows edges with their waits and counts. A customer's events are all on one shard,
 * so counts add up; the order and the figures are those of the DuckDB store's discover, so that
 * both read the same byte for byte.
 */
import type { DfgEdge, Discovery, Variant } from './discover.js';
import { duckdbMean, duckdbQuantileCont } from './duckdb-numbers.js';

/** A variant as a shard returns it: the activities in order and how many customers took it. */
export type ShardVariant = [string[], number];
/** An edge as a shard returns it: from, to, and each wait (microseconds) with how often it occurred. */
export type ShardEdge = [string, string, [bigint, number][]];

export interface ShardAnswers {
  variants: ShardVariant[];
  edges: ShardEdge[];
  segments: string[];
  channels: string[];
}

/**
 * Byte order of UTF-8, as DuckDB and ClickHouse order text (JS's < compares UTF-16 units). UTF-8
 * orders by code point, as UTF-16 units do up to the first difference unless a surrogate is
 * there (a code point past U+FFFF, or a lone one that UTF-8 writes as U+FFFD): only then are the
 * two encoded, which every comparison did before and which took 0.4 s of sorting a calibration's
 * 50,000 rows.
 */
export function byteOrder(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (isSurrogate(x) || isSurrogate(y))
      return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
    return x < y ? -1 : 1;
  }
  // One begins the other: the shorter comes first, as its bytes begin the longer's (a lone high
  // surrogate at its end, U+FFFD in UTF-8, comes before the 4-byte code point it would begin).
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

const uniqueSorted = (values: string[]) => [...new Set(values)].sort(byteOrder);

/** A variant merged from the shards: its activities, its customers, and its activities' codes as text. */
interface MergedVariant {
  trace: string[];
  count: number;
  key: string;
}

/**
 * Each activity's number in name order (as the DuckDB store numbers them to sort variants), and
 * a trace's numbers written as text: one UTF-16 unit per activity (two when there are 65,536 or
 * more), so that texts compared unit by unit order traces as DuckDB orders their lists (item by
 * item, a list before any longer one it begins), and a trace is found by its text.
 */
function activityCodes(answers: ShardAnswers[]) {
  const seen = new Set<string>();
  for (const answer of answers) for (const [trace] of answer.variants) for (const a of trace) seen.add(a);
  const names = [...seen].sort(byteOrder);
  const code = new Map(names.map((name, i) => [name, i]));
  const wide = names.length > 0xffff;
  const keyOf = (trace: string[]) => {
    let key = '';
    for (const a of trace) {
      const c = code.get(a) as number;
      key += wide ? String.fromCharCode(c >>> 16, c & 0xffff) : String.fromCharCode(c);
    }
    return key;
  };
  return { code, keyOf };
}

/** The shards' variants, a variant on several shards once with their customers added up. */
function mergedVariants(answers: ShardAnswers[], keyOf: (trace: string[]) => string): MergedVariant[] {
  const merged = new Map<string, MergedVariant>();
  for (const answer of answers)
    for (const [trace, count] of answer.variants) {
      const key = keyOf(trace);
      const seen = merged.get(key);
      if (seen) seen.count += count;
      else merged.set(key, { trace, count, key });
    }
  return [...merged.values()];
}

/** Most customers first; equal counts in the order of their activities' numbers. */
const byCountThenTrace = (a: MergedVariant, b: MergedVariant) =>
  b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function edgeFigures(from: string, to: string, waits: Map<bigint, number>): DfgEdge {
  const sorted = [...waits].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const count = sorted.reduce((n, [, c]) => n + c, 0);
  const sum = sorted.reduce((s, [w, c]) => s + w * BigInt(c), 0n);
  return {
    from,
    to,
    count,
    mean: duckdbMean(sum, BigInt(count)) / 1e6,
    median: duckdbQuantileCont(sorted, count, 0.5) / 1e6,
    p90: duckdbQuantileCont(sorted, count, 0.9) / 1e6,
    min: Number((sorted[0] as [bigint, number])[0]) / 1e6,
    max: Number((sorted[sorted.length - 1] as [bigint, number])[0]) / 1e6,
  };
}

function mergedEdges(answers: ShardAnswers[], code: Map<string, number>): DfgEdge[] {
  const byEdge = new Map<string, { from: string; to: string; waits: Map<bigint, number> }>();
  for (const [from, to, waits] of answers.flatMap((a) => a.edges)) {
    const key = JSON.stringify([from, to]);
    const edge = byEdge.get(key) ?? { from, to, waits: new Map<bigint, number>() };
    byEdge.set(key, edge);
    for (const [wait, n] of waits) edge.waits.set(wait, (edge.waits.get(wait) ?? 0) + n);
  }
  const at = (name: string) => code.get(name) as number;
  return [...byEdge.values()]
    .sort((a, b) => at(a.from) - at(b.from) || at(a.to) - at(b.to))
    .map((e) => edgeFigures(e.from, e.to, e.waits));
}

/** Start or end activities with their customers, in activity order (as DuckDB's query gives them). */
function endsOf(
  variants: { trace: string[]; count: number }[],
  pick: (trace: string[]) => string,
  code: Map<string, number>,
) {
  const counts = new Map<string, number>();
  for (const v of variants) counts.set(pick(v.trace), (counts.get(pick(v.trace)) ?? 0) + v.count);
  return Object.fromEntries(
    [...counts].sort((a, b) => (code.get(a[0]) as number) - (code.get(b[0]) as number)),
  );
}

export function shardDiscovery(log: string, answers: ShardAnswers[], top: number | undefined): Discovery {
  const { code, keyOf } = activityCodes(answers);
  const ranked = mergedVariants(answers, keyOf).sort(byCountThenTrace);
  const shown = top === undefined ? ranked : ranked.slice(0, Math.max(0, Math.floor(top)));
  let cases = 0;
  let events = 0;
  for (const v of ranked) {
    cases += v.count;
    events += v.count * v.trace.length;
  }
  let cumulative = 0;
  return {
    log,
    events,
    cases,
    dfg: mergedEdges(answers, code),
    start: endsOf(ranked, (t) => t[0] as string, code),
    end: endsOf(ranked, (t) => t[t.length - 1] as string, code),
    variants: shown.map((v): Variant => {
      cumulative += v.count;
      return {
        activities: v.trace,
        count: v.count,
        share: cases ? v.count / cases : 0,
        cumulative: cases ? cumulative / cases : 0,
      };
    }),
    moreVariants: ranked.length - shown.length,
    segments: uniqueSorted(answers.flatMap((a) => a.segments)),
    channels: uniqueSorted(answers.flatMap((a) => a.channels)),
  };
}
