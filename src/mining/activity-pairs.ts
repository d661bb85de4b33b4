/**
 * Call drivers as pairs of activities: the touchpoints after which customers make a given contact
 * within the window (support, confidence, and lift against the share of customers who ever make
 * it). Kept beside the drivers by attribute, whose lift is against a comparable window.
 */
import { type EventStore, queryRows } from './store.js';

export interface CallDriver {
  /** The touchpoint before. */
  driver: string;
  /** The contact it leads to. */
  contact: string;
  /** Customers who had the driver and then the contact within the window. */
  customers: number;
  support: number;
  confidence: number;
  lift: number;
}

export async function activityPairs(
  store: EventStore,
  log: string,
  options: { inbound: string; windowUs: number; minSupport: number },
): Promise<CallDriver[]> {
  // Activities as small integers: the pairs within the window are many (20 million on ten
  // million events), and pairing integers took a third of the time of pairing names.
  const rows = await queryRows(
    store,
    `
    with codes as materialized (
      select activity, cast(row_number() over (order by activity) as integer) as code
      from (select distinct activity from events where log = $log)),
    e as materialized (
      select case_id, code, ts_us, ${options.inbound} as is_contact from events join codes using (activity) where log = $log),
    total as (select count(distinct case_id) as n from e),
    having_driver as (select code, count(distinct case_id) as n from e group by 1),
    having_contact as (select code, count(distinct case_id) as n from e where is_contact group by 1),
    pairs as (
      select distinct x.case_id, x.code as driver, y.code as contact
      from e x join e y on x.case_id = y.case_id and y.is_contact and y.ts_us > x.ts_us
        and y.ts_us - x.ts_us <= ${Math.round(options.windowUs)} and x.code <> y.code),
    counted as (
      select p.driver, p.contact, count(*) as customers,
        count(*) / any_value(t.n) as support,
        count(*) / any_value(d.n) as confidence,
        (count(*) / any_value(d.n)) / (any_value(hc.n) / any_value(t.n)) as lift
      from pairs p, total t, having_driver d, having_contact hc
      where d.code = p.driver and hc.code = p.contact
      group by p.driver, p.contact
      having count(*) / any_value(t.n) >= ${options.minSupport})
    select dn.activity as driver, cn.activity as contact, customers, support, confidence, lift
    from counted join codes dn on dn.code = counted.driver join codes cn on cn.code = counted.contact
    order by lift desc, customers desc, dn.activity, cn.activity`,
    { log },
  );
  return rows.map((r) => ({
    driver: String(r.driver),
    contact: String(r.contact),
    customers: Number(r.customers),
    support: Number(r.support),
    confidence: Number(r.confidence),
    lift: Number(r.lift),
  }));
}
