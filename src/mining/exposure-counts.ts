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
 * All in one DuckDB query: an as-of join finds each unit's next contact, so nothing pairs events.
 */
import { type EventStore, queryRows } from './store.js';

/** SQL giving rows (dim, act, value, cid, ts_us, day): the events of a class and their candidate value. */
export type ExposureSql = string;

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

export async function exposureCounts(
  store: EventStore,
  log: string,
  options: {
    table: string;
    exposures: ExposureSql[];
    /** SQL giving every (dim, act, value) of the exposures: cheaper than reading them all again. */
    names: string;
    windowUs: number;
  },
): Promise<ExposureCounts[]> {
  if (options.exposures.length === 0) return [];
  const w = Math.round(options.windowUs);
  const exposures = options.exposures.join('\nunion all\n');
  const rows = await queryRows(
    store,
    `
    with ic as materialized (select cid, ts_us from ${options.table} where inbound),
    callers as materialized (select distinct cid from ic),
    names as (select distinct dim, act, value, hash(dim, act, value) as k, hash(dim, act) as ck from (${options.names})),
    units as materialized (
      select hash(dim, act, value) as k, hash(dim, act) as ck, cid, day, min(ts_us) as t1, max(ts_us) as t2
      from (${exposures}) group by all),
    classes as materialized (select ck, cid, day, min(t1) as t1, max(t2) as t2 from units group by all),
    contacted as (
      select u.k from (from units semi join callers using (cid)) u
      asof join ic c on u.cid = c.cid and c.ts_us > u.t1 where c.ts_us <= u.t2 + ${w}),
    contacted_classes as materialized (
      select u.ck, u.cid, u.day from (from classes semi join callers using (cid)) u
      asof join ic c on u.cid = c.cid and c.ts_us > u.t1 where c.ts_us <= u.t2 + ${w}),
    exposed_any as (
      select k, count(*) as xa from (select k, ck, cid, day from units semi join callers using (cid)) u
      semi join contacted_classes using (ck, cid, day) group by all),
    per_value as (
      select k, count(*) as n1, count(distinct cid) filter (where ck <> hash('activity', '')) as customers
      from units group by all),
    per_class as (
      select c.ck, c.n, coalesce(x.x, 0) as x
      from (select ck, count(*) as n from classes group by all) c
      left join (select ck, count(*) as x from contacted_classes group by all) x using (ck))
    select n.dim, n.act, n.value, v.n1, coalesce(x.x1, 0) as x1, coalesce(a.xa, 0) as xa, v.customers, c.n, c.x
    from names n join per_value v using (k) join per_class c using (ck)
      left join (select k, count(*) as x1 from contacted group by all) x using (k)
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
