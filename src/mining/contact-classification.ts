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
import {
  type ContactRule,
  type ContactsBy,
  type DirectionBy,
  INBOUND_VALUES,
  OUTBOUND_NAMES,
  OUTBOUND_VALUES,
} from './contact-rule.js';
import type { JourneyEvidenceSource } from './journey-evidence.js';
import { byteOrder } from './shard-discovery.js';

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

export interface ContactClassification {
  rule: ContactRule;
  counting: ContactCounting;
  warnings: string[];
}

/** Values in byte order, none last (as DuckDB orders them). */
const valueOrder = (a: string | null, b: string | null) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : byteOrder(a, b);

export async function classifyContacts(
  source: JourneyEvidenceSource,
  log: string,
  options: ContactOptions = {},
): Promise<ContactClassification> {
  const warnings: string[] = [];
  const channels = [...(await source.assistedChannels(log))].sort(byteOrder);
  let contacts: ContactsBy;
  let contactsBy: string;
  if (options.contacts) {
    contacts = { by: 'activities', activities: options.contacts };
    contactsBy = `the activities named as contacts (${options.contacts.join(', ')})`;
  } else if (channels.length) {
    contacts = { by: 'channels' };
    contactsBy = `events on channels named like phone, call, chat, mail, desk, store or visit (here: ${channels.join(', ')})`;
  } else {
    contacts = { by: 'every event' };
    contactsBy = 'every event: the log names no phone, chat, mail, desk, store or visit channel';
  }
  let direction: DirectionBy;
  let directionBy: string;
  if (options.initiator) {
    direction = { by: 'initiator', field: options.initiator };
    directionBy = `the column '${options.initiator}' (${OUTBOUND_VALUES.join('/')} is the company's); other values by name`;
  } else if (options.outbound) {
    direction = { by: 'activities', activities: options.outbound };
    directionBy = `the activities named as outbound (${options.outbound.join(', ')})`;
  } else {
    direction = { by: 'name' };
    directionBy = `the activity's name: ${OUTBOUND_NAMES.replace(/\|/g, ', ')} are the company's`;
  }
  const rule: ContactRule = { contacts, direction };
  const found = await source.contactCounts(log, rule);
  if (options.contacts) {
    const known = new Set(found.present);
    const missing = options.contacts.filter((a) => !known.has(a));
    if (missing.length) warnings.push(`contacts not in the log: ${missing.join(', ')}`);
  }
  if (options.initiator) {
    const values = [...found.initiatorValues].sort(valueOrder);
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
  }
  const counted = [...found.counted].sort((a, b) => b.n - a.n || byteOrder(a.activity, b.activity));
  const side = (out: boolean) =>
    counted.filter((r) => r.outbound === out).map((r) => ({ activity: r.activity, events: r.n }));
  const sum = (xs: { events: number }[]) => xs.reduce((s, x) => s + x.events, 0);
  const counting: ContactCounting = {
    contactsBy,
    directionBy,
    inbound: side(false),
    outbound: side(true),
    inboundEvents: sum(side(false)),
    outboundEvents: sum(side(true)),
  };
  return { rule, counting, warnings };
}
