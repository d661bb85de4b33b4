/**
 * Call drivers as pairs of activities: the touchpoints after which customers make a given contact
 * within the window (support, confidence, and lift against the share of customers who ever make
 * it). Kept beside the drivers by attribute, whose lift is against a comparable window. The
 * ratios are divided here from exact counts, so that every engine gives the same figures.
 */
import type { ContactRule } from './contact-rule.js';
import type { JourneyEvidenceSource } from './journey-evidence.js';
import { byteOrder } from './shard-discovery.js';

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
  source: JourneyEvidenceSource,
  log: string,
  options: { rule: ContactRule; windowUs: number; minSupport: number },
): Promise<CallDriver[]> {
  const counts = await source.pairCounts(log, options.rule, options.windowUs);
  const total = counts.customers;
  const having = new Map(counts.activities.map((a) => [a.activity, a]));
  return counts.pairs
    .filter((p) => p.customers / total >= options.minSupport)
    .map((p) => {
      const driver = having.get(p.driver)?.customers ?? 0;
      const contact = having.get(p.contact)?.contactCustomers ?? 0;
      return {
        driver: p.driver,
        contact: p.contact,
        customers: p.customers,
        support: p.customers / total,
        confidence: p.customers / driver,
        lift: p.customers / driver / (contact / total),
      };
    })
    .sort(
      (a, b) =>
        b.lift - a.lift ||
        b.customers - a.customers ||
        byteOrder(a.driver, b.driver) ||
        byteOrder(a.contact, b.contact),
    );
}
