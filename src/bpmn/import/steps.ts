/**
 * The journey's steps as the diagram draws them: each with its stage and ways on, who serves it
 * where that is drawn, its fail point (an error or escalation boundary event) and its wait (a
 * timer caught on the way to it).
 */
import type { Element } from '../moddle.js';
import type { Data, JourneyContext } from './context.js';
import { failCause, failProbability, isFailBoundary, isTimerCatch, timerWait } from './events.js';
import type { JourneyNodes } from './journey-nodes.js';
import type { JourneyOrganization } from './journey-organization.js';
import { documentationOf, label, shown } from './labels.js';
import type { Stages } from './stages.js';
import type { Walk, Walks } from './walks.js';

export function readSteps(
  ctx: JourneyContext,
  nodes: JourneyNodes,
  walks: Walks,
  stages: Stages,
  who: JourneyOrganization,
): Map<Element, Data> {
  const { roleOfNode } = who.organization;
  const stepOfNode = new Map<Element, Data>();
  for (const node of nodes.stepNodes) {
    const step: Data = {
      id: nodes.stepIdOf(node),
      name: label(node),
      stage: stages.stageOf(node),
      next: walks.nextOf(node),
    };
    const documented = documentationOf(node);
    if (documented) {
      step.description = documented;
      ctx.documented.add(node);
    }
    if (who.servedByLane && roleOfNode.has(node)) step.role = roleOfNode.get(node)?.role;
    if (ctx.scope.blackBox) {
      step.role = roleOfNode.get(node)?.role;
      step.touchpoint = label(node);
    }
    for (const b of nodes.boundaries.get(node) ?? []) readBoundary(ctx, step, node, b, walks);
    stepOfNode.set(node, step);
  }
  return stepOfNode;
}

/** An error or escalation is the step's fail point (its first); a boundary event leading nowhere is left out. */
function readBoundary(ctx: JourneyContext, step: Data, node: Element, b: Element, walks: Walks): void {
  const leads = ctx.graph.outgoing(b).length > 0;
  if (isFailBoundary(b) && leads && !step.fail) {
    const cause = failCause(b, ctx.interchange);
    step.fail = {
      p: failProbability(b, ctx.interchange, ctx.warn),
      ...(cause ? { cause } : {}),
      next: walks.nextOf(b),
    };
  } else if (!leads) ctx.warn(`boundary event '${shown(b)}' on '${shown(node)}' leads nowhere; left out`);
  else if (
    !isFailBoundary(b) &&
    (b.eventDefinitions as Element[] | undefined)?.[0]?.$type === 'bpmn:TimerEventDefinition'
  )
    ctx.warn(
      `timer '${shown(b)}' on '${shown(node)}' is read as one more way on from it; how long it waits is not`,
    );
}

/** Waits: a timer caught on the way to a step (the first such timer; the others are named). */
export function addWaits(ctx: JourneyContext, byId: Map<string, Data>, walk: Walk): void {
  for (const timer of ctx.elements.filter(isTimerCatch)) {
    const reached = [...walk(timer).keys()].filter((id) => byId.has(id));
    if (reached.length === 0) continue;
    const wait = timerWait(timer, ctx.interchange, ctx.warn);
    if (!wait) continue;
    for (const id of reached) {
      const step = byId.get(id) as Data;
      if (step.wait)
        ctx.warn(`'${step.name}' is reached after more than one timer; '${shown(timer)}' is left out`);
      else step.wait = wait;
    }
  }
}
