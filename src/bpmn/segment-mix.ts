/**
 * One probability per branch for tools that know no segments (BPSim): each segment's probability
 * weighted by its share of arrivals, among the segments that can reach the split at all. (The
 * number of each segment's visits to the split would be exacter; shares keep the file's figures
 * explainable from the model alone.)
 */
import type { Flow, Model } from '../model/model.js';

/** The steps each segment can reach from its start, following normal and failure flows. */
export function reachBySegment(model: Model): Map<string, Set<string>> {
  const steps = new Map(model.steps.map((s) => [s.id, s]));
  const out = new Map<string, Set<string>>();
  for (const segment of model.segments) {
    const seen = new Set<string>();
    const todo = (model.start[segment.id] ?? []).filter((b) => b.p > 0).map((b) => b.to);
    while (todo.length) {
      const id = todo.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      const step = steps.get(id);
      if (!step) continue;
      for (const b of step.next[segment.id] ?? []) if (b.p > 0) todo.push(b.to);
      if (step.fail) for (const b of step.fail.next[segment.id] ?? []) if (b.p > 0) todo.push(b.to);
    }
    out.set(segment.id, seen);
  }
  return out;
}

/**
 * The per-segment probability of each target (every segment the flow names: a segment that never
 * reaches the split still has its way on, and a round trip keeps it), and the mix over the
 * segments given with their weights.
 */
export function mixFlow(
  flow: Flow,
  weights: Map<string, number>,
): Map<string, { mix: number; perSegment: Record<string, number> }> {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const out = new Map<string, { mix: number; perSegment: Record<string, number> }>();
  for (const [segment, branches] of Object.entries(flow)) {
    const weight = weights.get(segment) ?? 0;
    for (const b of branches) {
      const entry = out.get(b.to) ?? { mix: 0, perSegment: {} };
      entry.perSegment[segment] = (entry.perSegment[segment] ?? 0) + b.p;
      entry.mix += total > 0 ? (weight / total) * b.p : 0;
      out.set(b.to, entry);
    }
  }
  return out;
}
