/**
 * The events the evidence analyses read on DuckDB, as common table expressions of the one query
 * that counts them (a temporary table cost seconds to write at ten million events):
 * - `acts`: the log's activities, each with a small integer code (grouping on it is cheaper than
 *   on the name);
 * - `base`: the events that are not inbound contacts, with the customer as a 64-bit hash (two
 *   customers of ten million share one with a chance below one in a million), the time, the day
 *   (UTC), the activity's code, the attributes the analyses need (each read from the JSON once), and
 *   `nxt`: the time of the customer's next inbound contact strictly after the event; for a customer
 *   with inbound contacts and none after the event, the largest time there is; null for a customer
 *   without any inbound contact.
 *
 * `nxt` is what makes the exposure counts aggregates instead of joins in time: the next contact
 * after a unit's first event is the least `nxt` of its events (it never decreases with time). It is
 * read once per event from the list of its customer's inbound contact times (a few per customer),
 * cheaper than an as-of join, which sorted millions of events; but a customer of thousands of
 * contacts made that list's reading cost events times contacts, so in a log with heavy customers
 * those of more than MANY_EVENTS contacts have theirs found by an as-of join.
 */
import { type ContactRuleSql, isColumn } from './contact-rule.js';
import { contactKinds } from './duckdb-contact-kinds.js';
import { fieldSql } from './duckdb-rule-sql.js';
import { MANY_EVENTS } from './heavy-customers.js';
import { quoteLiteral as literal } from './sql-text.js';

export interface EvidenceBase {
  /** The definitions of `acts` and `base`, to follow a query's `with`. */
  ctes: string;
  table: string;
  acts: string;
  /** The base's column holding an attribute or column of the log. */
  field(name: string): string;
  /** SQL true when the event's activity is one whose lower-case name matches the regular expression. */
  activityMatches(pattern: string): string;
}

/** The latest time there is: `nxt` of a customer's events after their last inbound contact. */
export const NO_LATER_CONTACT = '9223372036854775807';

/**
 * The evidence base of `fields`. With `repeatedTexts` (the log repeats few attribute texts), each
 * distinct text is read once and the events join their values: parsing every event's JSON cost a
 * quarter of the counts at ten million events. A log of texts nearly all different is read event
 * by event, as joining on millions of texts would cost far more.
 */
export function evidenceBase(
  contacts: ContactRuleSql,
  fields: string[],
  repeatedTexts = false,
  /** The log has customers of many events (heavy-customers.ts). */
  heavy = false,
): EvidenceBase {
  const names = [...new Set(fields)];
  const json = names.filter((f) => !isColumn(f));
  const paths = json.map((f) => literal(`$."${f.replace(/"/g, '\\"')}"`)).join(', ');
  const extract = `json_extract_string(attributes, [${paths}]) as fs`;
  const byText = repeatedTexts && json.length > 0;
  const value = (f: string) =>
    isColumn(f) ? `e.${fieldSql(f)}` : `${byText ? 'x' : 'e'}.fs[${json.indexOf(f) + 1}]`;
  const fieldColumns = names.map((f, i) => `, ${value(f)} as f${i}`).join('');
  const carried = names.map((_, i) => `, f${i}`).join('');
  const kinds = contactKinds(contacts);
  const inbound = kinds.inbound;
  const texts = byText
    ? `texts as materialized (select attributes, ${extract} from (select distinct attributes from events where log = $log)),\n    `
    : '';
  const events = byText
    ? `${kinds.events()} join texts x on e.attributes is not distinct from x.attributes`
    : kinds.events(json.length ? `, ${extract}` : '');
  const nonContacts = `(select hash(e.case_id) as cid, e.ts_us, k.a${fieldColumns} from ${events} where not ${inbound}) e`;
  const ctes = `${kinds.cte},
    acts as (select distinct a, activity from kinds),
    ${texts}${heavy ? heavyBase(kinds, nonContacts, carried) : lightBase(kinds, nonContacts, carried)}`;
  return {
    ctes,
    table: 'base',
    acts: 'acts',
    field: (name) => `f${names.indexOf(name)}`,
    activityMatches: (pattern) =>
      `a in (select a from acts where regexp_matches(lower(activity), ${literal(pattern)}))`,
  };
}

type Kinds = ReturnType<typeof contactKinds>;

/** An event's next contact read from its customer's list of contact times `c.ts`. */
const nextFromList = `coalesce(list_min(list_filter(c.ts, t -> t > e.ts_us)), ${NO_LATER_CONTACT})`;

/** `base`'s row of a non-contact event `e`, with its next contact `nxt`. */
const baseRow = (
  nxt: string,
  carried: string,
) => `select e.cid, e.ts_us, (e.ts_us // 86400000000)::integer as day, e.a,
        ${nxt} as nxt
        ${carried}`;

/** `contacts` (each customer's inbound contact times) and `base`, each event's next contact read from the list. */
const lightBase = (kinds: Kinds, nonContacts: string, carried: string) => `contacts as materialized (
      select hash(e.case_id) as cid, list(e.ts_us) as ts from ${kinds.events()} where ${kinds.inbound} group by all),
    base as materialized (
      ${baseRow(`case when c.ts is not null then ${nextFromList} end`, carried)}
      from ${nonContacts}
        left join contacts c using (cid))`;

/**
 * The same `base`, customers of more than MANY_EVENTS contacts given their next contacts by an
 * as-of join of their own events with their contact times (`heavy_next`, one row per time). Their
 * lists are not joined to their events: each joined row carried a copy of the whole list.
 */
const heavyBase = (kinds: Kinds, nonContacts: string, carried: string) => `contacts as materialized (
      select hash(e.case_id) as cid, list(e.ts_us) as ts, count(*) as k from ${kinds.events()} where ${kinds.inbound} group by all),
    heavy_times as (select cid, unnest(ts) as ts from contacts where k > ${MANY_EVENTS}),
    heavy_next as materialized (
      select distinct e.cid, e.ts_us, n.ts as nxt
      from (select hash(e.case_id) as cid, e.ts_us from ${kinds.events()}
            where not ${kinds.inbound} and hash(e.case_id) in (select cid from contacts where k > ${MANY_EVENTS})) e
        asof left join heavy_times n on e.cid = n.cid and n.ts > e.ts_us),
    base as materialized (
      ${baseRow(`case when c.ts is not null then ${nextFromList} when hc.cid is not null then coalesce(h.nxt, ${NO_LATER_CONTACT}) end`, carried)}
      from ${nonContacts}
        left join (select cid, ts from contacts where k <= ${MANY_EVENTS}) c using (cid)
        left join (select cid from contacts where k > ${MANY_EVENTS}) hc on hc.cid = e.cid
        left join heavy_next h on h.cid = e.cid and h.ts_us = e.ts_us)`;
