/**
 * The rows journey analytics read (journey-evidence.ts), from the embedded DuckDB store: the
 * queries the analyses ran before they ran on ClickHouse too, each returning counts that the
 * shared code orders, divides and words.
 */
import { ASSISTED, type ContactRule } from './contact-rule.js';
import { duckDbActivityCount } from './duckdb-activity-count.js';
import { contactKinds } from './duckdb-contact-kinds.js';
import { driverUnits } from './duckdb-driver-units.js';
import { duckDbRuleSql, fieldSql } from './duckdb-rule-sql.js';
import { evidenceBase } from './evidence-base.js';
import { duckDbExposureCounts } from './exposure-counts.js';
import { hasHeavyCustomers, MANY_EVENTS } from './heavy-customers.js';
import type { ExposureQuery, JourneyEvidenceSource } from './journey-evidence.js';
import { namedSignExposures } from './named-web-signs.js';
import { quoteLiteral as literal } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';
import { signExposures } from './web-signs.js';

const text = (x: unknown) => (x === null ? null : String(x));

/** The store's rows; a source given (a LogStore on either engine) as it is. */
export function journeyEvidence(store: EventStore | JourneyEvidenceSource): JourneyEvidenceSource {
  if ('exposureCounts' in store) return store;
  const rows = (log: string, sql: string) => queryRows(store, sql, { log });
  return {
    activityCount: (log) => duckDbActivityCount(store, log),

    async journeyLog(log) {
      const [span] = await rows(
        log,
        'select count(distinct case_id) as customers, max(ts_us) - min(ts_us) as span from events where log = $log',
      );
      // Keys read from each distinct attribute text: a log repeats few of them, and parsing every
      // event's took a second at ten million events.
      const attributes = await rows(
        log,
        'select distinct unnest(json_keys(attributes)) as k from (select distinct attributes from events where log = $log)',
      );
      return {
        customers: Number(span?.customers ?? 0),
        spanUs: Number(span?.span ?? 0),
        attributes: attributes.map((r) => String(r.k)),
      };
    },

    async assistedChannels(log) {
      return (
        await rows(
          log,
          // `offset 0` keeps the filter on the distinct channels, not pushed into the scan of every event.
          `select channel from (select distinct channel from events where log = $log offset 0)
           where regexp_matches(lower(coalesce(channel, '')), ${literal(ASSISTED)})`,
        )
      ).map((r) => String(r.channel));
    },

    contactCounts: (log, rule) => contactCounts(store, log, rule),

    async channelSwitches(log) {
      const [counted] = await rows(
        log,
        'select count(distinct case_id) filter (where channel is not null) as n from events where log = $log',
      );
      const channelled = Number(counted?.n ?? 0);
      // A log that names no channel has no switching to look for.
      if (channelled === 0) return { channelled, switchers: 0, switches: [] };
      // One pass of the window for both figures: each pass over ten million events takes seconds.
      const switches = await rows(
        log,
        `with s as materialized (
          select case_id, channel, lead(channel) over (partition by case_id order by ts_us, seq) as next_channel
          from events where log = $log and channel is not null),
        switched as materialized (select case_id, channel, next_channel from s where channel <> next_channel)
        select channel as source, next_channel as target, count(*) as n,
          (select count(distinct case_id) from switched) as customers
        from switched group by 1, 2`,
      );
      return {
        channelled,
        switchers: Number(switches[0]?.customers ?? 0),
        switches: switches.map((r) => ({ from: String(r.source), to: String(r.target), count: Number(r.n) })),
      };
    },

    async topicCounts(log, rule, topicField, windowUs) {
      const topic = topicField ? `coalesce(${fieldSql(topicField)}, activity)` : 'activity';
      const kinds = contactKinds(duckDbRuleSql(rule));
      const counted = await rows(
        log,
        `with ${kinds.cte}, contacts as (
          select ${topic} as topic, ts_us, lag(ts_us) over (partition by case_id, ${topic} order by ts_us, seq) as previous
          ${kinds.inboundEvents})
        select topic, count(*) as contacts,
          count(*) filter (where previous is not null and ts_us - previous <= ${Math.round(windowUs)}) as repeats
        from contacts group by topic`,
      );
      return counted.map((r) => ({
        topic: String(r.topic),
        contacts: Number(r.contacts),
        repeats: Number(r.repeats),
      }));
    },

    pairCounts: (log, rule, windowUs) => pairCounts(store, log, rule, windowUs),

    async nonContactActivities(log, rule) {
      return (
        await rows(
          log,
          `select distinct activity from events where log = $log and not (${duckDbRuleSql(rule).inbound})`,
        )
      ).map((r) => String(r.activity));
    },

    exposureCounts: (log, query) => exposureCounts(store, log, query),
  };
}

async function contactCounts(store: EventStore, log: string, rule: ContactRule) {
  const rows = (sql: string) => queryRows(store, sql, { log });
  const sql = duckDbRuleSql(rule);
  const listed = rule.contacts.by === 'activities' ? rule.contacts.activities : [];
  const present = listed.length
    ? (
        await rows(
          `select distinct activity from events where log = $log and activity in (${listed.map(literal).join(', ')})`,
        )
      ).map((r) => String(r.activity))
    : [];
  const initiatorValues = sql.initiatorValue
    ? (
        await rows(
          `select distinct ${sql.initiatorValue} as v from events where log = $log and ${sql.contact}`,
        )
      ).map((r) => text(r.v))
    : [];
  // Without an initiator, the rules read only the activity and channel: decided once for each pair.
  const counted = await rows(
    sql.inboundReads === 'the row'
      ? `select activity, (${sql.outbound}) as outbound, count(*) as n from events
         where log = $log and ${sql.contact} group by all`
      : `select activity, (${sql.outbound}) as outbound, sum(n)::bigint as n
         from (select activity, channel, count(*) as n from events where log = $log group by all)
         where ${sql.contact} group by all`,
  );
  return {
    present,
    initiatorValues,
    counted: counted.map((r) => ({
      activity: String(r.activity),
      outbound: r.outbound === true,
      n: Number(r.n),
    })),
  };
}

/** The pairs counted; `heavy` (the log has customers of many events) unless given, as hasHeavyCustomers finds. */
export async function pairCounts(
  store: EventStore,
  log: string,
  rule: ContactRule,
  windowUs: number,
  heavy?: boolean,
) {
  // Activities as small integers: the pairs within the window are many (20 million on ten
  // million events), and pairing integers took a third of the time of pairing names. One query
  // (a row per pair, per activity, and the customers) so that the events are read once. Customers
  // are counted as groups, not as distinct aggregates (which took twice as long per activity).
  const kinds = contactKinds(duckDbRuleSql(rule));
  const pairs = (heavy ?? (await hasHeavyCustomers(store, log))) ? heavyPairs : lightPairs;
  const rows = await queryRows(
    store,
    `
    with ${kinds.cte},
    codes as (select distinct a as code, activity from kinds),
    e as materialized (select e.case_id, k.a as code, e.ts_us, ${kinds.inbound} as is_contact from ${kinds.events()}),
    ${pairs(Math.round(windowUs))}
    select 'pair' as kind, dn.activity as a, cn.activity as b, count(*) as n, 0 as m
    from pairs join codes dn on dn.code = pairs.driver join codes cn on cn.code = pairs.contact group by all
    union all
    select 'activity', activity, '', count(*), count(*) filter (where contact)
    from (select code, bool_or(is_contact) as contact from e group by code, case_id) join codes using (code)
    group by activity
    union all
    select 'all', '', '', count(*), 0 from (select distinct case_id from e)`,
    { log },
  );
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  return {
    customers: Number(of('all')[0]?.n ?? 0),
    activities: of('activity').map((r) => ({
      activity: String(r.a),
      customers: Number(r.n),
      contactCustomers: Number(r.m),
    })),
    pairs: of('pair').map((r) => ({ driver: String(r.a), contact: String(r.b), customers: Number(r.n) })),
  };
}

/**
 * The exposure counts; the attributes read as the sample of the log judges best unless
 * `repeatedTexts` is given, heavy customers taken apart where hasHeavyCustomers finds them unless
 * `heavy` is given.
 */
export async function exposureCounts(
  store: EventStore,
  log: string,
  query: ExposureQuery,
  repeatedTexts?: boolean,
  heavy?: boolean,
) {
  const { signs } = query;
  const [texts, many] = await Promise.all([
    repeatedTexts ?? repeatsTexts(store, log),
    heavy ?? hasHeavyCustomers(store, log),
  ]);
  const base = evidenceBase(
    duckDbRuleSql(query.rule),
    [...query.by, ...(signs.by === 'name' ? Object.values(signs.attributes) : [])],
    texts,
    many,
  );
  const drivers = driverUnits(base, query.by, query.windowUs);
  return duckDbExposureCounts(store, log, {
    base,
    drivers,
    signs:
      signs.by === 'named'
        ? namedSignExposures(base, signs.signs, drivers.units)
        : signExposures(base, signs.attributes, drivers.groups),
    windowUs: query.windowUs,
  });
}

/**
 * Whether the log repeats its attribute texts (361 in ten million events of the seeded log), judged
 * on a sample of about one event in a hundred: it decides how the attributes are read (evidence-base.ts),
 * never what is counted.
 */
async function repeatsTexts(store: EventStore, log: string): Promise<boolean> {
  const [sample] = await queryRows(
    store,
    'select count(*) as n, count(distinct attributes) as texts from events tablesample 1% (system, 16) where log = $log',
    { log },
  );
  const n = Number(sample?.n ?? 0);
  return n > 0 && Number(sample?.texts ?? 0) * 4 <= n;
}

/** The (driver, contact) pairs of the customers in `events`: each event with each later contact within the window. */
const everyEventPaired = (
  events: string,
  windowUs: number,
) => `select distinct x.case_id, x.code as driver, y.code as contact
      from ${events} x join ${events} y on x.case_id = y.case_id and y.is_contact and y.ts_us > x.ts_us
        and y.ts_us - x.ts_us <= ${windowUs} and x.code <> y.code`;

/** Each customer's pairs within the window, every event paired. */
const lightPairs = (windowUs: number) => `pairs as (
      ${everyEventPaired('e', windowUs)})`;

/**
 * The same, customers of more than MANY_EVENTS events apart: each contact with each other activity
 * of its customer, and by an as-of join that activity's latest event before the contact, a pair
 * when it falls within the window. Their cost grows with events times activities, not events squared.
 */
const heavyPairs = (
  windowUs: number,
) => `heavy as (select case_id from e group by case_id having count(*) > ${MANY_EVENTS}),
    light as (select * from e anti join heavy using (case_id)),
    heavy_events as (select * from e semi join heavy using (case_id)),
    heavy_contacts as (
      select y.case_id, c.code as driver, y.code as contact, y.ts_us
      from heavy_events y join (select distinct case_id, code from heavy_events) c
        on c.case_id = y.case_id and c.code <> y.code
      where y.is_contact),
    pairs as (
      ${everyEventPaired('light', windowUs)}
      union
      select q.case_id, q.driver, q.contact
      from heavy_contacts q asof join heavy_events x
        on x.case_id = q.case_id and x.code = q.driver and x.ts_us < q.ts_us
      where q.ts_us - x.ts_us <= ${windowUs})`;
