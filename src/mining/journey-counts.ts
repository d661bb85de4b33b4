/**
 * What a journey model is discovered from, counted from a log's rows (journey-rows.ts): each event
 * becomes a step (its activity, or its activity and channel where the activity is split by
 * channel), and the customers' starts, moves (a journey's last event moves to its end), times to
 * the next event, stages and arrivals are added up per step. The same rows from any engine give
 * the same counts: the sums are exact and everything is ordered by key here.
 */

import { compareText } from '../text/compare-text.js';
import { duckdbMean } from './duckdb-numbers.js';
import {
  type ActivityChannel,
  type JourneyRows,
  type JourneyRowsSource,
  journeyPaired,
  type LifecycleGroup,
  type VisitGroup,
} from './journey-rows.js';
import { byteOrder } from './shard-discovery.js';

/** A step-to-be: the events of one activity, on one channel or on all of its channels. */
export interface StepNode {
  /** Its key in the counts: a number, as the activity and channel may be any text. */
  node: string;
  activity: string;
  /** The channel of its events (the most common one when it stands for several), null when none. */
  channel: string | null;
  /** Its channels: the (activity, channel) pairs whose events it takes. */
  channels: (string | null)[];
  events: number;
}

/** One observed move: `to` is a node, or null for the journey's end. */
export interface MoveCount {
  segment: string;
  from: string;
  to: string | null;
  /** A last contact the log marks `outcome: abandoned`: the customer gave up in a queue. */
  gaveUp: boolean;
  n: number;
}

export interface TimeStats {
  node: string;
  n: number;
  mean: number;
  sd: number;
}

export interface JourneyCounts {
  cases: number;
  /** Seconds from the first customer's first event to the last customer's first event. */
  span: number;
  /** Customers by segment ('' when the log names none), the largest first. */
  segments: Map<string, number>;
  starts: { segment: string; node: string; n: number }[];
  moves: MoveCount[];
  /**
   * Seconds from a visit to the customer's next event, over all visits, a last visit counting 0
   * (the log shows no time after it); `n` counts the visits followed by an event.
   */
  gaps: TimeStats[];
  /** Share of each node's events that name a resource (who served them). */
  served: Map<string, number>;
  /** Seconds from an activity's start event to its complete event, when the log has lifecycles. */
  lifecycles: TimeStats[];
  /** The stage values the log's `stage` attribute gives each node's events. */
  stageVotes: { node: string; stage: string; n: number }[];
  /** Mean position of each node's visits within their journeys (1 is first), to order the steps. */
  positions: Map<string, number>;
}

/** An activity on a second channel becomes its own step when that channel has this share of it... */
export const SPLIT_SHARE = 0.1;
/** ...and at least this many events. */
export const SPLIT_EVENTS = 20;

/**
 * The steps-to-be from the events per activity and channel: an activity is one step on its most
 * common channel, except that each other channel carrying at least SPLIT_SHARE of its events (and
 * SPLIT_EVENTS) becomes a step of its own; the rarer channels' events join the main step.
 */
export function stepNodes(rows: { activity: string; channel: string | null; n: number }[]): StepNode[] {
  const byActivity = new Map<string, { channel: string | null; n: number }[]>();
  for (const r of rows) byActivity.set(r.activity, [...(byActivity.get(r.activity) ?? []), r]);
  const nodes: StepNode[] = [];
  for (const [activity, list] of [...byActivity].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const sorted = [...list].sort((a, b) => b.n - a.n || compareText(String(a.channel), String(b.channel)));
    const all = sorted.reduce((s, r) => s + r.n, 0);
    const own = sorted.filter(
      (r, i) => i === 0 || (r.channel !== null && r.n >= SPLIT_SHARE * all && r.n >= SPLIT_EVENTS),
    );
    for (const r of own) {
      const joined = r === sorted[0] ? sorted.filter((x) => !own.includes(x)) : [];
      nodes.push({
        node: '',
        activity,
        channel: r.channel,
        channels: [r.channel, ...joined.map((x) => x.channel)],
        events: r.n + joined.reduce((s, x) => s + x.n, 0),
      });
    }
  }
  return nodes.map((n, i) => ({ ...n, node: String(i) }));
}

const pairKey = (p: ActivityChannel) => JSON.stringify([p.activity, p.channel]);

/** Byte order with null after every text, as DuckDB orders them. */
const nullLast = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : byteOrder(a, b);

/** Counts of equal keys added up, each key with its parts. */
function countBy<K extends unknown[]>(items: [K, number][]): [K, number][] {
  const out = new Map<string, [K, number]>();
  for (const [key, n] of items) {
    const id = JSON.stringify(key);
    out.set(id, [key, (out.get(id)?.[1] ?? 0) + n]);
  }
  return [...out.values()];
}

/** Sums of equal keys added up (whole numbers, exact). */
function sumBy<T extends Record<string, number | bigint>>(items: [string, T][]): Map<string, T> {
  const out = new Map<string, T>();
  for (const [key, sums] of items) {
    const seen = out.get(key);
    if (!seen) out.set(key, { ...sums });
    else for (const name of Object.keys(sums) as (keyof T)[]) (seen[name] as number) += sums[name] as number;
  }
  return new Map([...out].sort(([a], [b]) => byteOrder(a, b)));
}

/**
 * Mean and sample standard deviation, in seconds, of `count` times in whole microseconds from their
 * exact sum and sum of squares: the mean divided as DuckDB's avg divides, the variance exact and
 * rounded once, so that neither depends on the order the times were added in.
 */
function timeStats(node: string, n: number, count: number, sum: bigint, squares: bigint): TimeStats {
  const c = BigInt(count);
  const sd = count > 1 ? Math.sqrt(Number(c * squares - sum * sum) / Number(c * (c - 1n))) / 1e6 : 0;
  return { node, n, mean: duckdbMean(sum, c) / 1e6, sd };
}

/** The steps-to-be and what the journeys did at them, from a log's rows (a store's, or its shards' joined). */
export function journeyCounts(rows: JourneyRows): { nodes: StepNode[]; counts: JourneyCounts } {
  const paired = journeyPaired(rows.events);
  const kept = rows.events.filter((e) => !(paired && e.lifecycle === 'start'));
  const perPair = countBy(kept.map((e): [[string, string | null], number] => [[e.activity, e.channel], e.n]))
    .map(([[activity, channel], n]) => ({ activity, channel, n }))
    .sort((a, b) => byteOrder(a.activity, b.activity) || nullLast(a.channel, b.channel));
  const nodes = stepNodes(perPair);
  if (nodes.length === 0) return { nodes, counts: emptyCounts() };
  const nodeOf = new Map(
    nodes.flatMap((n) => n.channels.map((channel) => [pairKey({ activity: n.activity, channel }), n.node])),
  );
  const node = (p: ActivityChannel): string => {
    const found = nodeOf.get(pairKey(p));
    if (found === undefined)
      throw new Error(`the store's journeys name ${pairKey(p)}, which none of its events has`);
    return found;
  };

  const starts = countBy(rows.starts.map((s): [[string, string], number] => [[s.segment, node(s)], s.n]));
  const firsts = rows.starts.map((s) => [s.min, s.max] as const);
  const least = firsts.reduce((m, [min]) => (min < m ? min : m), firsts[0]?.[0] ?? 0n);
  const most = firsts.reduce((m, [, max]) => (max > m ? max : m), firsts[0]?.[1] ?? 0n);
  const moves = countBy(
    rows.moves.map((m): [[string, string, string | null, boolean], number] => [
      [m.segment, node(m), m.next === null ? null : node(m.next), m.gaveUp],
      m.n,
    ]),
  ).sort(
    ([a], [b]) =>
      byteOrder(a[0], b[0]) || byteOrder(a[1], b[1]) || nullLast(a[2], b[2]) || Number(a[3]) - Number(b[3]),
  );
  const visits = sumBy(
    rows.visits.map((v): [string, Omit<VisitGroup, 'activity' | 'channel'>] => [
      node(v),
      {
        visits: v.visits,
        followed: v.followed,
        gapSum: v.gapSum,
        gapSquares: v.gapSquares,
        positions: v.positions,
      },
    ]),
  );
  const events = sumBy(kept.map((e) => [node(e), { n: e.n, served: e.served ? e.n : 0 }]));
  return {
    nodes,
    counts: {
      cases: starts.reduce((s, [, n]) => s + n, 0),
      span: Number(most - least) / 1e6,
      segments: new Map(
        countBy(starts.map(([[segment], n]): [[string], number] => [[segment], n]))
          .sort(([a, m], [b, n]) => n - m || byteOrder(a[0], b[0]))
          .map(([[segment], n]) => [segment, n]),
      ),
      starts: starts
        .sort(([a], [b]) => byteOrder(a[0], b[0]) || byteOrder(a[1], b[1]))
        .map(([[segment, node], n]) => ({ segment, node, n })),
      moves: moves.map(([[segment, from, to, gaveUp], n]) => ({ segment, from, to, gaveUp, n })),
      gaps: [...visits].map(([n, v]) => timeStats(n, v.followed, v.visits, v.gapSum, v.gapSquares)),
      served: new Map([...events].map(([n, e]) => [n, e.served / e.n])),
      lifecycles: paired ? lifecycleStats(rows.lifecycles) : [],
      stageVotes: countBy(
        kept.flatMap((e): [[string, string], number][] =>
          e.stage === null ? [] : [[[node(e), e.stage], e.n]],
        ),
      )
        .sort(([a], [b]) => byteOrder(a[0], b[0]) || byteOrder(a[1], b[1]))
        .map(([[node, stage], n]) => ({ node, stage, n })),
      positions: new Map([...visits].map(([n, v]) => [n, duckdbMean(v.positions, BigInt(v.visits))])),
    },
  };
}

/** Start to complete of each activity. */
export function lifecycleStats(groups: LifecycleGroup[]): TimeStats[] {
  const sums = sumBy(groups.map((g) => [g.activity, { n: g.n, sum: g.sum, squares: g.squares }]));
  return [...sums].map(([activity, s]) => timeStats(activity, s.n, s.n, s.sum, s.squares));
}

/** A log's journey counts, from whichever store holds it. */
export async function countJourneys(
  source: JourneyRowsSource,
  log: string,
): Promise<{ nodes: StepNode[]; counts: JourneyCounts }> {
  return journeyCounts(await source.journeyRows(log));
}

function emptyCounts(): JourneyCounts {
  return {
    cases: 0,
    span: 0,
    segments: new Map(),
    starts: [],
    moves: [],
    gaps: [],
    lifecycles: [],
    stageVotes: [],
    positions: new Map(),
    served: new Map(),
  };
}
