/**
 * BPMN 2.0 into a customer process model, read with bpmn-moddle:
 *
 * - a file linesight exported carries its model (`linesight:model`): that is read back whole;
 * - otherwise the customer's pool (named, or recognised by its name) becomes the journey: its
 *   tasks and sub-processes the steps, its lanes the customer segments, its start and end events
 *   the start and the ends, its gateways the branches (split evenly: BPMN has no probabilities
 *   without BPSim). The other pools become departments, their lanes roles. A message flow from a
 *   customer step to another pool's task makes that task's role serve the step; the tasks that
 *   follow it in that pool become the step's backstage activities.
 * - a file with one process and no customer pool is read as the customer's journey itself.
 *
 * Whatever does not map is named in a warning; the result is a model file's data.
 */
import { clip, fewOf } from '../model/clip.js';
import { mergeEmbedded } from './embedded.js';
import { gatewayWalk } from './gateway-walk.js';
import { createModdle, type Element } from './moddle.js';
import { dropStaleScenarios } from './stale-scenarios.js';

export interface BpmnImport {
  /** The model file's data; absent when the file cannot be read as a journey. */
  model?: Record<string, unknown>;
  warnings: string[];
  /** Why nothing could be made of the file, with what to do. */
  error?: { message: string; hint: string };
  /** True when the file carried linesight's own model. */
  embedded: boolean;
}

const ACTIVITY =
  /^bpmn:(Task|UserTask|ServiceTask|SendTask|ReceiveTask|ManualTask|ScriptTask|BusinessRuleTask|SubProcess|CallActivity|AdHocSubProcess|Transaction)$/;
const CUSTOMER =
  /customer|client|buyer|consumer|patient|citizen|guest|passenger|applicant|shopper|member|user|requester/i;
const EXIT = /cancel|abandon|reject|declin|fail|error|lost|terminat|escalat|refus|timeout|no\b/i;

/** Parser warnings listed one by one; the rest are counted. */
const MAX_PARSER_WARNINGS = 20;

export async function importBpmn(
  xml: string,
  options: { customerPool?: string; ignoreEmbedded?: boolean; name?: string } = {},
): Promise<BpmnImport> {
  const moddle = createModdle();
  let definitions: Element;
  const warnings: string[] = [];
  try {
    const parsed = await moddle.fromXML(xml);
    definitions = parsed.rootElement;
    // A damaged file can give a warning per attribute, tens of thousands: the first ones, and a count.
    for (const w of parsed.warnings.slice(0, MAX_PARSER_WARNINGS))
      warnings.push(`not read${parserProblem(w.message)}`);
    if (parsed.warnings.length > MAX_PARSER_WARNINGS)
      warnings.push(
        `${(parsed.warnings.length - MAX_PARSER_WARNINGS).toLocaleString('en-US')} more parts of the file were not read`,
      );
  } catch (error) {
    return {
      warnings,
      embedded: false,
      error: {
        message: `the file is not well-formed BPMN XML${parserProblem((error as Error).message)}`,
        hint: 'check that it is a BPMN 2.0 file saved by a modeler',
      },
    };
  }
  if (definitions?.$type !== 'bpmn:Definitions') {
    return {
      warnings,
      embedded: false,
      error: {
        message: `the file is XML but not BPMN 2.0 (its root is ${String(definitions?.$type ?? 'unknown')})`,
        hint: 'a BPMN file starts with <bpmn:definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL',
      },
    };
  }
  const embedded = [
    ...((definitions.rootElements as Element[] | undefined) ?? []).filter(
      (r) => r.$type === 'bpmn:Collaboration',
    ),
    definitions,
  ]
    .flatMap((e) => ((e.extensionElements as Element | undefined)?.values as Element[] | undefined) ?? [])
    .find((v) => v.$type === 'linesight:Model');
  if (embedded && !options.ignoreEmbedded) {
    let data: Record<string, unknown> | undefined;
    try {
      data = JSON.parse(String(embedded.text));
    } catch {
      warnings.push('the embedded linesight model is damaged; the diagram is read instead');
    }
    if (data) return fromEdited(definitions, data, options, warnings);
  }
  return readStructure(definitions, options, warnings);
}

/**
 * A linesight export, maybe edited in a modeler since: the journey the diagram shows, filled in
 * from the model it carries, with what changed said.
 */
function fromEdited(
  definitions: Element,
  embedded: Record<string, unknown>,
  options: { customerPool?: string; name?: string },
  warnings: string[],
): BpmnImport {
  const drawn = readStructure(definitions, options, []);
  if (!drawn.model) {
    warnings.push(
      `the diagram could not be read as a journey (${drawn.error?.message}); the model it carries is used as it was exported`,
    );
    return { model: embedded, warnings, embedded: true };
  }
  const { model, changes } = mergeEmbedded(drawn.model, embedded);
  warnings.push(...changes.map((c) => `changed in the diagram: ${c}`));
  // How the diagram was read matters only where it differs from the model it carries.
  if (changes.length > 0) warnings.push(...drawn.warnings);
  return { model: dropStaleScenarios(model, warnings), warnings, embedded: true };
}

/**
 * The XML parser's message in a sentence: where (its line and column count from 0) and what, with
 * the offending text cut short; it quotes the text whole, which may be megabytes.
 */
function parserProblem(message: string): string {
  const field = (name: string) => new RegExp(`^\\s*${name}: (.*)$`, 'm').exec(message)?.[1];
  const line = Number(field('line'));
  const column = Number(field('column'));
  const where =
    Number.isInteger(line) && Number.isInteger(column) ? ` at line ${line + 1}, column ${column + 1}` : '';
  const content = /^unparsable content ([\s\S]*?) detected$/m.exec(message)?.[1];
  const what =
    field('nested error') ?? (content === undefined ? message.split('\n')[0] : 'unparsable content');
  return `${where}: ${clip(what ?? 'unreadable')}${content === undefined ? '' : ` (near "${clip(content)}")`}`;
}

function readStructure(
  definitions: Element,
  options: { customerPool?: string; name?: string },
  warnings: string[],
): BpmnImport {
  const roots = (definitions.rootElements as Element[] | undefined) ?? [];
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const collaboration = roots.find((r) => r.$type === 'bpmn:Collaboration');
  const participants = (collaboration?.participants as Element[] | undefined) ?? [];
  const label = (e: Element | undefined) =>
    String(e?.name ?? e?.id ?? '?')
      .replace(/\s+/g, ' ')
      .trim();
  /** A name as messages and warnings quote it: cut short when it is long. */
  const shown = (e: Element | undefined) => clip(label(e));

  // Which pool is the customer's.
  let journey: Element | undefined;
  let customerParticipant: Element | undefined;
  if (options.customerPool !== undefined) {
    const wanted = options.customerPool.toLowerCase();
    customerParticipant = participants.find(
      (p) => label(p).toLowerCase() === wanted || String(p.id).toLowerCase() === wanted,
    );
    if (!customerParticipant) {
      return {
        warnings,
        embedded: false,
        error: {
          message: `there is no pool named '${clip(options.customerPool)}'`,
          hint: `the pools are ${fewOf(participants.map((p) => `'${shown(p)}'`)) || 'none (the file has one process and no pools)'}`,
        },
      };
    }
  } else if (participants.length > 0) {
    const candidates = participants.filter((p) => CUSTOMER.test(label(p)));
    const tasks = (p: Element) =>
      (((p.processRef as Element | undefined)?.flowElements as Element[] | undefined) ?? []).filter((f) =>
        ACTIVITY.test(f.$type),
      ).length;
    if (candidates.length === 1) customerParticipant = candidates[0];
    else if (candidates.length > 1) {
      return {
        warnings,
        embedded: false,
        error: {
          message: `several pools could be the customer's: ${fewOf(candidates.map((p) => `'${shown(p)}'`))}`,
          hint: 'name it with --customer-pool NAME',
        },
      };
    } else {
      // No pool is named like a customer: the one with the most tasks is read as the journey, and said so.
      const ranked = participants.filter((p) => tasks(p) > 0).sort((a, b) => tasks(b) - tasks(a));
      customerParticipant = ranked[0];
      if (customerParticipant) {
        warnings.push(
          `no pool is recognisably the customer's; '${shown(customerParticipant)}' (the most tasks) is read as the journey: choose another with --customer-pool NAME (pools: ${fewOf(participants.map((p) => `'${shown(p)}'`))})`,
        );
      }
    }
  }
  if (customerParticipant) {
    journey = customerParticipant.processRef as Element | undefined;
    if (
      !journey ||
      !((journey.flowElements as Element[] | undefined) ?? []).some((f) => ACTIVITY.test(f.$type))
    ) {
      return {
        warnings,
        embedded: false,
        error: {
          message: `the customer's pool '${shown(customerParticipant)}' has no tasks, so there is no journey to read`,
          hint: "choose the pool whose process holds the customer's steps with --customer-pool NAME",
        },
      };
    }
  } else {
    journey = processes.find((p) =>
      ((p.flowElements as Element[] | undefined) ?? []).some((f) => ACTIVITY.test(f.$type)),
    );
    if (!journey)
      return {
        warnings,
        embedded: false,
        error: { message: 'the file has no process with tasks', hint: 'a journey needs at least one task' },
      };
    warnings.push(`no customer pool: the process '${shown(journey)}' is read as the customer's journey`);
  }
  const journeyProcess = journey as Element;

  // Readable, unique ids.
  const used = new Set<string>();
  const idOf = new Map<Element, string>();
  const makeId = (e: Element, fallback: string) => {
    const cached = idOf.get(e);
    if (cached) return cached;
    const base =
      String(e.name ?? '')
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) ||
      String(e.id ?? fallback)
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^[^A-Za-z_]+/, '');
    let id = /^[A-Za-z_]/.test(base) ? base : `x-${base}`;
    for (let n = 2; used.has(id); n++) id = `${base || fallback}-${n}`;
    used.add(id);
    idOf.set(e, id);
    return id;
  };

  // Organization: every other pool a department, its lanes roles.
  const departments: Record<string, unknown>[] = [];
  const roleOfNode = new Map<Element, { role: string; department: string }>();
  const poolOfProcess = new Map<Element, string>();
  const messageFlows = (collaboration?.messageFlows as Element[] | undefined) ?? [];
  for (const p of participants) {
    if (p === customerParticipant) continue;
    const department = makeId(p, 'department');
    const process = p.processRef as Element | undefined;
    const touches = messageFlows.some((m) =>
      [m.sourceRef, m.targetRef].some(
        (x) => x === p || ownerProcess(x as Element, processes) === journeyProcess,
      ),
    );
    const roles: Record<string, unknown>[] = [];
    const lanes = process ? allLanes(process) : [];
    for (const lane of lanes) {
      const role = makeId(lane, 'role');
      roles.push({ id: role, name: label(lane) });
      for (const node of (lane.flowNodeRef as Element[] | undefined) ?? [])
        roleOfNode.set(node, { role, department });
    }
    const poolRole =
      lanes.length === 0 ? makeId({ $type: 'role', name: `${label(p)} staff` }, 'role') : undefined;
    if (poolRole) roles.push({ id: poolRole, name: `${label(p)} staff` });
    if (process) {
      poolOfProcess.set(process, department);
      for (const f of (process.flowElements as Element[] | undefined) ?? [])
        if (!roleOfNode.has(f)) roleOfNode.set(f, { role: poolRole ?? (roles[0]?.id as string), department });
    }
    roleOfNode.set(p, { role: poolRole ?? (roles[0]?.id as string), department });
    departments.push({
      id: department,
      name: label(p),
      visibility: touches ? 'frontstage' : 'backstage',
      roles,
    });
  }
  // A lone process read as the journey: its lanes are the roles that serve each step.
  const journeyLanes = allLanes(journeyProcess);
  const servedByLane = !customerParticipant && journeyLanes.length > 0;
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
        roleOfNode.set(node, { role: makeId(lane, 'role'), department });
  }

  // The journey's graph.
  const elements = (journeyProcess.flowElements as Element[] | undefined) ?? [];
  const activities = elements.filter((f) => ACTIVITY.test(f.$type));
  const boundary = elements.filter((f) => f.$type === 'bpmn:BoundaryEvent');
  const outgoing = (e: Element) => [
    ...((e.outgoing as Element[] | undefined) ?? []),
    ...boundary
      .filter((b) => b.attachedToRef === e)
      .flatMap((b) => (b.outgoing as Element[] | undefined) ?? []),
  ];
  for (const b of boundary)
    if (((b.outgoing as Element[] | undefined) ?? []).length > 0)
      warnings.push(
        `boundary event '${shown(b)}' on '${shown(b.attachedToRef as Element)}' is read as one more way on from it, split evenly`,
      );
  const ends: Record<string, unknown>[] = [];
  const endOf = new Map<Element, string>();
  const end = (e: Element) => {
    if (!endOf.has(e)) {
      const id = makeId(e, 'end');
      endOf.set(e, id);
      ends.push({
        id,
        name: label(e) === '?' ? 'Done' : label(e),
        outcome: EXIT.test(label(e)) ? 'exit' : 'success',
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
  const successors = gatewayWalk({
    flowsOf: (node) => outgoing(node).filter((f) => f.targetRef),
    isStep: (node) => ACTIVITY.test(node.$type),
    stepId: (node) => makeId(node, 'step'),
    endId: end,
    done,
    warn: (message) => warnings.push(message),
    shown,
  });

  const segmentsFromLanes = customerParticipant ? allLanes(journeyProcess) : [];
  const segments =
    segmentsFromLanes.length > 1
      ? segmentsFromLanes.map((l) => ({ id: makeId(l, 'segment'), name: label(l) }))
      : [{ id: 'customers', name: customerParticipant ? label(customerParticipant) : 'Customers' }];
  if (segmentsFromLanes.length > 1)
    warnings.push(
      `the customer pool's lanes became segments with equal shares: ${segments.map((s) => s.name).join(', ')}`,
    );
  const stageId = 'journey';
  const steps: Record<string, unknown>[] = [];
  const stepOfNode = new Map<Element, Record<string, unknown>>();
  for (const activity of activities) {
    const branches = [...successors(activity)].map(([to, p]) => ({ to, p }));
    const step: Record<string, unknown> = {
      id: makeId(activity, 'step'),
      name: label(activity),
      stage: stageId,
      next: branches.length === 1 ? branches[0]?.to : branches,
    };
    if (servedByLane && roleOfNode.has(activity)) step.role = roleOfNode.get(activity)?.role;
    if (activity.$type.endsWith('SubProcess') || activity.$type === 'bpmn:Transaction')
      warnings.push(`sub-process '${shown(activity)}' is read as one step; its inside is not walked`);
    steps.push(step);
    stepOfNode.set(activity, step);
  }

  // Touchpoints: message flows between a customer step and another pool.
  const served = new Map<Element, Record<string, unknown>>();
  const behind = new Set<Element>();
  /** The customer step a node of the customer's pool belongs to: itself, the sub-process around it, or the task before it. */
  const journeyNodes = new Set(elements);
  const stepOf = (node: Element | undefined): Record<string, unknown> | undefined => {
    for (let n = node; n; n = n.$parent as Element | undefined) {
      if (stepOfNode.has(n)) return stepOfNode.get(n);
      if (journeyNodes.has(n)) {
        const seen = new Set<Element>();
        const queue = [n];
        while (queue.length > 0) {
          const x = queue.shift() as Element;
          for (const flow of (x.incoming as Element[] | undefined) ?? []) {
            const source = flow.sourceRef as Element;
            if (stepOfNode.has(source)) return stepOfNode.get(source);
            if (!seen.has(source)) {
              seen.add(source);
              queue.push(source);
            }
          }
        }
        return undefined;
      }
    }
    return undefined;
  };
  /** The role behind a node of another pool: its own lane, or that of the element around it. */
  const roleOf = (node: Element | undefined) => {
    for (let n = node; n; n = n.$parent as Element | undefined)
      if (roleOfNode.has(n))
        return { who: roleOfNode.get(n) as { role: string; department: string }, node: n };
    return undefined;
  };
  for (const m of messageFlows) {
    const [a, b] = [m.sourceRef as Element, m.targetRef as Element];
    const fromCustomer = stepOf(a);
    const step = fromCustomer ?? stepOf(b);
    const found = roleOf(fromCustomer ? b : a);
    if (!step || !found) {
      warnings.push(
        `message flow '${shown(m)}' does not connect a customer step with another pool; left out`,
      );
      continue;
    }
    const other = found.node;
    if (step.role === undefined) {
      step.role = found.who.role;
      if (ACTIVITY.test(other.$type)) step.touchpoint = label(other);
      served.set(other, step);
    } else {
      served.set(other, step);
      if (ACTIVITY.test(other.$type)) addActivity(step, other, found.who);
    }
  }
  // Tasks behind a touchpoint: what follows the served task in its pool, until the next one served.
  for (const process of poolOfProcess.keys()) {
    for (const task of ((process.flowElements as Element[] | undefined) ?? []).filter((f) =>
      ACTIVITY.test(f.$type),
    )) {
      if (served.has(task) || behind.has(task)) continue;
      const owner = precedingServed(task, served);
      const step = owner ? served.get(owner) : undefined;
      if (step) addActivity(step, task, roleOfNode.get(task) as { role: string; department: string });
      else
        warnings.push(
          `task '${shown(task)}' of pool '${clip(poolOfProcess.get(process) ?? '')}' is not behind any customer touchpoint; left out`,
        );
    }
  }
  function addActivity(
    step: Record<string, unknown>,
    task: Element,
    who: { role: string; department: string },
  ) {
    if (behind.has(task)) return;
    behind.add(task);
    const list = (step.backstage as Record<string, unknown>[] | undefined) ?? [];
    list.push({
      id: makeId(task, 'activity'),
      name: label(task),
      department: who.department,
      role: who.role,
      bpmn: String(task.id),
    });
    step.backstage = list;
  }

  // Start: the start events' ways on, or the tasks nothing leads to.
  const starts = elements.filter((f) => f.$type === 'bpmn:StartEvent');
  const entry = new Map<string, number>();
  const roots2 =
    starts.length > 0
      ? starts
      : activities.filter((a) => ((a.incoming as Element[] | undefined) ?? []).length === 0);
  for (const s of roots2) {
    if (ACTIVITY.test(s.$type))
      entry.set(makeId(s, 'step'), (entry.get(makeId(s, 'step')) ?? 0) + 1 / roots2.length);
    else for (const [id, p] of successors(s)) entry.set(id, (entry.get(id) ?? 0) + p / roots2.length);
  }
  if (entry.size === 0 && activities[0]) entry.set(makeId(activities[0], 'step'), 1);

  // Steps no customer reaches would fail validation: they are named and left out.
  const reachable = new Set<string>();
  const queue = [...entry.keys()];
  const byId = new Map(steps.map((s) => [s.id as string, s]));
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    const next = byId.get(id)?.next;
    for (const t of typeof next === 'string'
      ? [next]
      : ((next as { to: string }[] | undefined) ?? []).map((b) => b.to))
      queue.push(t);
  }
  const kept = steps.filter((s) => reachable.has(s.id as string));
  for (const s of steps)
    if (!reachable.has(s.id as string))
      warnings.push(`task '${s.name}' cannot be reached from a start; left out`);
  const keptEnds = ends.filter((e) => reachable.has(e.id as string));
  for (const other of ['bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:DataObject']) {
    const count = elements.filter((f) => f.$type === other).length;
    if (count > 0)
      warnings.push(`${count} ${other.slice(5)} element(s) have no place in a customer process; left out`);
  }
  const artifacts =
    ((journeyProcess.artifacts as Element[] | undefined) ?? []).length +
    ((collaboration?.artifacts as Element[] | undefined) ?? []).length;
  if (artifacts > 0) warnings.push(`${artifacts} annotation(s), group(s) or association(s) left out`);

  const flowList = [...entry].map(([to, p]) => ({ to, p }));
  return {
    embedded: false,
    warnings,
    model: {
      linesight: 1,
      name: String(
        definitions.name ??
          collaboration?.name ??
          journeyProcess.name ??
          options.name ??
          'Imported from BPMN',
      ),
      segments: segments.map((s, i) => ({
        ...s,
        share: i === 0 ? 1 - (segments.length - 1) * (1 / segments.length) : 1 / segments.length,
      })),
      ...(departments.length > 0 ? { organization: { departments } } : {}),
      stages: [{ id: stageId, name: label(journeyProcess) === '?' ? 'Journey' : label(journeyProcess) }],
      steps: kept,
      ends: keptEnds,
      start: flowList.length === 1 ? flowList[0]?.to : flowList,
    },
  };
}

function allLanes(process: Element): Element[] {
  const out: Element[] = [];
  const walk = (sets: Element[] | undefined) => {
    for (const set of sets ?? []) {
      for (const lane of (set.lanes as Element[] | undefined) ?? []) {
        const child = lane.childLaneSet as Element | undefined;
        if (child && ((child.lanes as Element[] | undefined) ?? []).length > 0) walk([child]);
        else out.push(lane);
      }
    }
  };
  walk(process.laneSets as Element[] | undefined);
  return out;
}

function ownerProcess(node: Element | undefined, processes: Element[]): Element | undefined {
  if (!node) return undefined;
  return processes.find((p) => ((p.flowElements as Element[] | undefined) ?? []).includes(node));
}

/** The served task this one follows in its pool (walking back along sequence flows), if any. */
function precedingServed(task: Element, served: Map<Element, unknown>): Element | undefined {
  const seen = new Set<Element>();
  const queue = [task];
  while (queue.length > 0) {
    const node = queue.shift() as Element;
    for (const flow of (node.incoming as Element[] | undefined) ?? []) {
      const source = flow.sourceRef as Element;
      if (!source || seen.has(source)) continue;
      if (served.has(source)) return source;
      seen.add(source);
      queue.push(source);
    }
  }
  return undefined;
}
