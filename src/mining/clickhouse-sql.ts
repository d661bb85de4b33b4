/**
 * Every statement the ClickHouse event store sends, each in one place (conformance's and
 * calibration's in clickhouse-fit-sql.ts, journeys' in clickhouse-evidence-sql.ts), written for
 * ClickHouse 18.16 (Debian's) and current versions alike: no window functions, no CTEs, no query
 * parameters (18.16 has none: values are written as literals, escaped here and only here).
 *
 * Tables, per shard: `events_local` (MergeTree ordered by log, case, time, seq; one partition per
 * import, so that a failed or removed import goes with one DROP PARTITION) and, on a cluster,
 * `events` (Distributed over the cluster, sharded by a hash of the case, so that a customer's
 * events are on one shard). `logs_local`, on the first shard only, says which imports make up
 * which log: a row is written once an import is whole, and that row is the moment it counts.
 */
import { ACTIVITIES_COUNTED_UP_TO } from './too-many-activities.js';

/** A string literal: backslash and quote escaped, as ClickHouse reads them. */
export const chString = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A name (database, cluster) as an identifier: backquoted, backquotes escaped. */
export const chName = (name: string) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;

/** Text values as a list of literals, for IN (...) and arrays. */
export const chList = (values: string[]) => values.map(chString).join(', ');

/** An event's lifecycle as it counts for a model: start, complete, or other (none included). */
export const lifecycleKind = "lowerUTF8(ifNull(lifecycle, ''))";
export const lifecycleKindOf = `multiIf(${lifecycleKind} = 'start', 'start', ${lifecycleKind} = 'complete', 'complete', 'other')`;

export const createDatabase = (db: string) => `CREATE DATABASE IF NOT EXISTS ${chName(db)}`;

export const createEventsLocal = (db: string) => `CREATE TABLE IF NOT EXISTS ${chName(db)}.events_local (
  log String, seq Int64, case_id String, activity String, ts_us Int64, tz_offset_min Nullable(Int32),
  lifecycle Nullable(String), resource Nullable(String), channel Nullable(String),
  segment Nullable(String), attributes Nullable(String)
) ENGINE = MergeTree() PARTITION BY log ORDER BY (log, case_id, ts_us, seq)`;

export const createEventsDistributed = (db: string, cluster: string) =>
  `CREATE TABLE IF NOT EXISTS ${chName(db)}.events AS ${chName(db)}.events_local
   ENGINE = Distributed(${chName(cluster)}, ${chName(db)}, events_local, cityHash64(case_id))`;

export const createLogsLocal = (db: string) => `CREATE TABLE IF NOT EXISTS ${chName(db)}.logs_local (
  log String, part String, present UInt8
) ENGINE = MergeTree() ORDER BY (log, part)`;

/**
 * An import's heartbeat: a row written when it begins and every few seconds while it runs, so
 * that another process can tell an import under way from one whose process died (its heartbeat
 * stopped). On the first shard only, beside `logs_local`; made by the first import that needs it.
 */
export const createHeartbeatsLocal = (
  db: string,
) => `CREATE TABLE IF NOT EXISTS ${chName(db)}.heartbeats_local (
  log String, part String, at DateTime DEFAULT now()
) ENGINE = MergeTree() ORDER BY (log, part)`;

export const heartbeat = (db: string, parts: { log: string; part: string }[]) =>
  `INSERT INTO ${chName(db)}.heartbeats_local (log, part) VALUES ${parts
    .map((p) => `(${chString(p.log)}, ${chString(p.part)})`)
    .join(', ')}`;

/**
 * The imports of a log begun and neither counted nor withdrawn, each with the seconds since its
 * last heartbeat on the server's clock (null without one), and the time of its first.
 */
export const unfinishedImports = (db: string, log: string) =>
  `SELECT part, if(beats = 0, NULL, toInt64(now()) - toInt64(last)), toString(first) FROM (
     SELECT part FROM ${chName(db)}.logs_local WHERE log = ${chString(log)} GROUP BY part HAVING min(present) = 2
   ) ANY LEFT JOIN (
     SELECT part, count() AS beats, max(at) AS last, min(at) AS first FROM ${chName(db)}.heartbeats_local
     WHERE log = ${chString(log)} GROUP BY part
   ) USING part ORDER BY part FORMAT JSONCompact`;

export const tablesPresent = (db: string) =>
  `SELECT name FROM system.tables WHERE database = ${chString(db)} ORDER BY name FORMAT JSONCompact`;

/** Which shard of the cluster this server is (is_local marks the server's own entry). */
export const localShard = (cluster: string) =>
  `SELECT shard_num, (SELECT count(DISTINCT shard_num) FROM system.clusters WHERE cluster = ${chString(cluster)})
   FROM system.clusters WHERE cluster = ${chString(cluster)} AND is_local = 1 FORMAT JSONCompact`;

/** The imports that make up each log: added and not removed since. */
export const presentParts = (db: string) =>
  `SELECT log, part FROM ${chName(db)}.logs_local GROUP BY log, part HAVING min(present) = 1
   ORDER BY log, part FORMAT JSONCompact`;

/**
 * How far an import is, as rows of `logs_local`: begun (2, written before its first event is sent),
 * counts (1), withdrawn (0: failed or removed). An import counts while its least mark is 1.
 */
export type PartMark = 0 | 1 | 2;

export const markParts = (db: string, rows: { log: string; part: string; present: PartMark }[]) =>
  `INSERT INTO ${chName(db)}.logs_local (log, part, present) VALUES ${rows
    .map((r) => `(${chString(r.log)}, ${chString(r.part)}, ${r.present})`)
    .join(', ')}`;

/** The imports withdrawn (failed or removed): their events may still be on a shard that was down. */
export const withdrawnParts = (db: string) =>
  `SELECT part FROM ${chName(db)}.logs_local GROUP BY part HAVING min(present) = 0 ORDER BY part FORMAT JSONCompact`;

/**
 * The partitions of events this server holds, each the name of its import (parts are named with
 * letters and digits only, so the value is its text between quotes).
 */
export const storedParts = (db: string) =>
  `SELECT DISTINCT partition FROM system.parts
   WHERE database = ${chString(db)} AND table = 'events_local' AND active ORDER BY partition FORMAT JSONCompact`;

export const EVENT_COLUMNS =
  'log, seq, case_id, activity, ts_us, tz_offset_min, lifecycle, resource, channel, segment, attributes';

/** Rows in TabSeparated follow, in the body; on a cluster into `events`, sharded as they arrive. */
export const insertEvents = (db: string, table: 'events' | 'events_local') =>
  `INSERT INTO ${chName(db)}.${table} (${EVENT_COLUMNS}) FORMAT TabSeparated`;

export const dropPart = (db: string, part: string) =>
  `ALTER TABLE ${chName(db)}.events_local DROP PARTITION ${chString(part)}`;

/** The next file-order number after the log's events on this shard (0 for none). */
export const nextSeq = (db: string, parts: string[]) =>
  `SELECT max(seq) + 1, count() FROM ${chName(db)}.events_local WHERE log IN (${chList(parts)}) FORMAT JSONCompact`;

/** The same event as the same case, activity, time and lifecycle (a missing lifecycle being one value). */
const eventKey = "case_id, activity, ts_us, isNull(lifecycle), ifNull(lifecycle, '')";

/**
 * The staged import's events that repeat none of the log's earlier ones, copied into `part`: run
 * on each shard, where a case's events all are, so that nothing crosses between shards. Only the
 * earlier events of the customers in the import are held to compare (a small file appended to a
 * large log holds little).
 */
export const copyNew = (db: string, staged: string, part: string, earlier: string[]) =>
  `INSERT INTO ${chName(db)}.events_local (${EVENT_COLUMNS})
   SELECT ${chString(part)}, seq, case_id, activity, ts_us, tz_offset_min, lifecycle, resource, channel, segment, attributes
   FROM ${chName(db)}.events_local WHERE log = ${chString(staged)} AND (${eventKey}) NOT IN (
     SELECT ${eventKey} FROM ${chName(db)}.events_local WHERE log IN (${chList(earlier)})
       AND case_id IN (SELECT case_id FROM ${chName(db)}.events_local WHERE log = ${chString(staged)}))`;

/** Events and customers of one import on this shard. */
export const partCounts = (db: string, part: string) =>
  `SELECT count(), uniqExact(case_id) FROM ${chName(db)}.events_local WHERE log = ${chString(part)} FORMAT JSONCompact`;

/** Per log, its events and customers on this shard (a customer is on one shard only, so they add up). */
export const logCounts = (db: string, parts: { log: string; part: string }[]) =>
  `SELECT transform(log, [${chList(parts.map((p) => p.part))}], [${chList(parts.map((p) => p.log))}], '') AS name,
     count(), uniqExact(case_id)
   FROM ${chName(db)}.events_local WHERE log IN (${chList(parts.map((p) => p.part))})
   GROUP BY name ORDER BY name FORMAT JSONCompact`;

export interface EventFilter {
  parts: string[];
  segment?: string;
  channel?: string;
  /** Only the events of these activities. */
  activities?: string[];
}

function where(f: EventFilter): string {
  let sql = `log IN (${chList(f.parts)})`;
  if (f.segment !== undefined) sql += ` AND segment = ${chString(f.segment)}`;
  if (f.channel !== undefined) sql += ` AND channel = ${chString(f.channel)}`;
  if (f.activities !== undefined) sql += ` AND activity IN (${chList(f.activities)})`;
  return sql;
}

/**
 * The activities of the events `f` picks on this shard, up to ACTIVITIES_COUNTED_UP_TO: a shard
 * with more has passed every bound, and a log of ids sends no name of each event.
 */
export const shardActivities = (db: string, f: EventFilter) =>
  `SELECT DISTINCT activity FROM ${chName(db)}.events_local WHERE ${where(f)} LIMIT ${ACTIVITIES_COUNTED_UP_TO} FORMAT JSONCompact`;

/**
 * The activities of the events `f` picks on this shard with how many events each, up to
 * ACTIVITIES_COUNTED_UP_TO of them (as shardActivities).
 */
export const shardActivityCounts = (db: string, f: EventFilter) =>
  `SELECT activity, toFloat64(count()) FROM ${chName(db)}.events_local WHERE ${where(f)} GROUP BY activity LIMIT ${ACTIVITIES_COUNTED_UP_TO} FORMAT JSONCompact`;

/**
 * A case's events in order: by time, then file order (as pm4py and the DuckDB store order them),
 * each activity as its number in `names` (the length of `names` for one not there). The tuples
 * sort as they are ((time, seq) is unique in a log): sorting by a key lambda took 30 times as long
 * on 18.16 (62 s against 2 s for 500,000 events). Numbers group faster than names (the edges of
 * ten million events 3.9 s against 6.6 s on a shard) and are read back without a text each.
 */
const sortedSteps = (names: string[]) =>
  `arraySort(groupArray((ts_us, seq, transform(activity, [${chList(names)}], range(${names.length}), toUInt32(${names.length})))))`;

/** The variants on this shard with their customers: one row per variant, not per customer. */
export const shardVariants = (db: string, f: EventFilter, names: string[]) =>
  `SELECT trace, toFloat64(count()) FROM (
     SELECT arrayMap(x -> x.3, ${sortedSteps(names)}) AS trace FROM ${chName(db)}.events_local
     WHERE ${where(f)} GROUP BY case_id
   ) GROUP BY trace FORMAT JSONCompact`;

/**
 * The directly-follows edges on this shard, one row each, with every wait (microseconds) and how
 * often it occurs, ascending: the exact median and 90th percentile of the whole log need every
 * distinct wait. Each step is paired with the next by mapping over two arrays: a lambda reading
 * `s[i]` copies the whole array for every step (6.1 s against 4.0 s for a million events on one
 * 18.16 server). A wait goes as whole seconds and the microseconds left, and a count as a double,
 * numbers JSON carries exactly (a 64-bit integer goes as a quoted text, four times as slow to
 * read: see waitOf).
 */
export const shardEdges = (db: string, f: EventFilter, names: string[]) =>
  `SELECT source, target, arrayMap(x -> toFloat64(intDiv(x.1, 1000000)), w), arrayMap(x -> toInt32(x.1 % 1000000), w),
     arrayMap(x -> toFloat64(x.2), w)
   FROM (
     SELECT source, target, arraySort(groupArray((wait, n))) AS w FROM (
       SELECT e.1 AS source, e.2 AS target, e.3 AS wait, count() AS n FROM (
         SELECT ${sortedSteps(names)} AS s FROM ${chName(db)}.events_local WHERE ${where(f)} GROUP BY case_id
       ) ARRAY JOIN arrayMap((a, b) -> (a.3, b.3, b.1 - a.1), arrayPopBack(s), arrayPopFront(s)) AS e
       GROUP BY source, target, wait
     ) GROUP BY source, target
   ) FORMAT JSONCompact`;

export const shardValues = (db: string, column: 'segment' | 'channel', parts: string[]) =>
  `SELECT DISTINCT assumeNotNull(${column}) FROM ${chName(db)}.events_local
   WHERE log IN (${chList(parts)}) AND ${column} IS NOT NULL FORMAT JSONCompact`;

/**
 * The log's events on this shard counted by activity, channel (null as a flag and ''), lifecycle
 * kind, the `stage` attribute as its raw JSON text ('' without one: visitParamExtractRaw, read by
 * the caller as DuckDB's json_extract_string reads it) and whether they name a resource.
 */
export const shardModelEvents = (db: string, parts: string[]) =>
  `SELECT activity, isNull(channel) AS no_channel, ifNull(channel, '') AS ch,
     ${lifecycleKindOf} AS kind,
     visitParamExtractRaw(ifNull(attributes, ''), 'stage') AS stage, isNotNull(resource) AS served, count()
   FROM ${chName(db)}.events_local WHERE log IN (${chList(parts)})
   GROUP BY activity, no_channel, ch, kind, stage, served FORMAT JSONCompact`;

/**
 * Each customer's events (their start events left out when `paired`) as an array sorted by time,
 * then file order: (time, seq, activity, no channel, channel, segment, given up in the queue).
 */
const journeys = (db: string, parts: string[], paired: boolean) =>
  `SELECT arraySort(groupArray((ts_us, seq, activity, isNull(channel), ifNull(channel, ''), ifNull(segment, ''),
       visitParamExtractString(ifNull(attributes, ''), 'outcome') = 'abandoned'))) AS s
   FROM ${chName(db)}.events_local
   WHERE log IN (${chList(parts)})${paired ? ` AND ${lifecycleKind} != 'start'` : ''} GROUP BY case_id`;

/**
 * The journeys with the customer's first segment and the number of events beside them, and what
 * comes next for each event as arrays of its own (the next event's activity, no channel, channel
 * and time; '', 0, '' and 0 after the last), so that lambdas map over arrays side by side and
 * read nothing else: reading `s[i]` copies the whole array for every event, and 18.16 does not
 * find a subquery's other columns from inside a lambda of ARRAY JOIN (the select list compares
 * with `len`).
 */
const journeysWithNext = (db: string, parts: string[], paired: boolean) =>
  `SELECT s, s[1].6 AS first_seg, length(s) AS len,
     arrayPushBack(arrayPopFront(arrayMap(y -> y.3, s)), '') AS nexts_act,
     arrayPushBack(arrayPopFront(arrayMap(y -> y.4, s)), toUInt8(0)) AS nexts_no_ch,
     arrayPushBack(arrayPopFront(arrayMap(y -> y.5, s)), '') AS nexts_ch,
     arrayPushBack(arrayPopFront(arrayMap(y -> y.1, s)), toInt64(0)) AS nexts_ts
   FROM (${journeys(db, parts, paired)})`;

/** The pairs of 16-bit pieces (j <= k) whose products make the square of a number of four pieces. */
export const PIECE_PAIRS: [number, number][] = [0, 1, 2, 3].flatMap((j) =>
  [0, 1, 2, 3].filter((k) => k >= j).map((k): [number, number] => [j, k]),
);

const piece = (x: string, k: number) => `bitAnd(bitShiftRight(${x}, ${16 * k}), 65535)`;

/**
 * Exact sums of non-negative Int64 values and of their squares, as 14 columns: the sum of each
 * 16-bit piece of the values (lowest first), then of each product of two pieces (PIECE_PAIRS).
 * Each column is a UInt64 that cannot overflow below 2^32 values; the caller puts the sums
 * together. 18.16 has no 128-bit integers, and writing its Decimal128 as text crashes the server.
 */
const exactSums = (x: string) =>
  [
    ...[0, 1, 2, 3].map((k) => `sum(${piece(x, k)})`),
    ...PIECE_PAIRS.map(([j, k]) => `sum(toUInt64(${piece(x, j)} * ${piece(x, k)}))`),
  ].join(', ');

/**
 * The journeys on this shard in one pass, grouped by move: (the customer's first segment,
 * activity, no channel, channel, last of the journey, the next event's activity, no channel and
 * channel, given up in the queue) with how many events made it; of those, how many were the first
 * of their journey, with the earliest and latest such time (0 when none); the sum of the events'
 * positions in their journeys; and the exact sums of the time to the next event and of its square
 * (microseconds, a last event 0; see exactSums). A move's activity, channel and last-ness fix
 * its visits' group and a first event's its start's, so the starts and visits are these rows
 * added up (clickhouse-journey-rows.ts): one sort of each customer's events instead of three,
 * which on two shards sharing two cores took three times as long (1 M events: 7.5 to 8.7 s each).
 */
export const shardJourneyGroups = (db: string, parts: string[], paired: boolean) =>
  `SELECT first_seg AS seg, m.1 AS act, m.2 AS no_channel, m.3 AS ch, m.4 = len AS is_last, m.5 AS next_act,
     m.6 AS next_no_channel, m.7 AS next_ch, m.4 = len AND m.8 AS gave_up, count(),
     countIf(m.4 = 1), minIf(m.9, m.4 = 1), maxIf(m.9, m.4 = 1), sum(m.4),
     ${exactSums('if(m.4 < len, m.10, toInt64(0))')}
   FROM (${journeysWithNext(db, parts, paired)})
   ARRAY JOIN arrayMap((x, na, nn, nc, nt, i) -> (x.3, x.4, x.5, i, na, nn, nc, x.7, x.1, nt - x.1),
     s, nexts_act, nexts_no_ch, nexts_ch, nexts_ts, arrayEnumerate(s)) AS m
   GROUP BY seg, act, no_channel, ch, is_last, next_act, next_no_channel, next_ch, gave_up FORMAT JSONCompact`;

/**
 * Per activity on this shard, its start-to-complete times (microseconds): how many, with their
 * exact sum and sum of squares (see exactSums). A customer's n-th start of an activity goes with their n-th
 * complete of it (both in time, then file order), when the complete is not before the start.
 */
export const shardLifecycleTimes = (db: string, parts: string[]) =>
  `SELECT act, count(), ${exactSums('us')} FROM (
     SELECT activity AS act, arraySort(groupArrayIf((ts_us, seq), kind = 'start')) AS st,
       arraySort(groupArrayIf((ts_us, seq), kind = 'complete')) AS co
     FROM (SELECT case_id, activity, ts_us, seq, ${lifecycleKind} AS kind FROM ${chName(db)}.events_local
           WHERE log IN (${chList(parts)}) AND kind IN ('start', 'complete'))
     GROUP BY case_id, activity
   ) ARRAY JOIN arrayFilter(d -> d >= 0,
       arrayMap((a, b) -> b.1 - a.1, arraySlice(st, 1, least(length(st), length(co))),
         arraySlice(co, 1, least(length(st), length(co))))) AS us
   GROUP BY act FORMAT JSONCompact`;
