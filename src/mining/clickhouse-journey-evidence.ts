/**
 * The rows journey analytics read (journey-evidence.ts), from ClickHouse: each query runs on every
 * shard over its own events, where a customer's events all are, and returns counts, which add up
 * over the shards; the shared code orders, divides and words them as it does DuckDB's.
 */
import * as sql from './clickhouse-evidence-sql.js';
import type { ShardedLog } from './clickhouse-sharded-log.js';
import { shardActivities } from './clickhouse-sql.js';
import { ASSISTED } from './contact-rule.js';
import type { ExposureCounts } from './exposure-counts.js';
import type { ExposureQuery, JourneyEvidenceSource, PairCounts } from './journey-evidence.js';
import { ACTIVITIES_COUNTED_UP_TO } from './too-many-activities.js';

type Row = unknown[];

/** Each shard's rows of a query. */
async function onShards(log: ShardedLog, query: (db: string, parts: string[]) => string): Promise<Row[]> {
  if (log.parts.length === 0) return [];
  return (await Promise.all(log.servers.map((s) => s.rows(query(log.db, log.parts))))).flat();
}

/** Counts added up by key, in the order the keys first came. */
function summed<K>(rows: Row[], key: (r: Row) => K, width: number): Map<string, { key: K; n: number[] }> {
  const sums = new Map<string, { key: K; n: number[] }>();
  for (const r of rows) {
    const k = key(r);
    const id = JSON.stringify(k);
    const at = sums.get(id) ?? { key: k, n: new Array<number>(width).fill(0) };
    const values = r.slice(r.length - width);
    at.n = at.n.map((x, i) => x + Number(values[i]));
    sums.set(id, at);
  }
  return sums;
}

const distinct = (rows: Row[]) => [...new Set(rows.map((r) => String(r[0])))];
const total = (rows: Row[], i = 0) => rows.reduce((s, r) => s + Number(r[i]), 0);

export function clickHouseJourneyEvidence(
  sharded: (log: string) => Promise<ShardedLog>,
): JourneyEvidenceSource {
  return {
    async activityCount(name) {
      const names = await onShards(await sharded(name), (db, parts) => shardActivities(db, { parts }));
      return Math.min(ACTIVITIES_COUNTED_UP_TO, new Set(names.map((r) => String(r[0]))).size);
    },

    async journeyLog(name) {
      const log = await sharded(name);
      const spans = (await onShards(log, sql.shardLogSpan)).filter((r) => Number(r[3]) > 0);
      const keys = await onShards(log, sql.shardAttributeKeys);
      const first = spans.reduce((m, r) => (BigInt(String(r[1])) < m ? BigInt(String(r[1])) : m), 2n ** 63n);
      const last = spans.reduce(
        (m, r) => (BigInt(String(r[2])) > m ? BigInt(String(r[2])) : m),
        -(2n ** 63n),
      );
      return {
        customers: total(spans),
        spanUs: spans.length ? Number(last - first) : 0,
        attributes: [...new Set(keys.map((r) => String(JSON.parse(String(r[0])))))],
      };
    },

    async assistedChannels(name) {
      return distinct(
        await onShards(await sharded(name), (db, parts) => sql.shardChannelsMatching(db, parts, ASSISTED)),
      );
    },

    async contactCounts(name, rule) {
      const log = await sharded(name);
      const ruleSql = sql.chRuleSql(rule);
      const listed = rule.contacts.by === 'activities' ? rule.contacts.activities : [];
      const [present, values, counted] = await Promise.all([
        listed.length ? onShards(log, (db, parts) => sql.shardActivitiesIn(db, parts, listed)) : [],
        ruleSql.initiatorValue
          ? onShards(log, (db, parts) => sql.shardInitiatorValues(db, parts, ruleSql))
          : [],
        onShards(log, (db, parts) => sql.shardContactsCounted(db, parts, ruleSql)),
      ]);
      const byValue = new Map(values.map((r) => [r[0] === null ? null : String(r[0]), true]));
      return {
        present: distinct(present),
        initiatorValues: [...byValue.keys()],
        counted: [...summed(counted, (r) => [String(r[0]), Number(r[1]) === 1] as const, 1).values()].map(
          ({ key: [activity, outbound], n: [n] }) => ({ activity, outbound, n: n as number }),
        ),
      };
    },

    async channelSwitches(name) {
      const log = await sharded(name);
      const [channelled, switchers, switches] = await Promise.all([
        onShards(log, sql.shardChannelled),
        onShards(log, sql.shardSwitchers),
        onShards(log, sql.shardSwitches),
      ]);
      return {
        channelled: total(channelled),
        switchers: total(switchers),
        switches: [...summed(switches, (r) => [String(r[0]), String(r[1])] as const, 1).values()].map(
          ({ key: [from, to], n: [count] }) => ({ from, to, count: count as number }),
        ),
      };
    },

    async topicCounts(name, rule, topic, windowUs) {
      const ruleSql = sql.chRuleSql(rule);
      const rows = await onShards(await sharded(name), (db, parts) =>
        sql.shardTopics(db, parts, ruleSql, topic, windowUs),
      );
      return [...summed(rows, (r) => String(r[0]), 2).values()].map(({ key, n: [contacts, repeats] }) => ({
        topic: key,
        contacts: contacts as number,
        repeats: repeats as number,
      }));
    },

    async pairCounts(name, rule, windowUs): Promise<PairCounts> {
      const log = await sharded(name);
      const ruleSql = sql.chRuleSql(rule);
      const [spans, activities, pairs] = await Promise.all([
        onShards(log, sql.shardLogSpan),
        onShards(log, (db, parts) => sql.shardPairActivities(db, parts, ruleSql)),
        onShards(log, (db, parts) => sql.shardPairs(db, parts, ruleSql, windowUs)),
      ]);
      return {
        customers: total(spans),
        activities: [...summed(activities, (r) => String(r[0]), 2).values()].map(
          ({ key, n: [c, contact] }) => ({
            activity: key,
            customers: c as number,
            contactCustomers: contact as number,
          }),
        ),
        pairs: [...summed(pairs, (r) => [String(r[0]), String(r[1])] as const, 1).values()].map(
          ({ key: [driver, contact], n: [customers] }) => ({
            driver,
            contact,
            customers: customers as number,
          }),
        ),
      };
    },

    async nonContactActivities(name, rule) {
      const ruleSql = sql.chRuleSql(rule);
      return distinct(
        await onShards(await sharded(name), (db, parts) => sql.shardNonContactActivities(db, parts, ruleSql)),
      );
    },

    async exposureCounts(name, query: ExposureQuery): Promise<ExposureCounts[]> {
      const rows = await onShards(await sharded(name), (db, parts) =>
        sql.shardExposureCounts(db, parts, query),
      );
      const classes = summed(
        rows.filter((r) => Number(r[0]) === 1),
        (r) => [String(r[1]), String(r[2])],
        4,
      );
      const candidates = summed(
        rows.filter((r) => Number(r[0]) === 0),
        (r) => [String(r[1]), String(r[2]), String(r[3])] as const,
        4,
      );
      return [...candidates.values()].map(({ key: [dim, act, value], n: [n1, x1, xa, customers] }) => {
        const [units, , classContacted] = classes.get(JSON.stringify([dim, act]))?.n ?? [0, 0, 0];
        return {
          dim,
          act,
          value,
          exposed: n1 as number,
          exposedCustomers: dim === 'activity' ? undefined : (customers as number),
          exposedContacted: x1 as number,
          unexposed: (units as number) - (n1 as number),
          unexposedContacted: (classContacted as number) - (xa as number),
          exposedContactedAny: xa as number,
          classUnits: units as number,
          classContacted: classContacted as number,
        };
      });
    },
  };
}
