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
  // Steps and ends by number (an id that is both is the step, and an end), so the walks run on typed arrays.
  const index = new Map<string, number>();
  for (const [i, s] of steps.entries()) index.set(s.id, i);
  const isEnd = new Uint8Array(steps.length + endIds.length);
  for (const id of endIds) {
    if (!index.has(id)) index.set(id, index.size);
    isEnd[index.get(id) as number] = 1;
  }
  const size = index.size;
  const reachedByAny = new Uint8Array(size);
  const trapped = new Map<string, string[]>();
  for (const segment of segments) {
    const { order, reached, canFinish } = walk(
      steps,
      index,
      isEnd,
      size,
      start[segment] ?? [],
      segment,
      abandonOf,
    );
    for (const node of order) {
      reachedByAny[node] = 1;
      const step = node < steps.length ? (steps[node] as Step) : undefined;
      if (step && reached[node] && !canFinish[node])
        trapped.set(step.id, [...(trapped.get(step.id) ?? []), segment]);
    }
  }
  return {
    unreachable: steps.filter((s) => !reachedByAny[index.get(s.id) as number]).map((s) => s.id),
    unreachedEnds: endIds.filter((id) => !reachedByAny[index.get(id) as number]),
    trapped,
  };
}

/**
 * One segment: the nodes reached from the start (in the order first reached), and which of them
 * lead to an end, found by walking the moves taken back from the ends reached.
 */
function walk(
  steps: readonly Step[],
  index: ReadonlyMap<string, number>,
  isEnd: Uint8Array,
  size: number,
  start: Flow[string],
  segment: string,
  abandonOf: (step: Step) => string | undefined,
) {
  const reached = new Uint8Array(size);
  const order: number[] = [];
  const queue: number[] = [];
  const reach = (id: string) => {
    const node = index.get(id);
    if (node === undefined || reached[node]) return undefined;
    reached[node] = 1;
    order.push(node);
    return node;
  };
  for (const b of start)
    if (b.p > 0) {
      const node = reach(b.to);
      if (node !== undefined) queue.push(node);
    }
  // The moves taken, as pairs, to walk back along.
  const from: number[] = [];
  const to: number[] = [];
  while (queue.length > 0) {
    const node = queue.pop() as number;
    const step = node < steps.length ? (steps[node] as Step) : undefined;
    if (!step) continue;
    const giveUp = abandonOf(step);
    for (const next of giveUp ? [...successors(step, segment), giveUp] : successors(step, segment)) {
      const target = index.get(next);
      if (target === undefined) continue;
      from.push(node);
      to.push(target);
      const added = reach(next);
      if (added !== undefined) queue.push(added);
    }
  }
  const canFinish = new Uint8Array(size);
  const back = order.filter((node) => isEnd[node]);
  for (const node of back) canFinish[node] = 1;
  const incoming = byTarget(size, from, to);
  while (back.length > 0) {
    const node = back.pop() as number;
    for (let e = incoming.first[node] as number; e < (incoming.first[node + 1] as number); e++) {
      const previous = incoming.from[e] as number;
      if (!canFinish[previous]) {
        canFinish[previous] = 1;
        back.push(previous);
      }
    }
  }
  return { order, reached, canFinish };
}

/** The pairs grouped by target: the sources of moves into v are from[first[v]] .. from[first[v + 1] - 1]. */
function byTarget(size: number, from: number[], to: number[]) {
  const first = new Int32Array(size + 1);
  for (const t of to) first[t + 1] = (first[t + 1] as number) + 1;
  for (let v = 0; v < size; v++) first[v + 1] = (first[v + 1] as number) + (first[v] as number);
  const fill = first.slice(0, size);
  const sources = new Int32Array(from.length);
  for (const [i, t] of to.entries()) sources[(fill[t] as number)++] = from[i] as number;
  return { first, from: sources };
}
