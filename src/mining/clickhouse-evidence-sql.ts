/**
 * The ClickHouse statements of journey analytics (journey-evidence.ts), for 18.16 and current
 * versions alike (see clickhouse-sql.ts, whose literals and names it uses): each runs on one shard
 * over its own `events_local` and returns counts, which add up over the shards because a customer's
 * events are all on one shard. A customer's events are put in order as an array sorted by (time,
 * file order), as DuckDB's windows order them, and walked with array functions: 18.16 has no window
 * functions and no CTEs.
 *
 * The contact rule is written from the same description as DuckDB's (contact-rule.ts): RE2
 * regular expressions (`match`) on lower-case names (`lowerUTF8`), and an attribute read from the
 * event's JSON as DuckDB's json_extract_string reads it: a string unquoted and unescaped, `null`
 * or a missing key as none, anything else as written (visitParamExtractRaw and
 * visitParamExtractString: 18.16 has no JSONExtract; they read a key at any depth of the JSON,
 * where DuckDB reads the top level only, which is the same for the flat JSON linesight writes).
 */

import { chList, chName, chString } from './clickhouse-sql.js';
import {
  type ContactRule,
  type ContactRuleSql,
  contactRuleSql,
  isColumn,
  type RuleDialect,
} from './contact-rule.js';
import type { ExposureQuery } from './journey-evidence.js';
import { type NamedSign, namedSignDim } from './named-web-signs.js';
import { FORM_NOT_SENT, FORM_SENT, FORM_START, NO_RESULT, REPEATED_VIEW, SEARCH } from './web-signs.js';

/** An attribute of the event's JSON as text, or a column. */
export function chField(name: string): string {
  if (isColumn(name)) return chName(name);
  const raw = `visitParamExtractRaw(ifNull(attributes, ''), ${chString(name)})`;
  return `multiIf(${raw} IN ('', 'null'), NULL, substring(${raw}, 1, 1) = '"',
    visitParamExtractString(ifNull(attributes, ''), ${chString(name)}), ${raw})`;
}

const CLICKHOUSE: RuleDialect = {
  literal: chString,
  field: chField,
  lowerMatches: (expr, pattern) => `match(lowerUTF8(ifNull(${expr}, '')), ${chString(pattern)})`,
  // DuckDB's trim takes spaces only.
  trimmedLower: (expr) => `lowerUTF8(replaceRegexpAll(${expr}, '^ +| +$', ''))`,
  firstOf: (cases, otherwise) => `multiIf(${cases.map(([c, v]) => `${c}, ${v}`).join(', ')}, ${otherwise})`,
  true: '1',
  false: '0',
};

export const chRuleSql = (rule: ContactRule): ContactRuleSql => contactRuleSql(rule, CLICKHOUSE);

/** The log's events on this shard (its imports are `parts`). */
const events = (db: string, parts: string[]) => `${chName(db)}.events_local WHERE log IN (${chList(parts)})`;

/** Customers, first and last time and events on this shard (an empty shard's times are 0). */
export const shardLogSpan = (db: string, parts: string[]) =>
  `SELECT uniqExact(case_id), min(ts_us), max(ts_us), count() FROM ${events(db, parts)} FORMAT JSONCompact`;

/** The keys of the attributes' JSON objects, as JSON strings (decoded by the caller). */
export const shardAttributeKeys = (db: string, parts: string[]) =>
  `SELECT DISTINCT arrayJoin(extractAll(ifNull(attributes, ''), ${chString('("(?:[^"\\\\]|\\\\.)*")\\s*:')}))
   FROM ${events(db, parts)} FORMAT JSONCompact`;

export const shardChannelsMatching = (db: string, parts: string[], pattern: string) =>
  `SELECT DISTINCT assumeNotNull(channel) FROM ${events(db, parts)} AND isNotNull(channel)
   AND ${CLICKHOUSE.lowerMatches('channel', pattern)} FORMAT JSONCompact`;

export const shardActivitiesIn = (db: string, parts: string[], activities: string[]) =>
  `SELECT DISTINCT activity FROM ${events(db, parts)} AND activity IN (${chList(activities)}) FORMAT JSONCompact`;

export const shardInitiatorValues = (db: string, parts: string[], rule: ContactRuleSql) =>
  `SELECT DISTINCT ${rule.initiatorValue} FROM ${events(db, parts)} AND (${rule.contact}) FORMAT JSONCompact`;

/** Contacts per activity and direction (1 outbound). */
export const shardContactsCounted = (db: string, parts: string[], rule: ContactRuleSql) =>
  `SELECT activity, toUInt8(${rule.outbound}) AS outbound, count() FROM ${events(db, parts)} AND (${rule.contact})
   GROUP BY activity, outbound FORMAT JSONCompact`;

export const shardNonContactActivities = (db: string, parts: string[], rule: ContactRuleSql) =>
  `SELECT DISTINCT activity FROM ${events(db, parts)} AND NOT (${rule.inbound}) FORMAT JSONCompact`;

export const shardChannelled = (db: string, parts: string[]) =>
  `SELECT uniqExactIf(case_id, isNotNull(channel)) FROM ${events(db, parts)} FORMAT JSONCompact`;

/**
 * Each customer's channels in order (events naming none left out). Here and below, an event is
 * paired with the one before or after by mapping over shifted arrays side by side: a lambda
 * reading `s[i]` copies the whole array for every event, and a customer of thousands of events
 * then asks for gigabytes.
 */
const channelSteps = (db: string, parts: string[]) =>
  `SELECT arraySort(groupArray((ts_us, seq, assumeNotNull(channel)))) AS s FROM ${events(db, parts)}
   AND isNotNull(channel) GROUP BY case_id`;

/** Moves from one channel to another between a customer's consecutive events, counted. */
export const shardSwitches = (db: string, parts: string[]) =>
  `SELECT w.1 AS source, w.2 AS target, count() FROM (${channelSteps(db, parts)})
   ARRAY JOIN arrayFilter(p -> p.1 != p.2, arrayMap((a, b) -> (a.3, b.3), arrayPopBack(s), arrayPopFront(s))) AS w
   GROUP BY source, target FORMAT JSONCompact`;

export const shardSwitchers = (db: string, parts: string[]) =>
  `SELECT countIf(arrayExists((a, b) -> a.3 != b.3, arrayPopBack(s), arrayPopFront(s)))
   FROM (${channelSteps(db, parts)}) FORMAT JSONCompact`;

/**
 * Inbound contacts per topic, and those within the window after the customer's previous contact
 * on the topic: a customer's contacts sorted by (topic, time, file order), each against the one before.
 */
export const shardTopics = (
  db: string,
  parts: string[],
  rule: ContactRuleSql,
  topic: string | undefined,
  windowUs: number,
) =>
  `SELECT r.1 AS topic, count(), sum(r.2) FROM (
     SELECT arraySort(groupArray((topic, ts_us, seq))) AS s FROM (
       SELECT case_id, ${topic ? `ifNull(${chField(topic)}, activity)` : 'activity'} AS topic, ts_us, seq
       FROM ${events(db, parts)} AND (${rule.inbound})
     ) GROUP BY case_id
   ) ARRAY JOIN arrayMap((x, p, i) -> (x.1, toUInt8(i > 1 AND p.1 = x.1 AND x.2 - p.2 <= ${Math.round(windowUs)})),
     s, arrayPushFront(arrayPopBack(s), s[1]), arrayEnumerate(s)) AS r
   GROUP BY topic FORMAT JSONCompact`;

const withInbound = (db: string, parts: string[], rule: ContactRuleSql) =>
  `SELECT case_id, activity, ts_us, toUInt8(${rule.inbound}) AS inbound FROM ${events(db, parts)}`;

/**
 * A customer counted by a 64-bit hash of the id, as the evidence base groups them: uniqExact of
 * texts keeps a 128-bit hash of each, so neither is exact in principle: ten million customers
 * hold two of the same 64-bit hash with a chance of about 3 in a million. Counting numbers took
 * a third less time than texts (3.5 -> 2.3 s for five million events on a shard).
 */
const CUSTOMER = 'cityHash64(case_id)';

/** Per activity, its customers and those for whom it is an inbound contact; the customers in all. */
export const shardPairActivities = (db: string, parts: string[], rule: ContactRuleSql) =>
  `SELECT activity, uniqExact(${CUSTOMER}), uniqExactIf(${CUSTOMER}, inbound = 1)
   FROM (${withInbound(db, parts, rule)}) GROUP BY activity FORMAT JSONCompact`;

/** floor(x / d) for an Int64 `x` and a positive `d` (intDiv truncates towards zero). */
const floorDiv = (x: string, d: string) => `(intDiv(${x}, ${d}) - toInt64(${x} % ${d} < 0))`;

/**
 * A customer's events put in buckets of `span` microseconds, each inbound contact in its own
 * bucket and the one before (`own` 0 there): a bucket's group holds its events and every contact
 * up to `span` after any of them. Pairing an event with the contacts after it within a bucket,
 * instead of with all of the customer's, keeps the pairs to those near in time: an ARRAY JOIN
 * copies the customer's other array to every row, and a customer of thousands of events and
 * contacts then asked for gigabytes.
 */
const bucketed = (source: string, span: number) =>
  `SELECT *, bucket, toUInt8(bucket = b) AS own FROM (
     SELECT *, ${floorDiv('ts_us', `toInt64(${span})`)} AS b FROM (${source})
   ) ARRAY JOIN if(inbound = 1, [b, b - 1], [b]) AS bucket`;

/**
 * Per (activity, inbound contact of another activity after it within the window), the customers:
 * each customer's contacts against their events of the same bucket of one window (the contacts
 * within the window after an event are in its bucket or the next). (A lambda in ARRAY JOIN sees
 * only the columns selected beside it on 18.16: the arrays are made in the subquery.)
 */
export const shardPairs = (db: string, parts: string[], rule: ContactRuleSql, windowUs: number) => {
  const w = Math.round(windowUs);
  return `SELECT x.2 AS driver, contact, uniqExact(cid) FROM (
     SELECT cid, c.2 AS contact,
       arrayFilter(x -> c.1 > x.1 AND c.1 - x.1 <= ${w} AND x.2 != c.2, ev) AS before
     FROM (
       SELECT ${CUSTOMER} AS cid, groupArrayIf((ts_us, activity), own = 1) AS ev,
         groupArrayIf((ts_us, activity), inbound = 1) AS co
       FROM (${bucketed(withInbound(db, parts, rule), Math.max(1, w))}) GROUP BY case_id, bucket
     ) ARRAY JOIN co AS c
   ) ARRAY JOIN before AS x
   GROUP BY driver, contact FORMAT JSONCompact`;
};

/** The latest time there is: the next contact of an event after the customer's last (or with none). */
const NO_LATER_CONTACT = 'toInt64(9223372036854775807)';

/**
 * The evidence base (as evidence-base.ts makes it on DuckDB): the events that are not inbound
 * contacts, each with its customer (a 64-bit hash of the id: grouping on it is cheaper), time, day
 * (UTC), activity, the fields asked for (f0, f1, ...) and `nxt`, the time of the customer's next
 * inbound contact strictly after it, or the latest time there is for none.
 *
 * Here `nxt` is sought only within two days and the window after the event (the buckets of
 * `bucketed`), and a later contact counts as none: every use compares the least `nxt` of a unit
 * (one customer's events of one day) with the unit's last time plus the window, and a contact
 * beyond that horizon from every event of the unit is beyond it from the last one too, so the
 * counts are DuckDB's.
 */
function evidenceBase(
  db: string,
  parts: string[],
  rule: ContactRuleSql,
  fields: string[],
  windowUs: number,
): string {
  const inner = fields.map((f, i) => `, ${chField(f)} AS f${i}`).join('');
  const carried = fields.map((_, i) => `, f${i}`).join('');
  const outer = fields.map((_, i) => `, e.${i + 3} AS f${i}`).join('');
  const horizon = 2 * 86_400_000_000 + Math.max(0, Math.round(windowUs));
  return `SELECT cid, e.1 AS ts_us, intDiv(e.1, 86400000000) AS day, e.2 AS activity${outer},
       if(arrayExists(t -> t > e.1 AND t - e.1 <= ${horizon}, cts), arrayFirst(t -> t > e.1, cts), ${NO_LATER_CONTACT}) AS nxt
     FROM (
       SELECT ${CUSTOMER} AS cid, arraySort(groupArrayIf(ts_us, inbound = 1)) AS cts,
         groupArrayIf((ts_us, activity${carried}), inbound = 0 AND own = 1) AS ev
       FROM (${bucketed(`SELECT case_id, ts_us, activity, toUInt8(${rule.inbound}) AS inbound${inner} FROM ${events(db, parts)}`, horizon)})
       GROUP BY case_id, bucket
     ) ARRAY JOIN ev AS e`;
}

/** A condition as 0 or 1, none as 0. */
const flag = (condition: string) => `toUInt8(ifNull(${condition}, 0))`;

/** One exposure row of an event: (dim, act, candidate or not, value, kept). */
const row = (dim: string, act: string, isCandidate: string, value: string, kept: string) =>
  `(${chString(dim)}, ${act}, ${flag(isCandidate)}, ${value}, ${flag(kept)})`;

/**
 * The exposures read from single events, as rows (dim, act, isk, value, cid, day, ts_us, nxt): each
 * activity against the others, each activity's values of the attributes, the named signs, and
 * searches with no result against those with results.
 */
function eventExposures(base: string, query: ExposureQuery, field: (name: string) => string): string {
  const rows = [
    row('activity', "''", '1', 'activity', '1'),
    ...query.by.map((a) => row(a, 'activity', '1', `ifNull(${field(a)}, '')`, `isNotNull(${field(a)})`)),
  ];
  const { signs } = query;
  if (signs.by === 'named')
    rows.push(
      ...signs.signs.map((s: NamedSign) => {
        const isSign = `activity IN (${chList(s.activities)})`;
        return row(namedSignDim(s), "''", isSign, `if(${isSign}, 'yes', '')`, '1');
      }),
    );
  else if (signs.attributes.results) {
    // DuckDB's try_cast to double: spaces around the number allowed, no infinity.
    const n = `toFloat64OrNull(replaceRegexpAll(ifNull(${field(signs.attributes.results)}, ''), '^ +| +$', ''))`;
    rows.push(
      row(
        NO_RESULT,
        "''",
        `${n} = 0`,
        `if(${flag(`${n} = 0`)} = 1, 'yes', '')`,
        `match(lowerUTF8(activity), ${chString(SEARCH)}) AND isNotNull(${n}) AND isFinite(ifNull(${n}, 0))`,
      ),
    );
  }
  return `SELECT x.1 AS dim, x.2 AS act, x.3 AS isk, x.4 AS value, cid, day, ts_us, nxt
     FROM (${base}) ARRAY JOIN arrayFilter(x -> x.5 = 1, [${rows.join(', ')}]) AS x`;
}

/**
 * The views of one page by a customer on one day: one row for the class (its last time, its least
 * next contact) and, from the third view on, one for the sign (the third least next contact).
 */
const repeatedViews = (base: string, page: string) =>
  `SELECT ${chString(REPEATED_VIEW)} AS dim, '' AS act, s.1 AS isk, if(s.1 = 1, 'yes', '') AS value, cid, day, t AS ts_us, s.2 AS nxt
   FROM (
     SELECT cid, day, t, if(n >= 3, [(toUInt8(1), third), (toUInt8(0), m)], [(toUInt8(0), m)]) AS rows FROM (
       SELECT cid, day, count() AS n, max(ts_us) AS t, min(nxt) AS m, arraySort(groupArray(nxt))[3] AS third
       FROM (${base}) WHERE isNotNull(${page}) GROUP BY cid, activity, ${page}, day)
   ) ARRAY JOIN rows AS s`;

/** A day's starts of a form (by its attribute, when there is one): the sign's when none was sent. */
const formsNotSent = (base: string, form: string | undefined) =>
  `SELECT ${chString(FORM_NOT_SENT)} AS dim, '' AS act, toUInt8(sent = 0) AS isk, if(sent = 0, 'yes', '') AS value,
     cid, day, t AS ts_us, m AS nxt
   FROM (
     SELECT cid, day, max(is_sent) AS sent, max(is_started) AS started,
       maxIf(ts_us, is_started = 1) AS t, minIf(nxt, is_started = 1) AS m
     FROM (SELECT cid, day, ts_us, nxt, ${form ? `ifNull(${form}, '')` : "''"} AS fk,
             toUInt8(match(lowerUTF8(activity), ${chString(FORM_START)})) AS is_started,
             toUInt8(match(lowerUTF8(activity), ${chString(FORM_SENT)})) AS is_sent
           FROM (${base}))
     WHERE is_started = 1 OR is_sent = 1 GROUP BY cid, fk, day
   ) WHERE started = 1`;

/**
 * The exposure counts on this shard (exposure-counts.ts says what they are): a row per candidate
 * (0, dim, act, value, exposed units, contacted, their class's unit contacted, customers) and per
 * class (1, dim, act, '', units, -, contacted, -). A unit is a candidate's events of one customer
 * on one day (its last time, its least next contact), or the class's other events of that day.
 */
export function shardExposureCounts(db: string, parts: string[], query: ExposureQuery): string {
  const { signs } = query;
  const fields = [...new Set([...query.by, ...(signs.by === 'name' ? Object.values(signs.attributes) : [])])];
  const field = (name: string) => `f${fields.indexOf(name)}`;
  const base = evidenceBase(db, parts, chRuleSql(query.rule), fields, query.windowUs);
  const exposures = [eventExposures(base, query, field)];
  if (signs.by === 'name') {
    if (signs.attributes.page) exposures.push(repeatedViews(base, field(signs.attributes.page)));
    exposures.push(formsNotSent(base, signs.attributes.form && field(signs.attributes.form)));
  }
  const w = `toInt64(${Math.round(query.windowUs)})`;
  return `SELECT r.1 AS is_class, dim, act, r.2 AS value, count(), sum(r.3), sum(r.4), uniqExact(cid) FROM (
     SELECT dim, act, cid, arrayPushFront(arrayMap(u -> (toUInt8(0), u.2, u.3, hit), arrayFilter(u -> u.1 = 1, us)),
       (toUInt8(1), '', hit, hit)) AS rows
     FROM (
       SELECT dim, act, cid, day, toUInt8(max(t2) + ${w} >= min(m)) AS hit,
         groupArray((isk, value, toUInt8(t2 + ${w} >= m))) AS us
       FROM (
         SELECT dim, act, isk, value, cid, day, max(ts_us) AS t2, min(nxt) AS m
         FROM (${exposures.join('\nUNION ALL\n')}) GROUP BY dim, act, isk, value, cid, day
       ) GROUP BY dim, act, cid, day)
   ) ARRAY JOIN rows AS r
   GROUP BY is_class, dim, act, value FORMAT JSONCompact`;
}
