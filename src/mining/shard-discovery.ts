/**
 * A discovery put together from what each shard returned: variants with their counts, and
 * directly-follows edges with their waits and counts (shard-edges.ts), every activity as its
 * number in the names of all shards together, in byte order. A customer's events are all on one
 * shard, so counts add up; the order and the figures are those of the DuckDB store's discover,
 * so that both read the same byte for byte.
 *
 * A shard of a ten-million-event log returns about a million variants: they come as numbers, are
 * keyed by flat texts and counted by activity number in typed arrays, only the variants shown are
 * ranked, and only theirs are named.
 */
import { firstK } from '../collections/first-k.js';
import type { DfgEdge, Discovery, Variant } from './discover.js';
import { edgesKept } from './kept-counts.js';
import { mergedEdges, type ShardEdge } from './shard-edges.js';
import { unnamedActivity } from './unnamed-activity.js';

/** A variant as a shard returns it: its activities' numbers in order and how many customers took it. */
export type ShardVariant = [number[], number];

export interface ShardAnswers {
  variants: ShardVariant[];
  edges: ShardEdge[];
}

/** What the shards returned: their answers, the names their numbers stand for, and the log's segments and channels. */
export interface ShardedDiscovery {
  log: string;
  /** Every activity, in byte order: an activity's number is its place here. */
  names: string[];
  answers: ShardAnswers[];
  segments: string[];
  channels: string[];
  /** Activities whose events were left out (the discovery's `activities` option). */
  moreActivities?: number;
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

/** The distinct texts in UTF-8 byte order. */
export const distinctInByteOrder = (values: Iterable<string>) => [...new Set(values)].sort(byteOrder);

/** A variant merged from the shards: its activities' numbers, its customers, and the numbers as text. */
interface MergedVariant {
  codes: number[];
  count: number;
  key: string;
}

/** UTF-16 units turned into text at once: String.fromCharCode takes them as arguments. */
const UNITS_AT_ONCE = 8192;

/** The first n units as one flat text (a text grown unit by unit is a rope, slow to compare). */
function textOf(units: Uint16Array, n: number): string {
  // apply reads a typed array as its arguments, without a copy into an array.
  const chars = (from: number, to: number) =>
    String.fromCharCode.apply(null, units.subarray(from, to) as unknown as number[]);
  if (n <= UNITS_AT_ONCE) return chars(0, n);
  let text = '';
  for (let i = 0; i < n; i += UNITS_AT_ONCE) text += chars(i, Math.min(n, i + UNITS_AT_ONCE));
  return text;
}

/**
 * A trace's numbers written as text: one UTF-16 unit per activity (two when there are 65,536 or
 * more), so that texts compared unit by unit order traces as DuckDB orders their lists (item by
 * item, a list before any longer one it begins), and a trace is found by its text.
 */
function keyMaker(activities: number) {
  const width = activities > 0xffff ? 2 : 1;
  let units = new Uint16Array(64);
  return (codes: number[]) => {
    if (units.length < codes.length * width) units = new Uint16Array(codes.length * width * 2);
    let n = 0;
    for (const c of codes) {
      if (!(c < activities)) throw unnamedActivity();
      if (width === 2) units[n++] = c >>> 16;
      units[n++] = c & 0xffff;
    }
    return textOf(units, n);
  };
}

/** The shards' variants, a variant on several shards once with their customers added up. */
function mergedVariants(answers: ShardAnswers[], activities: number): MergedVariant[] {
  const keyOf = keyMaker(activities);
  const merged = new Map<string, MergedVariant>();
  for (const answer of answers)
    for (const [codes, count] of answer.variants) {
      const key = keyOf(codes);
      const seen = merged.get(key);
      if (seen) seen.count += count;
      else merged.set(key, { codes, count, key });
    }
  return [...merged.values()];
}

/** Most customers first; equal counts in the order of their activities' numbers. */
const byCountThenTrace = (a: MergedVariant, b: MergedVariant) =>
  b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Every activity with its events, and start and end activities with their customers, in activity
 * order (as DuckDB's query gives them).
 */
function activityCounts(variants: MergedVariant[], names: string[]) {
  const occurs = new Float64Array(names.length);
  const starts = new Float64Array(names.length);
  const ends = new Float64Array(names.length);
  for (const { codes, count } of variants) {
    const first = codes[0] as number;
    const last = codes[codes.length - 1] as number;
    starts[first] = (starts[first] as number) + count;
    ends[last] = (ends[last] as number) + count;
    for (const c of codes) occurs[c] = (occurs[c] as number) + count;
  }
  const named = (counts: Float64Array) =>
    Object.fromEntries(names.flatMap((name, i) => (counts[i] ? [[name, counts[i] as number]] : [])));
  return { activities: named(occurs), start: named(starts), end: named(ends) };
}

/**
 * The `keep` most frequent edges in the order they came (activity order), and how many were left
 * out; equal counts go by that order, as DuckDB's `order by n desc, source, target` takes them.
 */
function mostFrequent(edges: DfgEdge[], keep: number): { dfg: DfgEdge[]; moreEdges: number } {
  if (edges.length <= keep) return { dfg: edges, moreEdges: 0 };
  const places = firstK(
    edges.map((_, i) => i),
    keep,
    (a, b) => (edges[b] as DfgEdge).count - (edges[a] as DfgEdge).count || a - b,
  ).sort((a, b) => a - b);
  return { dfg: places.map((i) => edges[i] as DfgEdge), moreEdges: edges.length - keep };
}

export function shardDiscovery(shards: ShardedDiscovery, top: number | undefined, edges?: number): Discovery {
  const { log, names, answers } = shards;
  const variants = mergedVariants(answers, names.length);
  const shown =
    top === undefined
      ? variants.sort(byCountThenTrace)
      : firstK(variants, Math.max(0, Math.floor(top)), byCountThenTrace);
  let cases = 0;
  let events = 0;
  for (const v of variants) {
    cases += v.count;
    events += v.count * v.codes.length;
  }
  let cumulative = 0;
  return {
    log,
    events,
    cases,
    ...mostFrequent(
      mergedEdges(
        answers.map((a) => a.edges),
        names,
      ),
      edgesKept(edges),
    ),
    ...activityCounts(variants, names),
    moreActivities: shards.moreActivities ?? 0,
    variants: shown.map((v): Variant => {
      cumulative += v.count;
      return {
        activities: v.codes.map((c) => names[c] as string),
        count: v.count,
        share: cases ? v.count / cases : 0,
        cumulative: cases ? cumulative / cases : 0,
      };
    }),
    moreVariants: variants.length - shown.length,
    segments: shards.segments,
    channels: shards.channels,
  };
}
