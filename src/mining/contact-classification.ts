/**
 * Which events are contacts, and who started each: the customer (inbound) or the company
 * (outbound: an order confirmation, an agent's reply). Only inbound contacts are explained by the
 * evidence analyses; every analysis says what it counted and how it decided.
 *
 * Contacts are the activities named, or else events on a channel named like phone, call, chat,
 * mail, desk, store or visit, or else (a log that names no such channel) every event. Who started
 * them comes from a column whose values are mapped (customer, inbound, in / company, outbound,
 * out, agent, system), else from the list of outbound activities, else from the activity's name
 * (sent, confirmation, notification, reply, reminder, newsletter are the company's).
 */
import { quoteLiteral as literal, quoteIdentifier } from './sql-text.js';
import { type EventStore, queryRows } from './store.js';

export interface ContactOptions {
  /** Activities that are contacts. */
  contacts?: string[];
  /** The column or attribute that says who started an event. */
  initiator?: string;
  /** Activities the company starts. */
  outbound?: string[];
}

export interface ContactCounting {
  /** How events were found to be contacts, in words. */
  contactsBy: string;
  /** How inbound and outbound were told apart, in words. */
  directionBy: string;
  inbound: { activity: string; events: number }[];
  outbound: { activity: string; events: number }[];
  inboundEvents: number;
  outboundEvents: number;
}

/** SQL over the events table: is this event a contact, and is it one the customer started. */
export interface ContactSql {
  contact: string;
  inbound: string;
  /** What the inbound rule reads: only the activity and channel, or more of the event's row. */
  inboundReads: 'activity and channel' | 'the row';
  counting: ContactCounting;
  warnings: string[];
}

const ASSISTED = 'phone|call|chat|mail|desk|store|visit';
const OUTBOUND_NAMES = 'sent|confirmation|notification|reply|reminder|newsletter';
const INBOUND_VALUES = ['customer', 'inbound', 'in'];
const OUTBOUND_VALUES = ['company', 'outbound', 'out', 'agent', 'system'];
const COLUMNS = ['activity', 'channel', 'segment', 'resource', 'lifecycle'];

/** Whether a name is a column of the events table rather than an attribute in its JSON. */
export const isColumn = (name: string) => COLUMNS.includes(name);

/** A column of the events table, or an attribute read from the JSON. */
export const fieldSql = (name: string) =>
  isColumn(name)
    ? quoteIdentifier(name)
    : `json_extract_string(attributes, ${literal(`$."${name.replace(/"/g, '\\"')}"`)})`;

const list = (values: string[]) => values.map(literal).join(', ');

export async function classifyContacts(
  store: EventStore,
  log: string,
  options: ContactOptions = {},
): Promise<ContactSql> {
  const rows = (sql: string) => queryRows(store, sql, { log });
  const warnings: string[] = [];
  const assisted = `regexp_matches(lower(coalesce(channel, '')), '${ASSISTED}')`;
  const channels = (
    await rows(
      `select channel from (select distinct channel from events where log = $log) where ${assisted} order by 1`,
    )
  ).map((r) => String(r.channel));
  let contact: string;
  let contactsBy: string;
  if (options.contacts) {
    const known = new Set(
      (
        await rows(
          `select distinct activity from events where log = $log and activity in (${list(options.contacts)})`,
        )
      ).map((r) => String(r.activity)),
    );
    const missing = options.contacts.filter((a) => !known.has(a));
    if (missing.length) warnings.push(`contacts not in the log: ${missing.join(', ')}`);
    contact = `activity in (${list(options.contacts)})`;
    contactsBy = `the activities named as contacts (${options.contacts.join(', ')})`;
  } else if (channels.length) {
    contact = assisted;
    contactsBy = `events on channels named like phone, call, chat, mail, desk, store or visit (here: ${channels.join(', ')})`;
  } else {
    contact = 'true';
    contactsBy = 'every event: the log names no phone, chat, mail, desk, store or visit channel';
  }
  const byName = `regexp_matches(lower(activity), '${OUTBOUND_NAMES}')`;
  let outbound: string;
  let directionBy: string;
  if (options.initiator) {
    const field = fieldSql(options.initiator);
    const value = `lower(trim(${field}))`;
    const values = (
      await rows(`select distinct ${value} as v from events where log = $log and ${contact} order by 1`)
    ).map((r) => (r.v === null ? null : String(r.v)));
    if (values.length === 1 && values[0] === null)
      warnings.push(
        `no contact has a value in '${options.initiator}': who started them was decided by their names`,
      );
    const unmapped = values.filter(
      (v): v is string => v !== null && !INBOUND_VALUES.includes(v) && !OUTBOUND_VALUES.includes(v),
    );
    if (unmapped.length)
      warnings.push(
        `${options.initiator} values not read as inbound (${INBOUND_VALUES.join(', ')}) or outbound (${OUTBOUND_VALUES.join(', ')}): ${unmapped.join(', ')}; those contacts were decided by their names`,
      );
    outbound = `case when ${value} in (${list(OUTBOUND_VALUES)}) then true when ${value} in (${list(INBOUND_VALUES)}) then false else ${byName} end`;
    directionBy = `the column '${options.initiator}' (${OUTBOUND_VALUES.join('/')} is the company's); other values by name`;
  } else if (options.outbound) {
    outbound = `activity in (${list(options.outbound)})`;
    directionBy = `the activities named as outbound (${options.outbound.join(', ')})`;
  } else {
    outbound = byName;
    directionBy = `the activity's name: ${OUTBOUND_NAMES.replace(/\|/g, ', ')} are the company's`;
  }
  const inbound = `(${contact}) and not (${outbound})`;
  const inboundReads = options.initiator ? 'the row' : 'activity and channel';
  // Without an initiator, the rules read only the activity and channel: decided once for each pair.
  const counted = await rows(
    inboundReads === 'the row'
      ? `select activity, (${outbound}) as outbound, count(*) as n from events
         where log = $log and ${contact} group by all order by n desc, activity`
      : `select activity, (${outbound}) as outbound, sum(n)::bigint as n
         from (select activity, channel, count(*) as n from events where log = $log group by all)
         where ${contact} group by all order by n desc, activity`,
  );
  const side = (out: boolean) =>
    counted
      .filter((r) => r.outbound === out)
      .map((r) => ({ activity: String(r.activity), events: Number(r.n) }));
  const sum = (xs: { events: number }[]) => xs.reduce((s, x) => s + x.events, 0);
  const counting: ContactCounting = {
    contactsBy,
    directionBy,
    inbound: side(false),
    outbound: side(true),
    inboundEvents: sum(side(false)),
    outboundEvents: sum(side(true)),
  };
  return { contact, inbound, inboundReads, counting, warnings };
}
