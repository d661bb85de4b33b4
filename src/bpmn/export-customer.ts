/**
 * The customer's process: a task per step (a timer before it where the customer waits), an
 * exclusive gateway where the way on branches, an interrupting error boundary event where the step
 * fails (through a gateway of its own when the failure leads several ways), start and end events.
 * Routes are the blueprint's: each flow leaves its box at its own height, runs to its own
 * channel and on; here it leaves from the gateway or boundary event instead.
 */

import type { Distribution } from '../model/distribution.js';
import type { Flow, Model, Step } from '../model/model.js';
import { serializeModel } from '../model/serialize.js';
import type { Box, Diagram, Edge } from '../views/diagram.js';
import { bpmnId } from './bpmn-id.js';
import type { DiagramWriter, Point, Rect } from './diagram-writer.js';
import type { SimParameters } from './interchange/bpsim-write.js';
import type { Element, Moddle } from './moddle.js';
import { mixFlow, reachBySegment } from './segment-mix.js';
import { UNNAMED_FAILURE } from './unnamed-failure.js';

const EVENT = 36;
const GATEWAY = 36;
/** Gutter positions right of a box: gateways, their fan-out lines, and the flows' labels. */
const GATEWAY_X = 12;
const NORMAL_BUS = 55;
const FAIL_BUS = 51;
const LABEL_X = 58;

export interface CustomerPart {
  process: Element;
  /** The task of each step, by step id. */
  tasks: Map<string, Element>;
}

interface Context {
  model: Model;
  diagram: Diagram;
  moddle: Moddle;
  w: DiagramWriter;
  sim: SimParameters[];
  resources: Element[];
}

type Raw = Record<string, unknown>;

export function writeCustomerProcess(ctx: Context): CustomerPart {
  const { model, diagram, moddle, w, sim } = ctx;
  const Y = w.fit.y;
  const process = moddle.create('bpmn:Process', {
    id: w.unique(bpmnId('Process', 'customer', model.id)),
    name: 'Customer',
    isExecutable: false,
    flowElements: [],
  });
  const add = (el: Element, lane: string) => {
    (process.flowElements as Element[]).push(el);
    if (lane && el.$type !== 'bpmn:BoundaryEvent') w.addToLane(lane, el);
    return el;
  };
  const node = (type: string, id: string, attrs: Raw, lane: string) =>
    add(moddle.create(type, { id: w.unique(id), ...attrs }), lane);
  const sequence = (
    from: Element,
    to: Element,
    points: Point[],
    data: Raw = {},
    label?: Rect,
    p?: number,
  ) => {
    const { name, ...rest } = data;
    const flow = node(
      'bpmn:SequenceFlow',
      bpmnId('Flow', String(from.id), String(to.id)),
      { sourceRef: from, targetRef: to, extensionElements: w.extension(rest), ...(name ? { name } : {}) },
      '',
    );
    from.outgoing = [...((from.outgoing as Element[] | undefined) ?? []), flow];
    to.incoming = [...((to.incoming as Element[] | undefined) ?? []), flow];
    w.edge(flow, points, label);
    if (p !== undefined) sim.push({ elementRef: String(flow.id), probability: p });
    return flow;
  };
  const serialized = new Map(
    ((serializeModel(model).steps as Raw[]) ?? []).map((s) => [String(s.id), s] as const),
  );
  const poolResource = new Map(model.resources.map((r, i) => [r.id, ctx.resources[i] as Element]));
  const tasks = new Map<string, Element>();
  /** Where a flow into a box ends: its element, and for a waited step the timer before it. */
  const entry = new Map<string, { element: Element; at?: Point }>();
  const steps = new Map(model.steps.map((s) => [s.id, s]));

  for (const box of diagram.boxes) {
    const mid = Y(box.y + box.height / 2);
    if (box.kind === 'step') {
      const step = steps.get(box.ref);
      if (!step) continue;
      const task = node(
        'bpmn:Task',
        bpmnId('Task', step.id),
        { name: step.name, extensionElements: w.extension(stepData(serialized.get(step.id))) },
        box.lane,
      );
      const resource = step.pool ? poolResource.get(step.pool) : undefined;
      if (resource)
        task.resources = [
          moddle.create('bpmn:Performer', {
            id: w.unique(bpmnId('Performer', step.id)),
            resourceRef: resource,
          }),
        ];
      w.shape(task, box.x, Y(box.y), box.width, box.height);
      tasks.set(step.id, task);
      entry.set(box.id, { element: task });
      if (step.duration) sim.push({ elementRef: String(task.id), processingTime: step.duration });
      if (step.wait) {
        const timer = node(
          'bpmn:IntermediateCatchEvent',
          bpmnId('Wait', step.id),
          {
            name: step.wait.reason ?? 'Waits',
            eventDefinitions: [
              moddle.create('bpmn:TimerEventDefinition', { id: w.unique(bpmnId('WaitTimer', step.id)) }),
            ],
            extensionElements: w.extension({ step: step.id, wait: serialized.get(step.id)?.wait }),
          },
          box.lane,
        );
        const x = box.x - EVENT - 10;
        w.shape(
          timer,
          x,
          mid - EVENT / 2,
          EVENT,
          EVENT,
          w.label({ x: x - 32, y: mid - EVENT / 2 - 30, width: EVENT + 64, height: 28 }),
        );
        sequence(timer, task, [
          [x + EVENT, mid],
          [box.x, mid],
        ]);
        sim.push({ elementRef: String(timer.id), processingTime: step.wait.duration });
        entry.set(box.id, { element: timer, at: [x, mid] });
      }
    } else if (box.kind === 'end') {
      const end = model.ends.find((e) => e.id === box.ref);
      const event = node(
        'bpmn:EndEvent',
        bpmnId('End', box.id.replace(/^end:/, '')),
        {
          name: box.title,
          extensionElements: w.extension({ end: box.ref, outcome: end?.outcome }),
        },
        box.lane,
      );
      const cx = box.x + box.width / 2;
      w.shape(
        event,
        cx - EVENT / 2,
        mid - EVENT / 2,
        EVENT,
        EVENT,
        w.label({ x: box.x, y: mid + EVENT / 2 + 2, width: box.width, height: 28 }),
      );
      entry.set(box.id, { element: event, at: [cx, mid] });
    }
  }

  const reach = reachBySegment(model);
  const share = new Map(model.segments.map((s) => [s.id, s.share]));
  const edgesFrom = (boxId: string, kind: Edge['kind']) =>
    diagram.edges.filter((e) => e.from === boxId && e.kind === kind);
  const targetOf = (e: Edge) => e.id.slice(e.id.lastIndexOf('>') + 1);
  const routeInto = (e: Edge, points: Point[]): { to: Element; points: Point[] } | undefined => {
    const into = entry.get(e.to);
    if (!into) return undefined;
    const pts = points.map((p) => [...p] as Point);
    if (into.at) {
      const toBox = diagram.boxes.find((b) => b.id === e.to) as Box;
      const [cx, cy] = into.at;
      const last = pts[pts.length - 1] as Point;
      const before = pts[pts.length - 2] as Point;
      const endX = toBox.kind === 'end' ? (last[0] > cx ? cx + EVENT / 2 : cx - EVENT / 2) : cx;
      pts[pts.length - 1] = [endX, cy];
      pts[pts.length - 2] = [before[0], cy];
    }
    return { to: into.element, points: pts };
  };
  const mapped = (e: Edge): Point[] => e.points.map(([x, y]) => [x, Y(y)]);
  const labelAt = (e: Edge, x: number): Rect | undefined =>
    e.labelBox ? { x, y: Y(e.labelBox.y), width: e.labelBox.width, height: e.labelBox.height } : undefined;

  /** The flows of one origin: straight from `origin` when one, else through a named gateway at `gate`. */
  const branch = (
    origin: Element,
    list: Edge[],
    flow: Flow,
    weights: Map<string, number>,
    exit: Point,
    gate: { lane: string; x: number; y: number; id: string; name: string; labelAbove: boolean },
    bus: number,
    labelX: number,
    data: Raw = {},
  ) => {
    const mix = mixFlow(flow, weights);
    let from = origin;
    let start = exit;
    const several = list.length > 1;
    if (several) {
      const gateway = node('bpmn:ExclusiveGateway', gate.id, { name: gate.name }, gate.lane);
      w.shape(gateway, gate.x, gate.y - GATEWAY / 2, GATEWAY, GATEWAY, {
        isMarkerVisible: true,
        ...w.label({
          x: gate.x - 10,
          y: gate.labelAbove ? gate.y - GATEWAY / 2 - 16 : gate.y + GATEWAY / 2 + 2,
          width: GATEWAY + 20,
          height: 14,
        }),
      });
      sequence(origin, gateway, [exit, [gate.x, gate.y]]);
      from = gateway;
      start = [gate.x + GATEWAY, gate.y];
    }
    for (const e of list) {
      const pts = mapped(e);
      const [, py] = pts[0] as Point;
      const route = routeInto(e, [start, [bus, start[1]], [bus, py], ...pts.slice(1)]);
      if (!route) continue;
      const m = mix.get(targetOf(e));
      // Out of a split, each segment's own probability (0 where it never goes this way).
      const segments = several && m ? m.perSegment : undefined;
      sequence(
        from,
        route.to,
        route.points,
        { name: e.label, segments, ...branchLabels(flow, targetOf(e)), ...data },
        e.label ? labelAt(e, labelX) : undefined,
        several ? m?.mix : undefined,
      );
    }
  };

  for (const box of diagram.boxes) {
    const step = box.kind === 'step' ? steps.get(box.ref) : undefined;
    const task = step ? tasks.get(step.id) : undefined;
    if (!step || !task) continue;
    const weights = new Map(
      model.segments.filter((s) => reach.get(s.id)?.has(step.id)).map((s) => [s.id, share.get(s.id) ?? 0]),
    );
    const right = box.x + box.width;
    const top = Y(box.y);
    const bottom = Y(box.y + box.height);
    const normal = edgesFrom(box.id, 'flow');
    const failing = edgesFrom(box.id, 'failure');
    const gy = failing.length > 1 ? top + GATEWAY / 2 + 2 : (top + bottom) / 2;
    branch(
      task,
      normal,
      step.next,
      weights,
      [right, gy],
      {
        lane: box.lane,
        x: right + GATEWAY_X,
        y: gy,
        id: bpmnId('Gateway', step.id),
        name: 'Way on?',
        labelAbove: true,
      },
      right + NORMAL_BUS,
      right + LABEL_X,
    );
    if (step.fail && failing.length) failure(step, task, failing, weights, box, right, bottom);
  }

  function failure(
    step: Step,
    task: Element,
    failing: Edge[],
    weights: Map<string, number>,
    box: Box,
    right: number,
    bottom: number,
  ) {
    const fail = step.fail as NonNullable<Step['fail']>;
    const event = node(
      'bpmn:BoundaryEvent',
      bpmnId('Fails', step.id),
      {
        name: failName(fail.cause),
        attachedToRef: task,
        cancelActivity: true,
        eventDefinitions: [
          moddle.create('bpmn:ErrorEventDefinition', { id: w.unique(bpmnId('Failure', step.id)) }),
        ],
        extensionElements: w.extension({
          step: step.id,
          failProbability: fail.p,
          severity: fail.severity,
          cause: fail.cause,
        }),
      },
      box.lane,
    );
    const cx = right - 24;
    w.shape(
      event,
      cx - EVENT / 2,
      bottom - EVENT / 2,
      EVENT,
      EVENT,
      w.label({ x: cx - 110, y: bottom + EVENT / 2 + 2, width: 100, height: 28 }),
    );
    sim.push({ elementRef: String(event.id), probability: fail.p });
    branch(
      event,
      failing,
      fail.next,
      weights,
      [cx + EVENT / 2, bottom],
      {
        lane: box.lane,
        x: right + GATEWAY_X,
        y: bottom,
        id: bpmnId('Gateway', step.id, 'failed'),
        name: 'After the failure?',
        labelAbove: false,
      },
      right + (failing.length > 1 ? FAIL_BUS : 8),
      right + LABEL_X,
      { kind: 'after a failure' },
    );
  }

  writeStarts(ctx, process, node, branch, edgesFrom, Y);
  return { process, tasks };
}

type Branch = (...args: never[]) => void;

function writeStarts(
  ctx: Context,
  process: Element,
  node: (type: string, id: string, attrs: Raw, lane: string) => Element,
  branch: Branch,
  edgesFrom: (boxId: string, kind: Edge['kind']) => Edge[],
  Y: (y: number) => number,
) {
  const { model, diagram, moddle, w, sim } = ctx;
  const starts = diagram.boxes.filter((b) => b.kind === 'start');
  const rate = (id: string) => {
    const s = model.segments.find((x) => x.id === id);
    return s?.arrivals?.rate ?? (model.arrivals?.rate ?? 1) * (s?.share ?? 0);
  };
  for (const box of starts) {
    const list = edgesFrom(box.id, 'start');
    const targets = new Set(list.map((e) => e.id.slice(e.id.lastIndexOf('>') + 1)));
    const flow: Flow = {};
    const inLane: Record<string, number> = {};
    for (const s of model.segments) {
      const branches = (model.start[s.id] ?? []).filter((b) => targets.has(b.to) && b.p > 0);
      const sum = branches.reduce((a, b) => a + b.p, 0);
      if (sum <= 0) continue;
      inLane[s.id] = sum;
      flow[s.id] = branches.map((b) => ({ ...b, p: b.p / sum }));
    }
    const weights = new Map(Object.entries(inLane).map(([s, sum]) => [s, rate(s) * sum]));
    const mid = Y(box.y + box.height / 2);
    const lane = diagram.lanes.find((l) => l.id === box.lane);
    const event = node(
      'bpmn:StartEvent',
      bpmnId('Start', box.lane),
      {
        name: starts.length > 1 ? `${lane?.label ?? 'Customers'} start` : 'Journey starts',
        // One blank start per process: with several lanes, each start is the timer of its arrivals.
        ...(starts.length > 1
          ? {
              eventDefinitions: [
                moddle.create('bpmn:TimerEventDefinition', { id: w.unique(bpmnId('Arrivals', box.lane)) }),
              ],
            }
          : {}),
        extensionElements: w.extension({ segments: inLane }),
      },
      box.lane,
    );
    w.shape(
      event,
      box.x,
      mid - EVENT / 2,
      EVENT,
      EVENT,
      w.label({ x: box.x - 20, y: mid + EVENT / 2 + 2, width: EVENT + 40, height: 28 }),
    );
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    const single = model.arrivals && starts.length === 1 ? model.arrivals.interarrival : undefined;
    const interarrival: Distribution | undefined =
      single ??
      (model.arrivals || model.segments.some((s) => s.arrivals)
        ? { kind: 'exponential', mean: 1 / total }
        : undefined);
    if (interarrival && total > 0)
      sim.push({ elementRef: String(event.id), interTriggerTimer: interarrival });
    (branch as (...a: unknown[]) => void)(
      event,
      list,
      flow,
      weights,
      [box.x + EVENT, mid],
      {
        lane: box.lane,
        x: box.x + EVENT + 8,
        y: mid,
        id: bpmnId('Gateway', 'start', box.lane),
        name: 'Where first?',
        labelAbove: true,
      },
      box.x + EVENT + 8 + GATEWAY + 4,
      box.x + EVENT + 8 + GATEWAY + 8,
    );
  }
  return process;
}

/**
 * The model's label of the branch to `target` ("asks in chat"), which the flow's name (its
 * probabilities) does not show: one for all segments, or each segment's when they differ.
 */
function branchLabels(flow: Flow, target: string): { label?: string; labels?: Record<string, string> } {
  const labels: Record<string, string> = {};
  for (const [segment, branches] of Object.entries(flow)) {
    const label = branches.find((b) => b.to === target && b.label)?.label;
    if (label) labels[segment] = label;
  }
  const distinct = new Set(Object.values(labels));
  if (distinct.size === 0) return {};
  const all = Object.keys(labels).length === Object.keys(flow).length;
  return distinct.size === 1 && all ? { label: [...distinct][0] } : { labels };
}

/** A failure's name: its cause up to the first comma or semicolon, short enough for a label. */
function failName(cause: string | undefined): string {
  if (!cause) return UNNAMED_FAILURE;
  const first = cause.split(/[;,:]/)[0]?.trim() ?? cause;
  return first.length > 48 ? `${first.slice(0, 47).trimEnd()}…` : first;
}

/** A step's file data for its task: everything but what the graph says (next, backstage, a failure's next). */
function stepData(raw: Raw | undefined): Raw {
  if (!raw) return {};
  const { next: _n, backstage: _b, name: _name, fail, ...rest } = raw;
  if (fail && typeof fail === 'object') {
    const { next: _f, ...failRest } = fail as Raw;
    return { ...rest, fail: failRest };
  }
  return rest;
}
