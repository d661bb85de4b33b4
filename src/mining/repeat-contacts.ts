/** Repeat contacts: a customer's contact on the same topic within the window of the one before. */
import type { ContactRule } from './contact-rule.js';
import type { JourneyEvidenceSource } from './journey-evidence.js';
import { byteOrder } from './shard-discovery.js';

export interface Repeat {
  topic: string;
  contacts: number;
  repeats: number;
  /** Share of contacts on this topic that are not repeats of one within the window. */
  firstContactResolution: number;
}

export async function repeatContacts(
  source: JourneyEvidenceSource,
  log: string,
  options: { rule: ContactRule; topic?: string; windowUs: number },
): Promise<Repeat[]> {
  const counts = await source.topicCounts(log, options.rule, options.topic, options.windowUs);
  return [...counts]
    .sort((a, b) => b.repeats - a.repeats || b.contacts - a.contacts || byteOrder(a.topic, b.topic))
    .map((r) => ({ ...r, firstContactResolution: 1 - r.repeats / Math.max(1, r.contacts) }));
}
