/**
 * The ways on through the customer's pool: sequence flows, the boundary events on a step that are
 * more ways on, and embedded sub-processes walked through (in at their start, out at their ends).
 */
import type { WalkEdge } from '../gateway-walk.js';
import type { Element } from '../moddle.js';
import { isFailBoundary } from './events.js';
import { children, type FlowGraph, isExpandedSubProcess } from './graph.js';

export interface FlowTerms {
  graph: FlowGraph;
  isStep(node: Element): boolean;
  /** Boundary events by the activity they are attached to. */
  boundaries: Map<Element, Element[]>;
  /** Sub-processes walked through (the customer's, in a pool read as the journey). */
  flatten: boolean;
}

const plain = (graph: FlowGraph, node: Element): WalkEdge[] =>
  graph.outgoing(node).map((flow) => ({ target: flow.targetRef as Element, flow }));

export function edgesOf(terms: FlowTerms): (node: Element) => WalkEdge[] {
  const { graph, flatten } = terms;
  const inside = (node: Element) => {
    const parent = node.$parent as Element | undefined;
    return flatten && parent !== undefined && isExpandedSubProcess(parent) ? parent : undefined;
  };
  /** Leaving a sub-process at one of its ends: its own ways on, or its parent's. */
  const exit = (sub: Element): WalkEdge[] => {
    const own = plain(graph, sub);
    const parent = inside(sub);
    return own.length > 0 || !parent ? own : exit(parent);
  };
  return (node) => {
    if (flatten && isExpandedSubProcess(node) && !terms.isStep(node)) {
      const inner = children(node);
      const starts = inner.filter((e) => e.$type === 'bpmn:StartEvent');
      const first =
        starts.length > 0
          ? starts
          : inner.filter(
              (e) =>
                !/SequenceFlow|BoundaryEvent|Association|DataObject/.test(e.$type) &&
                e.triggeredByEvent !== true &&
                graph.incoming(e).length === 0,
            );
      return first.map((target) => ({ target }));
    }
    const edges = plain(graph, node);
    if (terms.isStep(node))
      for (const b of terms.boundaries.get(node) ?? [])
        if (!isFailBoundary(b) && graph.outgoing(b).length > 0) edges.push({ target: b, flow: b });
    const parent = inside(node);
    return edges.length === 0 && parent && node.$type !== 'bpmn:BoundaryEvent' ? exit(parent) : edges;
  };
}

/** An end of the journey: an end event of the process itself, not one inside a sub-process walked through. */
export function isJourneyEnd(flatten: boolean): (node: Element) => boolean {
  return (node) =>
    node.$type === 'bpmn:EndEvent' && !(flatten && isExpandedSubProcess(node.$parent as Element));
}
