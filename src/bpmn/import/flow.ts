/**
 * The ways on through the customer's pool: sequence flows, the boundary events on a step that are
 * more ways on, and embedded sub-processes walked through (in at their start, out at their ends).
 * An error or escalation end inside a sub-process leaves it by the boundary event that catches it,
 * on that sub-process or one around it; one that nothing catches ends the journey.
 */
import type { WalkEdge } from '../gateway-walk.js';
import type { Element } from '../moddle.js';
import { catches, isFailBoundary, isFailEnd } from './events.js';
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

/** The sub-process walked through that a node is in, if any. */
const insideOf =
  (flatten: boolean) =>
  (node: Element): Element | undefined => {
    const parent = node.$parent as Element | undefined;
    return flatten && parent !== undefined && isExpandedSubProcess(parent) ? parent : undefined;
  };

/**
 * Where a fail end inside sub-processes walked through leads: the boundary events that catch it
 * on the nearest sub-process around it that has any; none when nothing catches it.
 */
function caughtBy(terms: FlowTerms, end: Element): WalkEdge[] {
  const inside = insideOf(terms.flatten);
  for (let sub = inside(end); sub; sub = inside(sub)) {
    const catching = (terms.boundaries.get(sub) ?? []).filter(
      (b) => isFailBoundary(b) && catches(b, end) && terms.graph.outgoing(b).length > 0,
    );
    if (catching.length > 0) return catching.map((b) => ({ target: b, flow: b }));
  }
  return [];
}

export function edgesOf(terms: FlowTerms): (node: Element) => WalkEdge[] {
  const { graph, flatten } = terms;
  const inside = insideOf(flatten);
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
    if (flatten && isFailEnd(node) && inside(node)) return caughtBy(terms, node);
    const edges = plain(graph, node);
    if (terms.isStep(node))
      for (const b of terms.boundaries.get(node) ?? [])
        if (!isFailBoundary(b) && graph.outgoing(b).length > 0) edges.push({ target: b, flow: b });
    const parent = inside(node);
    return edges.length === 0 && parent && node.$type !== 'bpmn:BoundaryEvent' ? exit(parent) : edges;
  };
}

/**
 * An end of the journey: an end event of the process itself, not one inside a sub-process walked
 * through, unless it is a fail end that nothing around it catches.
 */
export function isJourneyEnd(terms: FlowTerms): (node: Element) => boolean {
  const inside = insideOf(terms.flatten);
  return (node) =>
    node.$type === 'bpmn:EndEvent' &&
    (!inside(node) || (isFailEnd(node) && caughtBy(terms, node).length === 0));
}
