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
 * cheaper than an as-of join, which sorted millions of events.
 */
import { type ContactRuleSql, isColumn } from './contact-rule.js';
import { contactKinds } from './duckdb-contact-kinds.js';
import { fieldSql } from './duckdb-rule-sql.js';
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
  const ctes = `${kinds.cte},
    acts as (select distinct a, activity from kinds),
    ${texts}contacts as materialized (
      select hash(e.case_id) as cid, list(e.ts_us) as ts from ${kinds.events()} where ${inbound} group by all),
    base as materialized (
      select e.cid, e.ts_us, (e.ts_us // 86400000000)::integer as day, e.a,
        case when c.ts is not null then coalesce(list_min(list_filter(c.ts, t -> t > e.ts_us)), ${NO_LATER_CONTACT}) end as nxt
        ${carried}
      from (select hash(e.case_id) as cid, e.ts_us, k.a${fieldColumns} from ${events} where not ${inbound}) e
        left join contacts c using (cid))`;
  return {
    ctes,
    table: 'base',
    acts: 'acts',
    field: (name) => `f${names.indexOf(name)}`,
    activityMatches: (pattern) =>
      `a in (select a from acts where regexp_matches(lower(activity), ${literal(pattern)}))`,
  };
}
