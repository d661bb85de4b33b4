/**
 * The customer's process: a task per step (a timer before it where the customer waits), an
 * exclusive gateway where the way on branches, an interrupting error boundary event where the step
 * fails (through a gateway of its own when the failure leads several ways), start and end events.
 * Routes are the blueprint's: each flow leaves its box at its own height, runs to its own
 * channel and on; here it leaves from the gateway or boundary event instead.
 */

import type { Flow, Step } from '../model/model.js';
import { serializeModel } from '../model/serialize.js';
import type { Box, Edge } from '../views/diagram.js';
import { bpmnId } from './bpmn-id.js';
import { type Context, drawnBox, EVENT, GATEWAY, MESSAGE_X, type Raw } from './customer-context.js';
import type { Point, Rect } from './diagram-writer.js';
import { writeStarts } from './export-starts.js';
import { failEventPlace } from './fail-event-place.js';
import { failName } from './fail-name.js';
import type { Element } from './moddle.js';
import { mixFlow, reachBySegment } from './segment-mix.js';
import { taskTopLine } from './task-text.js';
import { timerApproach } from './timer-approach.js';

/** Gutter positions right of a box: gateways, their fan-out lines, and the flows' labels. */
const GATEWAY_X = 12;
const NORMAL_BUS = 55;
const FAIL_BUS = 51;
const LABEL_X = 58;
/** How far above a timer its label's top is. */
const TIMER_LABEL = 30;

export interface CustomerPart {
  process: Element;
  /** The task of each step, by step id. */
  tasks: Map<string, Element>;
}

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
      const drawn = drawnBox(box, Y);
      w.shape(task, drawn.x, drawn.y, drawn.width, drawn.height);
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
          w.label({ x: x - 32, y: mid - EVENT / 2 - TIMER_LABEL, width: EVENT + 64, height: 28 }),
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
      if (toBox.kind === 'end') {
        pts[pts.length - 1] = [last[0] > cx ? cx + EVENT / 2 : cx - EVENT / 2, cy];
        pts[pts.length - 2] = [before[0], cy];
      } else {
        const span = {
          top: Math.min(Y(toBox.y), cy - EVENT / 2 - TIMER_LABEL),
          bottom: Y(toBox.y + toBox.height),
        };
        pts.splice(pts.length - 2, 2, ...timerApproach(before, into.at, span, drawnShapes(toBox)));
      }
    }
    return { to: into.element, points: pts };
  };
  const mapped = (e: Edge): Point[] => e.points.map(([x, y]) => [x, Y(y)]);
  const labelAt = (e: Edge, x: number): Rect | undefined =>
    e.labelBox ? { x, y: Y(e.labelBox.y), width: e.labelBox.width, height: e.labelBox.height } : undefined;

  /** The tasks and end events drawn (once all are: read after the boxes are written). */
  let drawn: { box: Box; rect: Rect }[] | undefined;
  const allDrawn = () =>
    (drawn ??= diagram.boxes.flatMap((b) => {
      if (b.kind === 'step') return [{ box: b, rect: drawnBox(b, Y) }];
      const at = b.kind === 'end' ? entry.get(b.id)?.at : undefined;
      return at
        ? [{ box: b, rect: { x: at[0] - EVENT / 2, y: at[1] - EVENT / 2, width: EVENT, height: EVENT } }]
        : [];
    }));
  /** The tasks and end events drawn, but `box`'s own task. */
  const drawnShapes = (box: Box): Rect[] => allDrawn().flatMap((d) => (d.box === box ? [] : [d.rect]));
  /** The tasks and end events drawn within an event's reach of a box's bottom edge, not the box's own task. */
  const shapesNear = (box: Box): Rect[] => {
    const bottom = Y(box.y + box.height);
    return drawnShapes(box).filter(
      (r) =>
        r.y < bottom + EVENT &&
        r.y + r.height > bottom - EVENT &&
        r.x < box.x + box.width + EVENT &&
        r.x + r.width > box.x - EVENT,
    );
  };

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
    const only = failing.length === 1 ? (failing[0] as Edge) : undefined;
    const end =
      only && diagram.boxes.find((b) => b.id === only.to)?.kind === 'end' ? entry.get(only.to) : undefined;
    const drawn = drawnBox(box, Y);
    const place = failEventPlace({ x: drawn.x, width: drawn.width, top: drawn.y, bottom }, end?.at, EVENT, {
      shapes: shapesNear(box),
      lines: [drawn.x + MESSAGE_X],
      oneWay: failing.length === 1,
      topLine: taskTopLine(drawn, step.name),
    });
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
    const { cx, route } = place;
    const cy = place.edge === 'top' ? drawn.y - (place.rise ?? 0) : bottom;
    // Beside the flow into the end, the label keeps left of it; else under the event, or over it on top.
    const label = route
      ? { x: cx - EVENT / 2 - 106, y: cy + 2, width: 100, height: 42 }
      : place.edge === 'top'
        ? { x: cx - 110, y: cy - EVENT / 2 - 44, width: 100, height: 42 }
        : { x: cx - 110, y: cy + EVENT / 2 + 2, width: 100, height: 42 };
    w.shape(event, cx - EVENT / 2, cy - EVENT / 2, EVENT, EVENT, w.label(label));
    sim.push({ elementRef: String(event.id), probability: fail.p });
    if (route && only && end) {
      sequence(
        event,
        end.element,
        route,
        { name: only.label, ...branchLabels(fail.next, targetOf(only)), kind: 'after a failure' },
        only.label ? labelAt(only, cx + EVENT / 2 + 4) : undefined,
      );
      return;
    }
    branch(
      event,
      failing,
      fail.next,
      weights,
      [cx + EVENT / 2, cy],
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
