/**
 * Which of the model's segments each customer of a log belongs to, when the log says so for every
 * event: its segment values matched to the model's segments by id or name (ignoring case), events
 * naming none to a segment named "No segment" (as a discovered model calls them). Only then can a
 * log be read segment by segment.
 */
import type { Model } from '../model/model.js';

/** The segment a customer of a log without one belongs to in a discovered model. */
export const NO_SEGMENT = 'No segment';

/**
 * `values`: every segment the log's events name (null for none). Each value (null as '') to its
 * model segment id, in the order given; undefined when the model has one segment or a value
 * names none of them.
 */
export function modelSegmentsOf(values: (string | null)[], model: Model): [string, string][] | undefined {
  if (model.segments.length < 2 || values.length === 0) return undefined;
  const byName = new Map<string, string>();
  for (const s of model.segments) byName.set(s.name.toLowerCase(), s.id);
  for (const s of model.segments) byName.set(s.id.toLowerCase(), s.id);
  for (const s of model.segments) byName.set(s.id, s.id);
  const out: [string, string][] = [];
  for (const v of values) {
    const id = byName.get(v ?? '') ?? byName.get((v ?? NO_SEGMENT).toLowerCase());
    if (id === undefined) return undefined;
    out.push([v ?? '', id]);
  }
  return out;
}

/** Whether a flow is the same list for every segment (so one list can stand for all of them). */
export function sameForAllSegments(flow: Record<string, unknown>): boolean {
  const lists = Object.values(flow).map((branches) => JSON.stringify(branches));
  return lists.every((l) => l === lists[0]);
}
