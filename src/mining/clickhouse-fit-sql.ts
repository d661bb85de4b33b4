/**
 * The statements conformance and calibration send to each shard (clickhouse-fit-counts.ts): the
 * log's profile (activities per channel, segments, customers by when they started) and each
 * customer's mapped events as moves, fitting customers and durations. Written for 18.16 and
 * current versions alike, as every statement in clickhouse-sql.ts.
 */
import type { StepMapping } from './activity-mapping.js';
import { chList, chName, chString, lifecycleKind, lifecycleKindOf } from './clickhouse-sql.js';

/** Every segment (null for none) of the log on this shard. */
export const shardSegments = (db: string, parts: string[]) =>
  `SELECT DISTINCT segment FROM ${chName(db)}.events_local WHERE log IN (${chList(parts)}) FORMAT JSONCompact`;

/** This shard's events counted by activity, channel (null as a flag and '') and lifecycle kind. */
export const shardActivityChannels = (db: string, parts: string[]) =>
  `SELECT activity, isNull(channel) AS no_channel, ifNull(channel, '') AS ch, ${lifecycleKindOf} AS kind, count()
   FROM ${chName(db)}.events_local WHERE log IN (${chList(parts)})
   GROUP BY activity, no_channel, ch, kind FORMAT JSONCompact`;

/**
 * The customers on this shard, each once (when they started, UTC and as the log wrote it, and the
 * least of their segments), grouped by the hour of the week they started in and their segment:
 * at most 168 rows per segment, whatever the customers. (`% 168` alone would be typed as its
 * divisor, Int8 on 18.16, and wrap hours past 127 to negatives.)
 */
export const shardCustomers = (
  db: string,
  parts: string[],
  weeksBefore1970Us: bigint,
  epochWeekHour: number,
) =>
  `SELECT (intDiv(local_first + ${weeksBefore1970Us}, 3600000000) + ${epochWeekHour}) % toInt64(168) AS hour, segment, count(),
     min(first), max(first), min(local_first), max(local_first)
   FROM (
     SELECT min(ts_us) AS first, min(ts_us + toInt64(ifNull(tz_offset_min, 0)) * 60000000) AS local_first,
       min(segment) AS segment
     FROM ${chName(db)}.events_local WHERE log IN (${chList(parts)}) GROUP BY case_id
   ) GROUP BY hour, segment FORMAT JSONCompact`;

export interface MappedSteps {
  parts: string[];
  /** Which events are which step: an activity once for every channel, or once per channel. */
  steps: StepMapping[];
  /** Segment values (null as '') to the model segments they stand for; absent, all in '*'. */
  segments?: [string, string][];
  /** Start events left out. */
  completesOnly: boolean;
}

/**
 * An event's step ('' for none): the activities mapped as a whole by `transform`, those mapped
 * channel by channel each by a branch of its own (no separator joins activity and channel into
 * one key, as any text may be either).
 */
function stepOf(steps: StepMapping[]): string {
  const whole = steps.filter((s) => s.channel === undefined);
  const all = `transform(activity, [${chList(whole.map((s) => s.activity))}], [${chList(whole.map((s) => s.step))}], '')`;
  const byChannel = new Map<string, StepMapping[]>();
  for (const s of steps)
    if (s.channel !== undefined) byChannel.set(s.activity, [...(byChannel.get(s.activity) ?? []), s]);
  if (byChannel.size === 0) return all;
  const branches = [...byChannel].map(([activity, rows]) => {
    const none = rows.find((s) => s.channel === null)?.step ?? '';
    const named = rows.filter((s): s is StepMapping & { channel: string } => typeof s.channel === 'string');
    // 18.16 types an empty array as nothing: no transform without channels.
    const onChannel =
      named.length === 0
        ? "''"
        : `transform(assumeNotNull(channel), [${chList(named.map((s) => s.channel))}], [${chList(named.map((s) => s.step))}], '')`;
    return `activity = ${chString(activity)}, if(isNull(channel), ${chString(none)}, ${onChannel})`;
  });
  return `multiIf(${branches.join(', ')}, ${whole.length > 0 ? all : "''"})`;
}

/**
 * Each customer's events of the mapped activities as an array sorted by time, then file order:
 * (time, seq, step, group, given up in the queue). `outcome` is read as a top-level key of the
 * attributes' JSON (visitParamExtractString: 18.16 has no JSONExtract), as linesight writes them.
 */
const mappedSteps = (db: string, m: MappedSteps) =>
  `SELECT arraySort(groupArray((ts_us, seq, ${stepOf(m.steps)},
       ${m.segments ? `transform(ifNull(segment, ''), [${chList(m.segments.map((s) => s[0]))}], [${chList(m.segments.map((s) => s[1]))}], '')` : "'*'"},
       visitParamExtractString(ifNull(attributes, ''), 'outcome') = 'abandoned'))) AS s
   FROM ${chName(db)}.events_local
   WHERE log IN (${chList(m.parts)}) AND activity IN (${chList([...new Set(m.steps.map((s) => s.activity))])})
     ${m.steps.some((s) => s.channel !== undefined) ? `AND ${stepOf(m.steps)} != ''` : ''}
     ${m.completesOnly ? `AND ${lifecycleKind} != 'start'` : ''}
   GROUP BY case_id`;

/**
 * Each step's next step, or the end after the last: a second array to map over beside `s`. A lambda
 * reading `s[i + 1]` would copy the whole array for every step, which a customer of thousands of
 * events turns into gigabytes.
 */
const nextSteps = (end: string) => `arrayPushBack(arrayPopFront(arrayMap(y -> y.3, s)), ${chString(end)})`;

export interface MappedQuery {
  /** Count the customers, and those whose every move is one of `allowed` (group, from, to) or given up in a queue at a step of `queued`, their first from `start`. */
  fitting?: { allowed: [string, string, string][]; queued: string[]; start: string };
  /** Count each distinct time (microseconds) from a step in `from` to the next event at a step in `to`, contacts given up left out; both lists not empty (18.16 types `[]` as nothing). */
  durations?: { from: string[]; to: string[] };
}

/** What a row of shardMappedMoves counts: its first column. */
export const MAPPED_ROW = { move: 0, customer: 1, duration: 2 } as const;

/**
 * Whether a customer's journey fits: every move one of `allowed` or given up in a queue, and the
 * first from `start`. An empty list allows nothing: ('', '', '') names no step.
 */
function fits(fitting: NonNullable<MappedQuery['fitting']>, end: string): string {
  const { allowed, queued, start } = fitting;
  // Each move as one text (ids have no spaces; START and END none either), looked up in a hash
  // table that transform builds once: `has` over a list of tuples scans it for every move.
  const keys = (allowed.length ? allowed : [['', '', '']]).map((a) => a.join(' '));
  const isAllowed = (g: string, from: string, to: string) =>
    `transform(concat(${g}, ' ', ${from}, ' ', ${to}), [${chList(keys)}], [${keys.map(() => '1').join(', ')}], 0) = 1`;
  const inQueue = queued.length > 0 ? `(x.5 AND has([${chList(queued)}], x.3))` : '0';
  return `arrayAll((x, next) -> ${inQueue} OR ${isAllowed('x.4', 'x.3', 'next')}, s, ${nextSteps(end)})
       AND ${isAllowed('s[1].4', chString(start), 's[1].3')}`;
}

/**
 * The customers' mapped journeys on this shard, each customer's events sorted once, as counted
 * rows (kind, group, step, next step, given up, flag, time) of three kinds (MAPPED_ROW):
 * - moves: (group, step, next step or the end, given up, first of the journey as the flag);
 * - customers, when `fitting` is asked: one row per customer, the flag saying whether it fits;
 * - durations, when asked: (step, time), the rest empty.
 * One query instead of one per kind: each sorted every customer's events again, and on two shards
 * sharing two cores the three took up to three times as long (a calibration of a million events:
 * moves 2.7-3.4 s and durations 6-6.9 s, side by side).
 */
export const shardMappedMoves = (db: string, m: MappedSteps, end: string, query: MappedQuery) => {
  const row = (
    kind: number,
    group: string,
    step: string,
    next: string,
    abandoned: string,
    flag: string,
    us: string,
  ) =>
    `(toUInt8(${kind}), ${group}, ${step}, ${next}, toUInt8(${abandoned}), toUInt8(${flag}), toInt64(${us}))`;
  const kinds = [
    `arrayMap((x, next, i) -> ${row(MAPPED_ROW.move, 'x.4', 'x.3', 'next', 'x.5', 'i = 1', '0')}, s, ${nextSteps(end)}, arrayEnumerate(s))`,
  ];
  if (query.fitting) kinds.push(`[${row(MAPPED_ROW.customer, "''", "''", "''", '0', 'fits', '0')}]`);
  if (query.durations) {
    const { from, to } = query.durations;
    kinds.push(`arrayMap(d -> ${row(MAPPED_ROW.duration, "''", 'd.1', "''", '0', '0', 'd.2')}, arrayFilter(p -> p.3,
       arrayMap((a, b) -> (a.3, b.1 - a.1, NOT a.5 AND has([${chList(from)}], a.3) AND has([${chList(to)}], b.3)),
         arrayPopBack(s), arrayPopFront(s))))`);
  }
  return `SELECT r.1 AS kind, r.2 AS grp, r.3 AS step, r.4 AS next_step, r.5 AS abandoned, r.6 AS flag, r.7 AS us, count()
   FROM (SELECT s${query.fitting ? `, ${fits(query.fitting, end)} AS fits` : ''} FROM (${mappedSteps(db, m)}))
   ARRAY JOIN ${kinds.length > 1 ? `arrayConcat(${kinds.join(', ')})` : kinds[0]} AS r
   GROUP BY kind, grp, step, next_step, abandoned, flag, us FORMAT JSONCompact`;
};
