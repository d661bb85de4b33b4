/**
 * The customer lanes of the swimlane views: one per set of segments that take a step, so that
 * segments with their own paths get their own lanes and shared steps are drawn once. Lanes come
 * in the order of their first segment, a segment's own lane before the lanes it shares; each is
 * named as a consultant would name it.
 */
import type { Model } from '../model/model.js';
import type { LaneSpec } from './swimlane-spec.js';

export function segmentLanes(
  model: Model,
  segments: string[],
  reach: Map<string, string[]>,
  ids: string[],
  merged: boolean,
): { lanes: LaneSpec[]; laneOf: (id: string) => string } {
  const names = new Map(model.segments.map((s) => [s.id, s.name]));
  const order = new Map(model.segments.map((s, i) => [s.id, i]));
  const laneKey = (segs: string[]) =>
    merged
      ? 'customer'
      : `customer:${[...segs].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).join('+')}`;
  const laneOf = (id: string) => laneKey(reach.get(id) ?? segments);
  const laneSegs = new Map<string, string[]>();
  for (const id of ids) if (reach.has(id)) laneSegs.set(laneOf(id), reach.get(id) ?? []);
  const first = (segs: string[]) => Math.min(...segs.map((s) => order.get(s) ?? 0));
  const lanes: LaneSpec[] = [...laneSegs.entries()]
    .sort(([, a], [, b]) => first(a) - first(b) || a.length - b.length)
    .map(([id, segs]) => ({
      id,
      group: 'customer',
      label: merged
        ? segments.length === 1
          ? (names.get(segments[0] ?? '') ?? 'Customer')
          : 'Customer'
        : laneName(
            segs.map((s) => names.get(s) ?? s),
            segments.length,
          ),
    }));
  return { lanes, laneOf };
}

/**
 * A customer lane's name: the segment's own name, "All customers" for steps every segment shown
 * takes, else the segments listed ("A, b and c"), each name after the first in lower case when it
 * begins with a plain capitalised word. A comma before the last name keeps names that hold an
 * "and" apart: "Consumers and small home offices, and business buyers".
 */
export function laneName(names: string[], shown: number): string {
  if (names.length === 1) return names[0] ?? '';
  if (names.length === shown) return 'All customers';
  const lower = (n: string) => (/^[A-Z][a-z]*\b/.test(n) ? `${n.slice(0, 1).toLowerCase()}${n.slice(1)}` : n);
  const list = [names[0] ?? '', ...names.slice(1).map(lower)];
  const last = list.pop() ?? '';
  const serial = [...list, last].some((n) => n.includes(' and '));
  return `${list.join(', ')}${serial ? ', and ' : ' and '}${last}`;
}
