/**
 * Whether a log says which of the model's segments each customer belongs to: a segment on every
 * event, each one of the model's segment ids. Only then can a log be read segment by segment.
 */
import type { Model } from '../model/model.js';
import { type EventStore, queryRows } from './store.js';

export async function namesModelSegments(store: EventStore, log: string, model: Model): Promise<boolean> {
  const ids = model.segments.map((s) => s.id);
  if (ids.length < 2) return false;
  const values = (
    await queryRows(store, 'select distinct segment from events where log = $log', { log })
  ).map((r) => r.segment);
  return values.length > 0 && values.every((v) => v !== null && ids.includes(String(v)));
}

/** Whether a flow is the same list for every segment (so one list can stand for all of them). */
export function sameForAllSegments(flow: Record<string, unknown>): boolean {
  const lists = Object.values(flow).map((branches) => JSON.stringify(branches));
  return lists.every((l) => l === lists[0]);
}
