/**
 * The rule that says which events are contacts and which of them the customer started, as a
 * description, and written as SQL for either engine from that one description: the same regular
 * expressions on lower-case names (RE2 on both), the same lists, the same attribute read from the
 * event's JSON, so that DuckDB and ClickHouse count the same events.
 */

/** Which events are contacts. */
export type ContactsBy =
  | { by: 'activities'; activities: string[] }
  /** Events on a channel whose lower-case name matches ASSISTED. */
  | { by: 'channels' }
  | { by: 'every event' };

/** Which contacts the company started (outbound). */
export type DirectionBy =
  /** A column or attribute mapped by INBOUND_VALUES and OUTBOUND_VALUES, the name rule for other values. */
  | { by: 'initiator'; field: string }
  | { by: 'activities'; activities: string[] }
  /** The activity's lower-case name matches OUTBOUND_NAMES. */
  | { by: 'name' };

export interface ContactRule {
  contacts: ContactsBy;
  direction: DirectionBy;
}

export const ASSISTED = 'phone|call|chat|mail|desk|store|visit';
export const OUTBOUND_NAMES = 'sent|confirmation|notification|reply|reminder|newsletter';
export const INBOUND_VALUES = ['customer', 'inbound', 'in'];
export const OUTBOUND_VALUES = ['company', 'outbound', 'out', 'agent', 'system'];

const COLUMNS = ['activity', 'channel', 'segment', 'resource', 'lifecycle'];

/** Whether a name is a column of the events table rather than an attribute in its JSON. */
export const isColumn = (name: string) => COLUMNS.includes(name);

/** What an engine's SQL needs to write the rule. */
export interface RuleDialect {
  literal(text: string): string;
  /** A column, or an attribute read from the event's JSON as text (null when it has none). */
  field(name: string): string;
  /** SQL true when the lower-case text of `expr` (null read as '') holds a match of the pattern. */
  lowerMatches(expr: string, pattern: string): string;
  /** The text lower-case, spaces trimmed at both ends. */
  trimmedLower(expr: string): string;
  /** The first value whose condition holds, else `otherwise`. */
  firstOf(cases: [condition: string, value: string][], otherwise: string): string;
  readonly true: string;
  readonly false: string;
}

export interface ContactRuleSql {
  /** The event is a contact. */
  contact: string;
  /** The event, a contact, is one the company started. */
  outbound: string;
  /** The event is a contact the customer started. */
  inbound: string;
  /** The initiator's value as the rule reads it (lower-case, trimmed), when the rule reads one. */
  initiatorValue?: string;
  /** What the inbound rule reads: only the activity and channel, or more of the event's row. */
  inboundReads: 'activity and channel' | 'the row';
}

export function contactRuleSql(rule: ContactRule, d: RuleDialect): ContactRuleSql {
  const list = (values: string[]) => values.map((v) => d.literal(v)).join(', ');
  const contacts = rule.contacts;
  const contact =
    contacts.by === 'activities'
      ? `activity in (${list(contacts.activities)})`
      : contacts.by === 'channels'
        ? d.lowerMatches('channel', ASSISTED)
        : d.true;
  const byName = d.lowerMatches('activity', OUTBOUND_NAMES);
  const direction = rule.direction;
  const value = direction.by === 'initiator' ? d.trimmedLower(d.field(direction.field)) : undefined;
  const outbound =
    direction.by === 'initiator'
      ? d.firstOf(
          [
            [`${value} in (${list(OUTBOUND_VALUES)})`, d.true],
            [`${value} in (${list(INBOUND_VALUES)})`, d.false],
          ],
          byName,
        )
      : direction.by === 'activities'
        ? `activity in (${list(direction.activities)})`
        : byName;
  return {
    contact,
    outbound,
    inbound: `(${contact}) and not (${outbound})`,
    ...(value !== undefined ? { initiatorValue: value } : {}),
    inboundReads: direction.by === 'initiator' ? 'the row' : 'activity and channel',
  };
}
