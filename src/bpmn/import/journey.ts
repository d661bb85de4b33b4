/**
 * The customer's journey read from a BPMN file's structure: which pool is the customer's, its
 * steps and their ways on with probabilities, waits and fail points, stages from sub-processes,
 * segments from its lanes, the start and the ends; the other pools the organization behind it.
 * Each of these is read in a file of its own; this one puts them together in the model's order.
 */

import { plural } from '../../text/plural.js';
import type { Element } from '../moddle.js';
import type { BpmnImport } from './bpmn-import.js';
import { type Data, type JourneyContext, journeyContext } from './context.js';
import { endMaker } from './ends.js';
import { type JourneyNodes, journeyNodes } from './journey-nodes.js';
import { type JourneyOrganization, journeyOrganization } from './journey-organization.js';
import { documentationOf } from './labels.js';
import { warnLeftOut } from './left-out.js';
import { withOrganization } from './organization-merge.js';
import { reachableFrom, stepBefore } from './reach.js';
import { journeyScope } from './scope.js';
import { applyArrivals, segmentsOf, segmentsWithShares } from './segments.js';
import { placeInStages, stageMaker } from './stages.js';
import { readStart } from './start.js';
import { fillSteps } from './step-fill.js';
import { addWaits, readSteps } from './steps.js';
import { linkTouchpoints } from './touchpoints.js';
import { journeyWalks } from './walks.js';

export function readJourney(
  definitions: Element,
  options: { customerPool?: string; name?: string },
  warnings: string[],
): BpmnImport {
  const scope = journeyScope(definitions, options.customerPool);
  if ('error' in scope) return { warnings, embedded: false, error: scope.error };
  if (scope.warning) warnings.push(scope.warning);
  const ctx = journeyContext(definitions, scope, warnings);
  const who = journeyOrganization(ctx);
  const nodes = journeyNodes(ctx);
  const ends = endMaker(ctx);
  const segments = segmentsOf(ctx);
  const segmentIds = segments.list.map((s) => String(s.id));
  const walks = journeyWalks(ctx, nodes, ends, segmentIds);
  const stages = stageMaker(ctx);
  const stepOfNode = readSteps(ctx, nodes, walks, stages, who);
  const steps = [...stepOfNode.values()];
  addWaits(ctx, new Map(steps.map((s) => [s.id as string, s])), walks.walk);
  linkJourneyTouchpoints(ctx, nodes, stepOfNode, who);
  const start = readStart(ctx, nodes, walks, segmentIds);
  // linesight's own exports say the arrivals where the model had them; BPSim's are for other tools' files.
  const modelSaid = ctx.interchange.model();
  if (modelSaid.arrivals === undefined && modelSaid.segments === undefined)
    applyArrivals(start.starts, segments.list, ctx);

  // Steps no customer reaches would fail validation: they are named and left out.
  const reachable = reachableFrom(start.targets, new Map(steps.map((s) => [s.id as string, s])));
  const kept = steps.filter((s) => reachable.has(s.id as string));
  for (const s of steps)
    if (!reachable.has(s.id as string)) ctx.warn(`task '${s.name}' cannot be reached from a start; left out`);
  fillSteps(nodes.stepNodes, stepOfNode, ctx.interchange);
  placeInStages(nodes.stepNodes, stepOfNode, modelSaid.stages, (node) =>
    stepBefore(node, ctx.graph, stepOfNode),
  );
  warnLeftOut(ctx);
  const about = modelDocumentation(ctx);
  warnUndocumented(definitions, ctx, about.from);

  const { segments: _given, ...modelData } = modelSaid;
  return {
    embedded: false,
    warnings,
    model: {
      linesight: 1,
      name: modelName(definitions, ctx, options.name),
      ...(about.text ? { description: about.text } : {}),
      ...modelData,
      segments: segmentsWithShares(segments),
      ...withOrganization(modelData.organization, who.organization.departments),
      stages: (modelData.stages as Data[] | undefined) ?? stages.used(kept),
      steps: kept,
      ends: ends.list.filter((e) => reachable.has(e.id as string)),
      start: start.start,
    },
  };
}

/** The model's description: the documentation of the customer's collaboration, else of its process. */
function modelDocumentation(ctx: JourneyContext): { text?: string; from?: Element } {
  const own = ctx.scope.pools.collaborations.find((c) =>
    ((c.participants as Element[] | undefined) ?? []).includes(ctx.scope.customer as Element),
  );
  for (const e of [own, ctx.scope.journeyProcess]) {
    const text = documentationOf(e);
    if (text && e) return { text, from: e };
  }
  return {};
}

/**
 * Documentation the model has no place for (on flows, gateways, events, pools, lanes, another
 * process, a touchpoint): counted and said, not dropped without a word. A step's or backstage
 * activity's is its description, the collaboration's or process's the model's.
 */
function warnUndocumented(definitions: Element, ctx: JourneyContext, carried: Element | undefined): void {
  let count = 0;
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const e = value as Element;
    if (typeof e.$type !== 'string' || e.$type === 'bpmn:Documentation') return;
    if (documentationOf(e) && e !== carried && !ctx.documented.has(e)) count++;
    for (const [key, v] of Object.entries(e))
      if (
        !key.startsWith('$') &&
        !/Ref$|^(incoming|outgoing|sourceRef|targetRef|attachedToRef|bpmnElement|di)$/.test(key)
      )
        visit(v);
  };
  visit(definitions.rootElements);
  if (count > 0)
    ctx.warn(
      `the documentation of ${plural(count, 'element', 'elements')} is not read (on flows, gateways, events, pools, lanes, touchpoints or tasks left out): a model keeps the documentation of the process, its steps and their backstage activities`,
    );
}

/** The file's name, else that of the collaboration the customer's pool is in (else the first), else the process's. */
function modelName(definitions: Element, ctx: JourneyContext, given: string | undefined): string {
  const { collaborations } = ctx.scope.pools;
  const { customer } = ctx.scope;
  const own = collaborations.find((c) =>
    ((c.participants as Element[] | undefined) ?? []).includes(customer as Element),
  );
  return String(
    definitions.name ??
      own?.name ??
      collaborations[0]?.name ??
      ctx.scope.journeyProcess.name ??
      given ??
      'Imported from BPMN',
  );
}

/** Message flows between a step and another pool: who serves the step, and the work behind it. */
function linkJourneyTouchpoints(
  ctx: JourneyContext,
  nodes: JourneyNodes,
  stepOfNode: Map<Element, Data>,
  who: JourneyOrganization,
): void {
  const journeyNodes = new Set(ctx.elements);
  const stepOf = (node: Element | undefined): Data | undefined => {
    for (let n = node; n; n = n.$parent as Element | undefined) {
      if (stepOfNode.has(n)) return stepOfNode.get(n);
      if (journeyNodes.has(n)) return stepBefore(n, ctx.graph, stepOfNode);
    }
    return undefined;
  };
  const served = ctx.scope.blackBox
    ? new Map(nodes.stepNodes.map((n) => [n, stepOfNode.get(n) as Data]))
    : new Map<Element, Data>();
  linkTouchpoints({
    graph: ctx.graph,
    organization: who.organization,
    messageFlows: ctx.scope.pools.messageFlows,
    stepOf,
    served,
    makeId: ctx.makeId,
    documented: ctx.documented,
    interchange: ctx.interchange,
    warn: ctx.warn,
  });
}
