/**
 * How flow passes through a BPMN process's gateways and events to the next steps and ends, with
 * the probability of each and the label of the split it took (the flow's name or condition).
 * Each node's share is worked out once and reused: a chain of n split-and-join pairs has 2^n
 * paths, which walking each took (24 pairs, minutes). The walk is depth first on a stack of its
 * own, so a long chain of gateways cannot overflow the call stack; a loop of gateways and events
 * with no task in it is cut where it closes, and said so.
 */
import type { Element } from './moddle.js';

/** One way out of a node: where it leads, and the flow (or boundary event) that names it. */
export interface WalkEdge {
  target: Element;
  flow?: Element;
}

/** A way's share of the flow, and how the split that chose it calls it. */
export interface Share {
  p: number;
  label?: string;
}

export interface WalkTerms {
  /** The ways out of a node that lead somewhere. */
  edgesOf(node: Element): WalkEdge[];
  /** Each way's share of what leaves a node with more than one way out. */
  sharesOf(node: Element, edges: WalkEdge[]): Share[];
  /** Steps stop the walk (the journey's tasks); so do ends. */
  isStep(node: Element): boolean;
  isEnd(node: Element): boolean;
  stepId(node: Element): string;
  endId(node: Element): string;
  /** The end of a node with no way out that is no end event. */
  done(): string;
  warn(message: string): void;
  /** A node's name as warnings quote it. */
  shown(node: Element): string;
}

/** The walk: from a node, the steps and ends one unit of flow reaches, with its share of each. */
export function gatewayWalk(terms: WalkTerms): (from: Element) => Map<string, Share> {
  const reach = new Map<Element, Map<string, Share>>();
  const passes = (node: Element) => !terms.isStep(node) && !terms.isEnd(node);
  const cut = new Set<Element>();

  /** One node's share, once every node it passes flow to has its own (or is a loop back, cut). */
  const shareOut = (node: Element, walking: Set<Element>): Map<string, Share> => {
    const result = new Map<string, Share>();
    const add = (id: string, p: number, label: string | undefined) => {
      const had = result.get(id);
      const merged = had ? { p: had.p + p, label: had.label ?? label } : { p, label };
      if (merged.label === undefined) delete merged.label;
      result.set(id, merged);
    };
    const edges = terms.edgesOf(node);
    if (edges.length === 0) {
      add(terms.isEnd(node) ? terms.endId(node) : terms.done(), 1, undefined);
      return result;
    }
    const shares = edges.length === 1 ? [{ p: 1 }] : terms.sharesOf(node, edges);
    edges.forEach(({ target }, i) => {
      const { p, label } = shares[i] ?? { p: 0 };
      const further = reach.get(target);
      if (terms.isStep(target)) add(terms.stepId(target), p, label);
      else if (terms.isEnd(target)) add(terms.endId(target), p, label);
      else if (further && !walking.has(target))
        for (const [id, q] of further) add(id, p * q.p, label ?? q.label);
      else if (!cut.has(target)) {
        cut.add(target);
        terms.warn(`a loop of gateways and events at '${terms.shown(target)}' has no task in it; it is cut`);
      }
    });
    return result;
  };

  return (from: Element) => {
    const walking = new Set<Element>();
    const stack: { node: Element; expanded: boolean }[] = [{ node: from, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: Element; expanded: boolean };
      if (reach.has(top.node)) {
        stack.pop();
        continue;
      }
      if (!top.expanded) {
        top.expanded = true;
        walking.add(top.node);
        for (const { target } of terms.edgesOf(top.node))
          if (passes(target) && !reach.has(target) && !walking.has(target))
            stack.push({ node: target, expanded: false });
        continue;
      }
      stack.pop();
      walking.delete(top.node);
      reach.set(top.node, shareOut(top.node, walking));
    }
    const result = reach.get(from) as Map<string, Share>;
    // A step's own share is not kept: where it is reached again through gateways, it is a step, not a pass.
    if (!passes(from)) reach.delete(from);
    return result;
  };
}
