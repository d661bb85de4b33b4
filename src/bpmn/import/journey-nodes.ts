/**
 * Which nodes of the journey are steps (a black box's touchpoint tasks, else every activity not
 * walked through), their model ids, and the boundary events on each.
 */
import type { Element } from '../moddle.js';
import type { JourneyContext } from './context.js';
import { isActivity, isExpandedSubProcess } from './graph.js';

export interface JourneyNodes {
  stepNodes: Element[];
  isStep(node: Element): boolean;
  stepIdOf(node: Element): string;
  /** Boundary events by the activity they are attached to. */
  boundaries: Map<Element, Element[]>;
}

export function journeyNodes(ctx: JourneyContext): JourneyNodes {
  const { scope, elements, interchange, ids } = ctx;
  const stepNodes = scope.blackBox
    ? scope.touchpointTasks
    : elements.filter((e) => isActivity(e) && !(scope.flatten && isExpandedSubProcess(e)));
  const stepSet = new Set(stepNodes);
  const stepIdOf = (e: Element) => {
    // linesight's exports say the step's id; another tool's task gets one made from its name.
    const given = interchange.step(String(e.id)).id;
    return ids.of(e, 'step', typeof given === 'string' && !ids.taken(given) ? given : undefined);
  };
  const boundaries = new Map<Element, Element[]>();
  for (const b of elements.filter((e) => e.$type === 'bpmn:BoundaryEvent')) {
    const host = b.attachedToRef as Element | undefined;
    if (host) boundaries.set(host, [...(boundaries.get(host) ?? []), b]);
  }
  return { stepNodes, isStep: (n) => stepSet.has(n), stepIdOf, boundaries };
}
