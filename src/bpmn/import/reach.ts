/**
 * Which steps a customer can reach, following the model's flows from the start; and the step a
 * node of the diagram comes after, walking back along sequence flows.
 */
import type { Element } from '../moddle.js';
import type { Data } from './context.js';
import type { FlowGraph } from './graph.js';

/** The ids a flow in model-file form leads to. */
export function flowTargets(flow: unknown): string[] {
  if (typeof flow === 'string') return [flow];
  if (Array.isArray(flow)) return flow.map((b) => (b as { to: string }).to);
  return flow && typeof flow === 'object' ? Object.values(flow).flatMap(flowTargets) : [];
}

export function reachableFrom(entry: string[], byId: Map<string, Data>): Set<string> {
  const reachable = new Set<string>();
  const queue = [...entry];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    const step = byId.get(id);
    queue.push(...flowTargets(step?.next), ...flowTargets((step?.fail as Data | undefined)?.next));
  }
  return reachable;
}

/** The step a node of the journey comes after: the nearest one walking back along sequence flows. */
export function stepBefore(node: Element, graph: FlowGraph, steps: Map<Element, Data>): Data | undefined {
  const seen = new Set<Element>();
  const queue = [node];
  while (queue.length > 0) {
    const x = queue.shift() as Element;
    for (const flow of graph.incoming(x)) {
      const source = flow.sourceRef as Element;
      if (steps.has(source)) return steps.get(source);
      if (!seen.has(source)) {
        seen.add(source);
        queue.push(source);
      }
    }
  }
  return undefined;
}
