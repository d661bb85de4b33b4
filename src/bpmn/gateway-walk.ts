/**
 * How flow passes through a BPMN process's gateways and events to the next steps and ends, with
 * probabilities (BPMN has none without BPSim, so each way out of a split takes an equal share).
 * Each node's share is worked out once and reused: a chain of n split-and-join pairs has 2^n
 * paths, which walking each took (24 pairs, minutes). The walk is depth first on a stack of its
 * own, so a long chain of gateways cannot overflow the call stack; a loop of gateways and events
 * with no task in it is cut where it closes, and said so.
 */
import type { Element } from './moddle.js';

export interface WalkTerms {
  /** The flows out of a node that lead somewhere. */
  flowsOf(node: Element): Element[];
  /** Steps stop the walk (the journey's tasks); so do end events. */
  isStep(node: Element): boolean;
  stepId(node: Element): string;
  endId(node: Element): string;
  /** The end of a node with no way out that is no end event. */
  done(): string;
  warn(message: string): void;
  /** A node's name as warnings quote it. */
  shown(node: Element): string;
}

/** The walk: from a node, the steps and ends one unit of flow reaches, with its share of each. */
export function gatewayWalk(terms: WalkTerms): (from: Element) => Map<string, number> {
  const reach = new Map<Element, Map<string, number>>();
  const isEnd = (node: Element) => node.$type === 'bpmn:EndEvent';
  const passes = (node: Element) => !terms.isStep(node) && !isEnd(node);
  let parallelWarned = false;

  /** One node's share, once every node it passes flow to has its own (or is a loop back, cut). */
  const shareOut = (node: Element, walking: Set<Element>): Map<string, number> => {
    const result = new Map<string, number>();
    const add = (id: string, p: number) => result.set(id, (result.get(id) ?? 0) + p);
    const flows = terms.flowsOf(node);
    if (flows.length === 0) {
      add(isEnd(node) ? terms.endId(node) : terms.done(), 1);
      return result;
    }
    if (node.$type === 'bpmn:ParallelGateway' && flows.length > 1 && !parallelWarned) {
      parallelWarned = true;
      terms.warn(
        `parallel split at '${terms.shown(node)}' is read as a choice: a customer walks one path at a time`,
      );
    }
    for (const flow of flows) {
      const target = flow.targetRef as Element;
      const p = 1 / flows.length;
      const further = reach.get(target);
      if (terms.isStep(target)) add(terms.stepId(target), p);
      else if (isEnd(target)) add(terms.endId(target), p);
      else if (further && !walking.has(target)) for (const [id, q] of further) add(id, p * q);
      else
        terms.warn(`a loop of gateways and events at '${terms.shown(target)}' has no task in it; it is cut`);
    }
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
        for (const flow of terms.flowsOf(top.node)) {
          const target = flow.targetRef as Element;
          if (passes(target) && !reach.has(target) && !walking.has(target))
            stack.push({ node: target, expanded: false });
        }
        continue;
      }
      stack.pop();
      walking.delete(top.node);
      reach.set(top.node, shareOut(top.node, walking));
    }
    const result = reach.get(from) as Map<string, number>;
    // A step's own share is not kept: where it is reached again through gateways, it is a step, not a pass.
    if (!passes(from)) reach.delete(from);
    return result;
  };
}
