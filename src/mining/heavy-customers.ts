/**
 * Customers of many events: a bot, a crawler, or a placeholder id ("anonymous", "0") that many
 * people's events share. Queries that pair a customer's events with each other, or each event
 * with the customer's contacts, cost in proportion to the square of such a customer's events: one
 * customer of 30,000 events took 5 s in each of two journey queries, of 100,000 more than three
 * minutes. Where a log has such customers, those queries take them apart by an as-of join, whose
 * cost grows with the events; the others keep the plain way, faster for a few events each.
 */
import { type EventStore, queryRows } from './store.js';

/** More events than this make a customer heavy. */
export const MANY_EVENTS = 64;

/** Whether the log has a customer of more than MANY_EVENTS events (0.05 s over three million events). */
export async function hasHeavyCustomers(store: EventStore, log: string): Promise<boolean> {
  const [row] = await queryRows(
    store,
    `select exists (select 1 from events where log = $log group by case_id having count(*) > ${MANY_EVENTS}) as heavy`,
    { log },
  );
  return row?.heavy === true;
}
