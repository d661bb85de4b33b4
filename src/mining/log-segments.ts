/**
 * Whether a log says which of the model's segments each customer belongs to: a segment on every
 * event, each one of the model's segment ids. Only then can a log be read segment by segment.
 */
import type { Model } from '../model/model.js';

/** `values`: every segment the log's events name (null for none). */
export function namesModelSegments(values: (string | null)[], model: Model): boolean {
  const ids = model.segments.map((s) => s.id);
  if (ids.length < 2) return false;
  return values.length > 0 && values.every((v) => v !== null && ids.includes(String(v)));
}

/** Whether a flow is the same list for every segment (so one list can stand for all of them). */
export function sameForAllSegments(flow: Record<string, unknown>): boolean {
  const lists = Object.values(flow).map((branches) => JSON.stringify(branches));
  return lists.every((l) => l === lists[0]);
}
