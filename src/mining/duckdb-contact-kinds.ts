/**
 * Which events are inbound contacts, on DuckDB. When the contact rule reads only the activity and
 * the channel, it is decided once per pair of them, and each event joins its pair: the rule's
 * regular expressions on every one of ten million events took a second of each query that read
 * them. When the rule reads more of the row (an initiator), it is decided on each event.
 */
import type { ContactRuleSql } from './contact-rule.js';

export interface ContactKinds {
  /**
   * The common table expression `kinds`: each activity and channel of the log, with `a`, the
   * activity's code (a small integer, in the order of the names), and `inbound` when decided here.
   */
  cte: string;
  /** The log's events `e`, each joined to its kind `k`, with the columns `extra` adds to `e`. */
  events(extra?: string): string;
  /** SQL true when the event is an inbound contact, over `e` and `k` of `events`. */
  inbound: string;
  /** The log's events that are inbound contacts, with the events' columns only (a FROM and WHERE). */
  inboundEvents: string;
}

export function contactKinds(contacts: ContactRuleSql): ContactKinds {
  const byKind = contacts.inboundReads === 'activity and channel';
  // The window keeps the rule on the distinct pairs: a filter on them would be pushed into the scan.
  const cte = `kinds as materialized (
      select activity, channel, dense_rank() over (order by activity)::integer as a
        ${byKind ? `, (${contacts.inbound}) as inbound` : ''}
      from (select distinct activity, channel from events where log = $log))`;
  const joined = 'e.activity = k.activity and e.channel is not distinct from k.channel';
  return {
    cte,
    events: (extra = '') =>
      `(select *${byKind ? '' : `, (${contacts.inbound}) as inbound`}${extra} from events where log = $log) e
      join kinds k on ${joined}`,
    inbound: byKind ? 'k.inbound' : 'e.inbound',
    inboundEvents: byKind
      ? `from events e semi join kinds k on ${joined} and k.inbound where e.log = $log`
      : `from events where log = $log and ${contacts.inbound}`,
  };
}
