/**
 * Exposure counts: for candidates that share a class (the views of a product page, by product;
 * the searches, with or without a result; any event, by activity), how many units were exposed to
 * each candidate and how many of them were followed by an inbound contact within the window, and the
 * same for the units of the class that were not exposed to it.
 *
 * The unit is the customer-day (UTC): a customer's events of the class on one day count once, so
 * that ten reloads of a page are one exposure. A unit is contacted when the customer's next inbound
 * contact after its first event comes no later than the window after its last. Unexposed units are
 * the class's customer-days without the candidate, contacted when the next contact after their
 * first event of the class comes within the window after the last.
 *
 * On DuckDB, all in one query of aggregates over the evidence base (evidence-base.ts): each event
 * carries the time of its customer's next inbound contact, so a unit's next contact is the least of
 * its events', and nothing is joined in time. Candidates and classes are keyed by 64-bit hashes of
 * small codes, not by their names (grouping tens of millions of rows on names cost the most). On
 * ClickHouse the same counts per shard, from each customer's sorted contact times
 * (clickhouse-evidence-sql.ts), keyed by name.
 */
import type { EvidenceBase } from './evidence-base.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';

/**
 * SQL giving rows (k, ck, cid, day, ts_us, nxt) of the evidence base: the events of a class, each
 * with its candidate's key `k` (null for an event of the class that is no candidate's) and its
 * class's key `ck`. A row may stand for several events of one unit: its last time and least `nxt`.
 */
export type ExposureSql = string;

/** A candidate's key: its kind, the activity's code (0 for none) and its value, as SQL. */
export const candidateKey = (dim: string, act: string, value: string) =>
  `hash(${literal(dim)}, ${act}, ${value})`;

/** A class's key: its kind and the activity's code (0 for none), as SQL. */
export const classKey = (dim: string, act: string) => `hash(${literal(dim)}, ${act})`;

/** The class of the drivers by activity: each activity against the others. */
export const ACTIVITY_CLASS = classKey('activity', '0');

export interface ExposureCounts {
  dim: string;
  act: string;
  value: string;
  exposed: number;
  /** Exposed customers (not counted for activities, where it would cost as much as all the rest). */
  exposedCustomers: number | undefined;
  exposedContacted: number;
  unexposed: number;
  unexposedContacted: number;
  /** Exposed units followed by a contact within the window after any event of the class. */
  exposedContactedAny: number;
  /** The class's units and those contacted (exposed to this value or not). */
  classUnits: number;
  classContacted: number;
}

/** The counts from the DuckDB store: one query of aggregates over the evidence base. */
export async function duckDbExposureCounts(
  store: EventStore,
  log: string,
  options: {
    base: EvidenceBase;
    exposures: ExposureSql[];
    /** SQL giving (k, dim, act, value) of the candidates: their names. */
    names: string;
    windowUs: number;
  },
): Promise<ExposureCounts[]> {
  if (options.exposures.length === 0) return [];
  const w = Math.round(options.windowUs);
  const exposures = options.exposures.join('\nunion all\n');
  // A unit's `m` is null for a customer without inbound contacts: never contacted, and left out
  // of the join that only contacted units need. Units are grouped on the candidate, or for the
  // class's other events on the class, and carry the class (a key fewer to group on: a fifth
  // less time).
  const rows = await queryRows(
    store,
    `
    with ${options.base.ctes},
    units as materialized (
      select min(k) as k, min(ck) as ck, cid, day, max(ts_us) as t2, min(nxt) as m
      from (${exposures}) group by coalesce(k, ck), cid, day),
    classes as materialized (
      select ck, cid, day, max(t2) + ${w} >= min(m) as hit from units group by all),
    contacted_classes as (select ck, cid, day from classes where hit),
    exposed_any as (
      select k, count(*) as xa from (from units where k is not null and m is not null) u
      semi join contacted_classes using (ck, cid, day) group by all),
    per_value as (
      select k, ck, count(*) as n1, count(*) filter (where t2 + ${w} >= m) as x1,
        count(distinct cid) filter (where ck <> ${ACTIVITY_CLASS}) as customers
      from units where k is not null group by all),
    per_class as (select ck, count(*) as n, count(*) filter (where hit) as x from classes group by all)
    select n.dim, n.act, n.value, v.n1, v.x1, coalesce(a.xa, 0) as xa, v.customers, c.n, c.x
    from (${options.names}) n join per_value v using (k) join per_class c using (ck)
      left join exposed_any a using (k)
    order by n.dim, n.act, n.value`,
    { log },
  );
  return rows.map((r) => ({
    dim: String(r.dim),
    act: String(r.act),
    value: String(r.value),
    exposed: Number(r.n1),
    exposedCustomers: r.dim === 'activity' ? undefined : Number(r.customers),
    exposedContacted: Number(r.x1),
    unexposed: Number(r.n) - Number(r.n1),
    unexposedContacted: Number(r.x) - Number(r.xa),
    exposedContactedAny: Number(r.xa),
    classUnits: Number(r.n),
    classContacted: Number(r.x),
  }));
}
