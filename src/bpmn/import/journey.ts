/**
 * The customer's journey read from a BPMN file's structure: which pool is the customer's, its
 * steps and their ways on with probabilities, waits and fail points, stages from sub-processes,
 * segments from its lanes, the start and the ends; the other pools the organization behind it.
 */
import { fewOf } from '../../model/clip.js';
import { gatewayWalk, type Share } from '../gateway-walk.js';
import type { BpmnImport } from '../import.js';
import { readInterchange } from '../interchange/read.js';
import type { Element } from '../moddle.js';
import { failProbability, isFailBoundary, isTimerCatch, timerWait } from './events.js';
import { edgesOf, isJourneyEnd } from './flow.js';
import {
  allElements,
  children,
  flowGraph,
  isActivity,
  isEventSubProcess,
  isExpandedSubProcess,
} from './graph.js';
import { idMaker, label, shown } from './labels.js';
import { allLanes, organizationOf } from './organization.js';
import { branchShares } from './probabilities.js';
import { journeyScope } from './scope.js';
import { linkTouchpoints } from './touchpoints.js';

const EXIT = /cancel|abandon|reject|declin|fail|error|lost|terminat|escalat|refus|timeout|no\b/i;

type Data = Record<string, unknown>;

export function readJourney(
  definitions: Element,
  options: { customerPool?: string; name?: string },
  warnings: string[],
): BpmnImport {
  const scope = journeyScope(definitions, options.customerPool);
  if ('error' in scope) return { warnings, embedded: false, error: scope.error };
  if (scope.warning) warnings.push(scope.warning);
  const interchange = readInterchange(definitions);
  const warn = (message: string) => warnings.push(message);
  const once = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (!once.has(key)) {
      once.add(key);
      warn(message);
    }
  };
  const ids = idMaker();
  const makeId = (e: Element, fallback: string) => ids.of(e, fallback);
  const { journeyProcess, customer, pools, flatten } = scope;
  const graph = flowGraph(pools.processes);

  // Organization: every other pool a department, its lanes roles.
  const touching = (p: Element) =>
    pools.messageFlows.some((m) =>
      [m.sourceRef, m.targetRef].some((x) => scope.ownerOf(x as Element) === p),
    ) &&
    pools.messageFlows.some((m) =>
      [m.sourceRef, m.targetRef].some((x) => scope.ownerOf(x as Element) === customer),
    );
  const organization = organizationOf(
    pools.participants.filter((p) => p !== customer),
    touching,
    makeId,
    interchange,
  );
  const departments = organization.departments;
  const journeyLanes = allLanes(journeyProcess);
  const servedByLane = !customer && journeyLanes.length > 0;
  if (servedByLane) {
    const department = makeId(
      { $type: 'department', name: label(journeyProcess) === '?' ? 'Organization' : label(journeyProcess) },
      'organization',
    );
    departments.push({
      id: department,
      name: label(journeyProcess),
      visibility: 'frontstage',
      roles: journeyLanes.map((l) => ({ id: makeId(l, 'role'), name: label(l) })),
    });
    for (const lane of journeyLanes)
      for (const node of (lane.flowNodeRef as Element[] | undefined) ?? [])
        organization.roleOfNode.set(node, { role: makeId(lane, 'role'), department });
  }

  // The journey's nodes: event sub-processes run only when their event occurs.
  const eventSubs = allElements(journeyProcess).filter(isEventSubProcess);
  for (const e of eventSubs)
    warn(`event sub-process '${shown(e)}' runs only when its event occurs; left out`);
  const inEventSub = (e: Element) => {
    for (let n = e.$parent as Element | undefined; n; n = n.$parent as Element | undefined)
      if (isEventSubProcess(n)) return true;
    return false;
  };
  const elements = allElements(journeyProcess).filter((e) => !isEventSubProcess(e) && !inEventSub(e));
  const stepNodes = scope.blackBox
    ? scope.touchpointTasks
    : elements.filter((e) => isActivity(e) && !(flatten && isExpandedSubProcess(e)));
  const stepSet = new Set(stepNodes);
  const stepIdOf = (e: Element) => {
    const given = interchange.step(String(e.id)).id;
    return ids.of(e, 'step', typeof given === 'string' && !ids.taken(given) ? given : undefined);
  };
  const boundaries = new Map<Element, Element[]>();
  for (const b of elements.filter((e) => e.$type === 'bpmn:BoundaryEvent')) {
    const host = b.attachedToRef as Element | undefined;
    if (host) boundaries.set(host, [...(boundaries.get(host) ?? []), b]);
  }

  // Ends.
  const ends: Data[] = [];
  const endOf = new Map<Element, string>();
  const end = (e: Element) => {
    if (!endOf.has(e)) {
      const said = interchange.element(String(e.id));
      // linesight draws one end event per place an end is reached: they are one end of the model.
      const known = typeof said.end === 'string' ? ends.find((x) => x.id === said.end) : undefined;
      if (known) {
        endOf.set(e, String(known.id));
        return String(known.id);
      }
      const id =
        typeof said.end === 'string' && !ids.taken(said.end) ? ids.of(e, 'end', said.end) : makeId(e, 'end');
      endOf.set(e, id);
      ends.push({
        id,
        name: label(e) === String(e.id) ? 'Done' : label(e),
        outcome:
          said.outcome === 'exit' || said.outcome === 'success'
            ? said.outcome
            : EXIT.test(label(e))
              ? 'exit'
              : 'success',
      });
    }
    return endOf.get(e) as string;
  };
  let implicitEnd: string | undefined;
  const done = () => {
    if (!implicitEnd) {
      implicitEnd = makeId({ $type: 'end', name: 'Done' }, 'done');
      ends.push({ id: implicitEnd, name: 'Done', outcome: 'success' });
    }
    return implicitEnd;
  };

  // Segments: the interchange's, else the customer pool's lanes.
  const given = interchange.model().segments as Data[] | undefined;
  const customerLanes = customer ? allLanes(customer.processRef as Element | undefined) : [];
  const segments: Data[] =
    given ??
    (customerLanes.length > 1
      ? customerLanes.map((l) => ({ id: makeId(l, 'segment'), name: label(l) }))
      : [{ id: 'customers', name: customer ? label(customer) : 'Customers' }]);
  if (!given && customerLanes.length > 1)
    warn(
      `the customer pool's lanes became segments with equal shares: ${segments.map((s) => s.name).join(', ')}`,
    );

  const flowTerms = { graph, isStep: (n: Element) => stepSet.has(n), boundaries, flatten };
  const edges = edgesOf(flowTerms);
  const walkFor = (segment: string | undefined) =>
    gatewayWalk({
      edgesOf: edges,
      sharesOf: (node, out) => branchShares(node, out, { interchange, segment, warnOnce }),
      isStep: (n) => stepSet.has(n),
      isEnd: isJourneyEnd(flatten),
      stepId: stepIdOf,
      endId: end,
      done,
      warn: (m) => warnOnce(m, m),
      shown,
    });
  const walk = walkFor(undefined);
  const perSegment = hasShares(graph, elements, interchange)
    ? segments.map((s) => [String(s.id), walkFor(String(s.id))] as const)
    : [];
  const parallel = elements.find((e) => e.$type === 'bpmn:ParallelGateway' && graph.outgoing(e).length > 1);
  if (parallel)
    warn(`parallel split at '${shown(parallel)}' is read as a choice: a customer walks one path at a time`);
  const nextOf = (node: Element): unknown => {
    const common = flowData(walk(node));
    if (perSegment.length === 0) return common;
    const bySegment = Object.fromEntries(perSegment.map(([id, w]) => [id, flowData(w(node))]));
    const text = JSON.stringify(common);
    return Object.values(bySegment).every((f) => JSON.stringify(f) === text) ? common : bySegment;
  };

  // Stages: each top-level sub-process walked through is one.
  const stages: Data[] = [];
  const defaultStage = {
    id: 'journey',
    name: String(journeyProcess.name ?? customer?.name ?? 'Journey'),
  };
  const stageOf = (node: Element) => {
    let top: Element | undefined;
    for (
      let n = node.$parent as Element | undefined;
      n && n !== journeyProcess;
      n = n.$parent as Element | undefined
    )
      if (flatten && isExpandedSubProcess(n)) top = n;
    if (!top) return defaultStage.id;
    const id = makeId(top, 'stage');
    if (!stages.some((s) => s.id === id)) stages.push({ id, name: label(top) });
    return id;
  };

  const steps: Data[] = [];
  const stepOfNode = new Map<Element, Data>();
  for (const node of stepNodes) {
    const step: Data = { id: stepIdOf(node), name: label(node), stage: stageOf(node), next: nextOf(node) };
    if (servedByLane && organization.roleOfNode.has(node))
      step.role = organization.roleOfNode.get(node)?.role;
    if (scope.blackBox) {
      step.role = organization.roleOfNode.get(node)?.role;
      step.touchpoint = label(node);
    }
    for (const b of boundaries.get(node) ?? []) {
      if (isFailBoundary(b) && graph.outgoing(b).length > 0 && !step.fail) {
        step.fail = { p: failProbability(b, interchange, warn), cause: label(b), next: nextOf(b) };
      } else if (graph.outgoing(b).length === 0)
        warn(`boundary event '${shown(b)}' on '${shown(node)}' leads nowhere; left out`);
      else if (
        !isFailBoundary(b) &&
        (b.eventDefinitions as Element[] | undefined)?.[0]?.$type === 'bpmn:TimerEventDefinition'
      )
        warn(
          `timer '${shown(b)}' on '${shown(node)}' is read as one more way on from it; how long it waits is not`,
        );
    }
    steps.push(step);
    stepOfNode.set(node, step);
  }
  const byId = new Map(steps.map((s) => [s.id as string, s]));

  // Waits: a timer caught on the way to a step.
  for (const timer of elements.filter(isTimerCatch)) {
    const reached = [...walk(timer).keys()].filter((id) => byId.has(id));
    if (reached.length === 0) continue;
    const wait = timerWait(timer, interchange, warn);
    if (!wait) continue;
    for (const id of reached) {
      const step = byId.get(id) as Data;
      if (step.wait)
        warn(`'${step.name}' is reached after more than one timer; '${shown(timer)}' is left out`);
      else step.wait = wait;
    }
  }

  // Touchpoints and the work behind them.
  const journeyNodes = new Set(elements);
  const stepOf = (node: Element | undefined): Data | undefined => {
    for (let n = node; n; n = n.$parent as Element | undefined) {
      if (stepOfNode.has(n)) return stepOfNode.get(n);
      if (journeyNodes.has(n)) return stepBefore(n, graph, stepOfNode);
    }
    return undefined;
  };
  linkTouchpoints({
    graph,
    organization,
    messageFlows: pools.messageFlows,
    stepOf,
    served: scope.blackBox ? new Map(stepNodes.map((n) => [n, stepOfNode.get(n) as Data])) : new Map(),
    makeId,
    interchange,
    warn,
  });

  // Start: the start events' ways on, or the nodes nothing leads to.
  const topLevel = children(journeyProcess).filter((e) => !isEventSubProcess(e));
  const starts = topLevel.filter((f) => f.$type === 'bpmn:StartEvent');
  const roots =
    starts.length > 0
      ? starts
      : topLevel.filter(
          (a) =>
            (isActivity(a) || a.$type.endsWith('Gateway') || a.$type.endsWith('Event')) &&
            a.$type !== 'bpmn:BoundaryEvent' &&
            graph.incoming(a).length === 0,
        );
  if (starts.length === 0 && roots.length > 0)
    warn(
      `no start event: the journey starts at ${fewOf(roots.map((r) => `'${shown(r)}'`))}, which nothing leads to`,
    );
  // Each start's share of a segment's customers: as the file says (linesight's exports), else even.
  const startShares = roots.map((r) => interchange.shares(String(r.id)));
  const startsSaid = startShares.some((x) => x !== undefined);
  if (roots.length > 1 && !startsSaid)
    warn(`${roots.length} starts: each takes an even share of the customers`);
  const entryFor = (segment: string | undefined, walker: typeof walk) => {
    const entry = new Map<string, Share>();
    const add = (id: string, p: number, label?: string) => {
      const before = entry.get(id);
      entry.set(id, { p: (before?.p ?? 0) + p, label: before?.label ?? label });
    };
    roots.forEach((s, i) => {
      const weight =
        startsSaid && segment !== undefined ? (startShares[i]?.[segment] ?? 0) : 1 / roots.length;
      if (weight <= 0) return;
      if (stepSet.has(s)) add(stepIdOf(s), weight);
      else for (const [id, { p, label }] of walker(s)) add(id, p * weight, label);
    });
    return entry;
  };
  const entry = entryFor(undefined, walk);
  if (entry.size === 0 && stepNodes[0]) entry.set(stepIdOf(stepNodes[0]), { p: 1 });
  const startBySegment =
    startsSaid || perSegment.length > 0
      ? segments.map((seg) => {
          const id = String(seg.id);
          const walker = perSegment.find(([s]) => s === id)?.[1] ?? walk;
          return [id, flowData(entryFor(id, walker))] as const;
        })
      : [];
  // linesight's own exports say the arrivals where the model had them; BPSim's are for other tools' files.
  const modelSaid = interchange.model();
  if (modelSaid.arrivals === undefined && modelSaid.segments === undefined)
    applyArrivals(starts, segments, interchange, warn);

  // Steps no customer reaches would fail validation: they are named and left out.
  const reachable = reachableFrom(
    [...entry.keys(), ...startBySegment.flatMap(([, f]) => flowTargets(f))],
    byId,
  );
  const kept = steps.filter((s) => reachable.has(s.id as string));
  for (const s of steps)
    if (!reachable.has(s.id as string)) warn(`task '${s.name}' cannot be reached from a start; left out`);
  for (const node of stepNodes) {
    const step = stepOfNode.get(node) as Data;
    const said = interchange.step(String(node.id));
    // A step linesight exported says who serves it: a role read from its message flow is not added.
    if (said.id !== undefined) for (const key of WHO_SERVES) if (!(key in said)) delete step[key];
    fillStep(step, withoutId(said));
  }
  placeInStages(stepNodes, stepOfNode, interchange.model().stages, (node) =>
    stepBefore(node, graph, stepOfNode),
  );
  const keptEnds = ends.filter((e) => reachable.has(e.id as string));
  for (const other of ['bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:DataObject']) {
    const count = elements.filter((f) => f.$type === other).length;
    if (count > 0)
      warn(`${count} ${other.slice(5)} element(s) have no place in a customer process; left out`);
  }
  const artifacts =
    ((journeyProcess.artifacts as Element[] | undefined) ?? []).length +
    pools.collaborations.reduce((n, c) => n + ((c.artifacts as Element[] | undefined) ?? []).length, 0);
  if (artifacts > 0) warn(`${artifacts} annotation(s), group(s) or association(s) left out`);

  const usedStages = new Set(kept.map((s) => s.stage));
  const common = flowData(entry);
  const startText = JSON.stringify(common);
  const start =
    startBySegment.length === 0 || startBySegment.every(([, f]) => JSON.stringify(f) === startText)
      ? common
      : Object.fromEntries(startBySegment);
  const { segments: _given, ...modelData } = interchange.model();
  return {
    embedded: false,
    warnings,
    model: {
      linesight: 1,
      name: String(
        definitions.name ??
          pools.collaborations[0]?.name ??
          journeyProcess.name ??
          options.name ??
          'Imported from BPMN',
      ),
      ...modelData,
      segments:
        given ??
        segments.map((s, i) => ({
          ...s,
          share: i === 0 ? 1 - (segments.length - 1) * (1 / segments.length) : 1 / segments.length,
        })),
      ...withOrganization(modelData.organization, departments),
      stages: (modelData.stages as Data[] | undefined) ?? [
        ...(usedStages.has(defaultStage.id) ? [defaultStage] : []),
        ...stages.filter((s) => usedStages.has(s.id)),
      ],
      steps: kept,
      ends: keptEnds,
      start,
    },
  };
}

/**
 * The organization the diagram's pools and lanes show, over the one the file says it had (its
 * systems, and what lanes cannot hold): the said order, each department and role as drawn.
 */
function withOrganization(said: unknown, drawn: Data[]): Data {
  const given = said && typeof said === 'object' ? (said as Data) : undefined;
  if (!given) return drawn.length > 0 ? { organization: { departments: drawn } } : {};
  // What the file says wins (a lane's visibility is its role's, its name a label); what only the
  // diagram has is added.
  const overlay = (before: Data[], now: Data[]): Data[] => {
    const byId = new Map(now.map((x) => [x.id, x]));
    const merged = before.map((b) => {
      const d = byId.get(b.id);
      return d && Array.isArray(b.roles) && Array.isArray(d.roles)
        ? { ...b, roles: overlay(b.roles, d.roles) }
        : b;
    });
    const known = new Set(before.map((b) => b.id));
    return [...merged, ...now.filter((d) => !known.has(d.id))];
  };
  const departments = Array.isArray(given.departments) ? (given.departments as Data[]) : [];
  return { organization: { ...given, departments: overlay(departments, drawn) } };
}

const WHO_SERVES = ['role', 'system', 'pool', 'touchpoint'];

/**
 * A task added in a modeler to a linesight export has no stage of the model's: it joins the stage
 * of the step before it (else the first stage), as a person adding a step there would mean.
 */
function placeInStages(
  nodes: Element[],
  stepOfNode: Map<Element, Data>,
  stages: unknown,
  before: (node: Element) => Data | undefined,
): void {
  if (!Array.isArray(stages) || stages.length === 0) return;
  const known = new Set(stages.map((s) => (s as Data).id));
  const first = (stages[0] as Data).id;
  for (const node of nodes) {
    const step = stepOfNode.get(node) as Data;
    if (known.has(step.stage)) continue;
    const previous = before(node);
    step.stage = previous && known.has(previous.stage) ? previous.stage : first;
  }
}

/** A walk's result as a model's `next`: one id, or the branches with their probabilities and labels. */
function flowData(reached: Map<string, Share>): unknown {
  // A way this segment never takes (0 in the file) is no way on for it.
  const taken = [...reached].filter(([, s]) => s.p > 0);
  const branches = (taken.length > 0 ? taken : [...reached]).map(([to, s]) =>
    s.label === undefined ? { to, p: s.p } : { to, p: s.p, label: s.label },
  );
  return branches.length === 1 ? branches[0]?.to : branches;
}

/**
 * A step read from the diagram, filled in with what the file says of it: a fail or wait point the
 * diagram draws keeps its drawn way on, and takes its severity, cause or reason as written.
 */
function fillStep(step: Data, said: Data): void {
  const isData = (x: unknown): x is Data => typeof x === 'object' && x !== null && !Array.isArray(x);
  for (const [key, value] of Object.entries(said)) {
    const drawn = step[key];
    // The cause and reason as written, not as cut short for a label; the way on as drawn.
    if ((key === 'fail' || key === 'wait') && isData(drawn) && isData(value))
      step[key] = { ...drawn, ...value, ...('next' in drawn ? { next: drawn.next } : {}) };
    else step[key] = value;
  }
}

function withoutId(data: Data): Data {
  const { id: _id, ...rest } = data;
  return rest;
}

function hasShares(
  graph: ReturnType<typeof flowGraph>,
  elements: Element[],
  interchange: ReturnType<typeof readInterchange>,
): boolean {
  return elements.some((e) => graph.outgoing(e).some((f) => interchange.shares(String(f.id)) !== undefined));
}

/** The step a node of the journey comes after: the nearest one walking back along sequence flows. */
function stepBefore(
  node: Element,
  graph: ReturnType<typeof flowGraph>,
  steps: Map<Element, Data>,
): Data | undefined {
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

/** The ids a flow in model-file form leads to. */
function flowTargets(flow: unknown): string[] {
  if (typeof flow === 'string') return [flow];
  if (Array.isArray(flow)) return flow.map((b) => (b as { to: string }).to);
  return flow && typeof flow === 'object' ? Object.values(flow).flatMap(flowTargets) : [];
}

function reachableFrom(entry: string[], byId: Map<string, Data>): Set<string> {
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

/** Arrivals the interchange gives at a start event go to the segment it names, or the only one. */
function applyArrivals(
  starts: Element[],
  segments: Data[],
  interchange: ReturnType<typeof readInterchange>,
  warn: (m: string) => void,
): void {
  for (const s of starts) {
    const arrivals = interchange.arrivals(String(s.id));
    if (!arrivals) continue;
    const { segment, ...rest } = arrivals;
    const target =
      segments.find((x) => x.id === segment) ?? (segments.length === 1 ? segments[0] : undefined);
    if (target) target.arrivals = rest;
    else warn(`the arrivals at '${shown(s)}' name no segment of the model; left out`);
  }
}
