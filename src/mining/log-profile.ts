/**
 * What conformance and calibration read about a log as a whole, as either engine returns it: its
 * activities and segments, its customers, when they started (the span of their first events, and
 * how many started in each hour of the week), and how many belong to each segment. On ClickHouse
 * each shard answers for its customers (a customer is on one shard) and the answers are put
 * together here; counts add, spans take the least and greatest.
 */
import type { ActivityChannel } from './activity-mapping.js';
import { byteOrder, distinctInByteOrder } from './shard-discovery.js';

/** Earliest and latest of the customers' first events, in microseconds. */
export interface Span {
  min: bigint;
  max: bigint;
}

export interface LogProfile {
  /** Every activity, in byte order. */
  activities: string[];
  /** Every activity per channel with its events, by activity then channel (null first), in byte order. */
  channels: ActivityChannel[];
  /** Events whose lifecycle is start, and complete (in any letter case). */
  lifecycles: { start: number; complete: number };
  /** Every segment named (null for events naming none), null first, then byte order. */
  segments: (string | null)[];
  cases: number;
  /** Of the customers' first events (UTC); undefined without customers. */
  firstSpan?: Span;
  /** Of the customers' first events in the time the log wrote (its offset kept). */
  localFirstSpan?: Span;
  /** Customers by the hour of the week of their first event, in the time the log wrote: 0 is Monday 00:00. */
  weekHours: [hour: number, customers: number][];
  /** Customers by segment (the least of their events' segments, in byte order; null for none). */
  segmentCases: [segment: string | null, customers: number][];
}

/** A log, or a part of it, without events. */
export const EMPTY_PROFILE: LogProfile = {
  activities: [],
  channels: [],
  lifecycles: { start: 0, complete: 0 },
  segments: [],
  cases: 0,
  weekHours: [],
  segmentCases: [],
};

/** Whole weeks in microseconds added before dividing, so that times before 1970 fall in the right hour. */
export const WEEKS_BEFORE_1970_US = 168n * 3_600_000_000n * 50_000n;
/** 1970-01-01 was a Thursday: its first hour is hour 72 of a week from Monday. */
export const EPOCH_WEEK_HOUR = 72;

const nullFirst = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : byteOrder(a, b);

function spanOf(spans: (Span | undefined)[]): Span | undefined {
  const given = spans.filter((s): s is Span => s !== undefined);
  if (given.length === 0) return undefined;
  return {
    min: given.reduce((m, s) => (s.min < m ? s.min : m), (given[0] as Span).min),
    max: given.reduce((m, s) => (s.max > m ? s.max : m), (given[0] as Span).max),
  };
}

function added<K>(lists: [K, number][][]): [K, number][] {
  const out = new Map<K, number>();
  for (const list of lists) for (const [k, n] of list) out.set(k, (out.get(k) ?? 0) + n);
  return [...out];
}

/**
 * The customers of a part grouped by the hour of the week they started in and their segment, each
 * group as (hour, segment, customers, least and greatest first event UTC, least and greatest as
 * written): counts as the database returns them (numbers, bigints or their text).
 */
export type CustomerGroup = [unknown, unknown, unknown, unknown, unknown, unknown, unknown];

/** A part's customers from their groups (see CustomerGroup). */
export function customersOf(
  groups: CustomerGroup[],
): Pick<LogProfile, 'cases' | 'firstSpan' | 'localFirstSpan' | 'weekHours' | 'segmentCases'> {
  const big = (x: unknown) => BigInt(x as bigint | string | number);
  const span = (min: number, max: number) =>
    spanOf(groups.map((g) => ({ min: big(g[min]), max: big(g[max]) })));
  const firstSpan = span(3, 4);
  const localFirstSpan = span(5, 6);
  return {
    cases: groups.reduce((s, g) => s + Number(g[2]), 0),
    ...(firstSpan ? { firstSpan } : {}),
    ...(localFirstSpan ? { localFirstSpan } : {}),
    weekHours: added(groups.map((g) => [[Number(g[0]), Number(g[2])]])),
    segmentCases: added(groups.map((g) => [[g[1] === null ? null : String(g[1]), Number(g[2])]])),
  };
}

/** Equal activities on equal channels as one, their events added, in order. */
function addedChannels(pairs: ActivityChannel[]): ActivityChannel[] {
  const out = new Map<string, ActivityChannel>();
  for (const p of pairs) {
    const key = JSON.stringify([p.activity, p.channel]);
    const seen = out.get(key);
    out.set(key, seen ? { ...seen, n: seen.n + p.n } : p);
  }
  return [...out.values()].sort(
    (a, b) => byteOrder(a.activity, b.activity) || nullFirst(a.channel, b.channel),
  );
}

/**
 * A part's activities, channels and lifecycles from its events counted by activity, channel and
 * lifecycle kind ('start', 'complete' or another), as the database returns them.
 */
export function channelsOf(
  rows: [activity: unknown, channel: unknown, kind: unknown, n: unknown][],
): Pick<LogProfile, 'activities' | 'channels' | 'lifecycles'> {
  const lifecycles = { start: 0, complete: 0 };
  for (const [, , kind, n] of rows)
    if (kind === 'start' || kind === 'complete') lifecycles[kind] += Number(n);
  const channels = addedChannels(
    rows.map(([activity, channel, , n]) => ({
      activity: String(activity),
      channel: channel === null ? null : String(channel),
      n: Number(n),
    })),
  );
  return { activities: [...new Set(channels.map((c) => c.activity))], channels, lifecycles };
}

/** With start and complete events, a visit to a step is its complete event: the starts are left out. */
export const pairsLifecycles = (p: LogProfile) => p.lifecycles.start > 0 && p.lifecycles.complete > 0;

/** Several parts' (shards') profiles as one log's. */
export function mergeLogProfiles(parts: LogProfile[]): LogProfile {
  const firstSpan = spanOf(parts.map((p) => p.firstSpan));
  const localFirstSpan = spanOf(parts.map((p) => p.localFirstSpan));
  return {
    activities: distinctInByteOrder(parts.flatMap((p) => p.activities)),
    channels: addedChannels(parts.flatMap((p) => p.channels)),
    lifecycles: {
      start: parts.reduce((s, p) => s + p.lifecycles.start, 0),
      complete: parts.reduce((s, p) => s + p.lifecycles.complete, 0),
    },
    segments: [...new Set(parts.flatMap((p) => p.segments))].sort(nullFirst),
    cases: parts.reduce((s, p) => s + p.cases, 0),
    ...(firstSpan ? { firstSpan } : {}),
    ...(localFirstSpan ? { localFirstSpan } : {}),
    weekHours: added(parts.map((p) => p.weekHours)).sort((a, b) => a[0] - b[0]),
    segmentCases: added(parts.map((p) => p.segmentCases)).sort((a, b) => nullFirst(a[0], b[0])),
  };
}
