/**
 * Journey analytics over the event store, in SQL with window functions partitioned by customer:
 * channel switching, repeat contacts on the same topic within a window, and call drivers, the
 * touchpoints that make a contact more likely soon after (support, confidence, lift).
 */
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';

export interface ChannelSwitch {
  from: string;
  to: string;
  count: number;
}

export interface Repeat {
  topic: string;
  contacts: number;
  repeats: number;
  /** Share of contacts on this topic that are not repeats of one within the window. */
  firstContactResolution: number;
}

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

export interface JourneyAnalytics {
  switches: ChannelSwitch[];
  /** Share of customers who switch channel at least once. */
  switchingCustomers: number;
  repeats: Repeat[];
  drivers: CallDriver[];
}

export interface JourneyOptions {
  /** Seconds within which a second contact on the same topic is a repeat (default 7 days). */
  repeatWindow?: number;
  /** Seconds within which a contact counts as driven by what came before (default 1 day). */
  driverWindow?: number;
  /** Activities that are contacts; default: events on a phone, call, chat or email channel, else every activity. */
  contacts?: string[];
  /** The attribute that names a contact's topic; default the activity. */
  topic?: string;
  minSupport?: number;
}

export async function journeyAnalytics(
  store: EventStore,
  log: string,
  options: JourneyOptions = {},
): Promise<JourneyAnalytics> {
  const params = { log };
  const rows = (sql: string) => queryRows(store, sql, params);
  const repeatWindow = Math.round((options.repeatWindow ?? 7 * 86400) * 1e6);
  const driverWindow = Math.round((options.driverWindow ?? 86400) * 1e6);
  const topic = options.topic
    ? `coalesce(json_extract_string(attributes, ${literal(`$."${options.topic}"`)}), activity)`
    : 'activity';
  const assisted = "regexp_matches(lower(coalesce(channel, '')), 'phone|call|chat|mail|desk|store|visit')";
  const namedChannels =
    Number((await rows(`select count(*) as n from events where log = $log and ${assisted}`))[0]?.n ?? 0) > 0;
  const contactFilter = options.contacts
    ? `activity in (${options.contacts.map(literal).join(', ')})`
    : namedChannels
      ? assisted
      : 'true';

  // A log that names no channel has no switching to look for.
  const channelled =
    Number((await rows('select count(channel) as n from events where log = $log'))[0]?.n ?? 0) > 0;
  const switches = channelled
    ? await rows(`
    with s as (select channel, lead(channel) over (partition by case_id order by ts_us, seq) as next_channel from events where log = $log)
    select channel as source, next_channel as target, count(*) as n from s
    where channel is not null and next_channel is not null and channel <> next_channel group by 1, 2 order by n desc, 1, 2`)
    : [];
  const [switching] = channelled
    ? await rows(`
    with s as (select case_id, channel, lead(channel) over (partition by case_id order by ts_us, seq) as next_channel from events where log = $log)
    select count(distinct case_id) filter (where channel <> next_channel) / count(distinct case_id) as share from s`)
    : [{ share: 0 }];
  const repeats = await rows(`
    with contacts as (
      select ${topic} as topic, ts_us, lag(ts_us) over (partition by case_id, ${topic} order by ts_us, seq) as previous
      from events where log = $log and ${contactFilter})
    select topic, count(*) as contacts, count(*) filter (where previous is not null and ts_us - previous <= ${repeatWindow}) as repeats
    from contacts group by topic order by repeats desc, contacts desc, topic`);
  // Activities as small integers: the pairs within the window are many (20 million on ten
  // million events), and pairing integers took a third of the time of pairing names.
  const drivers = await rows(`
    with codes as materialized (
      select activity, cast(row_number() over (order by activity) as integer) as code
      from (select distinct activity from events where log = $log)),
    e as materialized (
      select case_id, code, ts_us, ${contactFilter} as is_contact from events join codes using (activity) where log = $log),
    total as (select count(distinct case_id) as n from e),
    having_driver as (select code, count(distinct case_id) as n from e group by 1),
    having_contact as (select code, count(distinct case_id) as n from e where is_contact group by 1),
    pairs as (
      select distinct x.case_id, x.code as driver, y.code as contact
      from e x join e y on x.case_id = y.case_id and y.is_contact and y.ts_us > x.ts_us and y.ts_us - x.ts_us <= ${driverWindow} and x.code <> y.code),
    counted as (
      select p.driver, p.contact, count(*) as customers,
        count(*) / any_value(t.n) as support,
        count(*) / any_value(d.n) as confidence,
        (count(*) / any_value(d.n)) / (any_value(hc.n) / any_value(t.n)) as lift
      from pairs p, total t, having_driver d, having_contact hc
      where d.code = p.driver and hc.code = p.contact
      group by p.driver, p.contact
      having count(*) / any_value(t.n) >= ${options.minSupport ?? 0.01})
    select dn.activity as driver, cn.activity as contact, customers, support, confidence, lift
    from counted join codes dn on dn.code = counted.driver join codes cn on cn.code = counted.contact
    order by lift desc, customers desc, dn.activity, cn.activity`);
  return {
    switches: switches.map((r) => ({ from: String(r.source), to: String(r.target), count: Number(r.n) })),
    switchingCustomers: Number(switching?.share ?? 0),
    repeats: repeats.map((r) => ({
      topic: String(r.topic),
      contacts: Number(r.contacts),
      repeats: Number(r.repeats),
      firstContactResolution: 1 - Number(r.repeats) / Math.max(1, Number(r.contacts)),
    })),
    drivers: drivers.map((r) => ({
      driver: String(r.driver),
      contact: String(r.contact),
      customers: Number(r.customers),
      support: Number(r.support),
      confidence: Number(r.confidence),
      lift: Number(r.lift),
    })),
  };
}
