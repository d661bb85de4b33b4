/**
 * Reachability over the flow graph, per segment: every step must be reachable from the start by
 * some segment, and every step a segment reaches must lead that segment to an end, or the
 * journey is not an absorbing chain and the analysis has nothing to solve.
 */
import type { Flow, Step } from './model.js';

export interface ReachabilityResult {
  /** Step ids no segment can reach. */
  unreachable: string[];
  /** End ids no segment can reach. */
  unreachedEnds: string[];
  /** Per step id: the segments that reach it but cannot get from it to any end. */
  trapped: Map<string, string[]>;
}

/** Edges that carry probability: success branches weighted by 1 - p(fail), failure branches by p(fail). */
export function successors(step: Step, segment: string): string[] {
  const failP = step.fail?.p ?? 0;
  const out: string[] = [];
  if (failP < 1) for (const b of step.next[segment] ?? []) if (b.p > 0) out.push(b.to);
  if (step.fail && failP > 0) for (const b of step.fail.next[segment] ?? []) if (b.p > 0) out.push(b.to);
  return out;
}

export function checkReachability(
  steps: readonly Step[],
  endIds: readonly string[],
  start: Flow,
  segments: readonly string[],
  /** Where customers who give up in a step's queue go (a pool's `abandon`), if anywhere. */
  abandonOf: (step: Step) => string | undefined = () => undefined,
): ReachabilityResult {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const ends = new Set(endIds);
  const reachedByAny = new Set<string>();
  const trapped = new Map<string, string[]>();
  for (const segment of segments) {
    const reached = new Set<string>();
    const predecessors = new Map<string, string[]>();
    const queue = (start[segment] ?? []).filter((b) => b.p > 0).map((b) => b.to);
    for (const id of queue) reached.add(id);
    while (queue.length > 0) {
      const id = queue.pop() as string;
      const step = byId.get(id);
      if (!step) continue;
      const giveUp = abandonOf(step);
      for (const next of giveUp ? [...successors(step, segment), giveUp] : successors(step, segment)) {
        const list = predecessors.get(next) ?? [];
        list.push(id);
        predecessors.set(next, list);
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    const canFinish = new Set<string>();
    const back = [...reached].filter((id) => ends.has(id));
    for (const id of back) canFinish.add(id);
    while (back.length > 0) {
      const id = back.pop() as string;
      for (const previous of predecessors.get(id) ?? []) {
        if (!canFinish.has(previous)) {
          canFinish.add(previous);
          back.push(previous);
        }
      }
    }
    for (const id of reached) {
      reachedByAny.add(id);
      if (byId.has(id) && !canFinish.has(id)) trapped.set(id, [...(trapped.get(id) ?? []), segment]);
    }
  }
  return {
    unreachable: steps.filter((s) => !reachedByAny.has(s.id)).map((s) => s.id),
    unreachedEnds: endIds.filter((id) => !reachedByAny.has(id)),
    trapped,
  };
}
