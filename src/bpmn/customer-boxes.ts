/**
 * The customer process's boxes: a task per step (its pool as performer, a timer before it where
 * the customer waits) and an end event per end, each where the blueprint drew it.
 */
import type { Step } from '../model/model.js';
import { serializeModel } from '../model/serialize.js';
import type { Box } from '../views/diagram.js';
import { bpmnId } from './bpmn-id.js';
import { type Context, drawnBox, EVENT, type Raw } from './customer-context.js';
import type { CustomerElements } from './customer-elements.js';
import type { Point } from './diagram-writer.js';
import type { Element } from './moddle.js';

/** How far above a timer its label's top is. */
export const TIMER_LABEL = 30;

/** Where a flow into a box ends: its element, and for a waited step or an end the event's centre. */
export interface Entry {
  element: Element;
  at?: Point;
}

export interface WrittenBoxes {
  /** The task of each step, by step id. */
  tasks: Map<string, Element>;
  /** By box id. */
  entry: Map<string, Entry>;
}

export function writeBoxes(ctx: Context, els: CustomerElements): WrittenBoxes {
  const { model, diagram } = ctx;
  const serialized = new Map(
    ((serializeModel(model).steps as Raw[]) ?? []).map((s) => [String(s.id), s] as const),
  );
  const poolResource = new Map(model.resources.map((r, i) => [r.id, ctx.resources[i] as Element]));
  const written: WrittenBoxes = { tasks: new Map(), entry: new Map() };
  const steps = new Map(model.steps.map((s) => [s.id, s]));
  for (const box of diagram.boxes) {
    if (box.kind === 'step') {
      const step = steps.get(box.ref);
      if (step) writeStep(ctx, els, written, box, step, serialized.get(step.id), poolResource);
    } else if (box.kind === 'end') writeEnd(ctx, els, written, box);
  }
  return written;
}

function writeStep(
  ctx: Context,
  els: CustomerElements,
  written: WrittenBoxes,
  box: Box,
  step: Step,
  serialized: Raw | undefined,
  poolResource: Map<string, Element>,
): void {
  const { moddle, w, sim } = ctx;
  const Y = w.fit.y;
  const mid = Y(box.y + box.height / 2);
  const task = els.node(
    'bpmn:Task',
    bpmnId('Task', step.id),
    { name: step.name, extensionElements: w.extension(stepData(serialized)) },
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
  written.tasks.set(step.id, task);
  written.entry.set(box.id, { element: task });
  if (step.duration) sim.push({ elementRef: String(task.id), processingTime: step.duration });
  if (!step.wait) return;
  const timer = els.node(
    'bpmn:IntermediateCatchEvent',
    bpmnId('Wait', step.id),
    {
      name: step.wait.reason ?? 'Waits',
      eventDefinitions: [
        moddle.create('bpmn:TimerEventDefinition', { id: w.unique(bpmnId('WaitTimer', step.id)) }),
      ],
      extensionElements: w.extension({ step: step.id, wait: serialized?.wait }),
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
  els.sequence(timer, task, [
    [x + EVENT, mid],
    [box.x, mid],
  ]);
  sim.push({ elementRef: String(timer.id), processingTime: step.wait.duration });
  written.entry.set(box.id, { element: timer, at: [x, mid] });
}

function writeEnd(ctx: Context, els: CustomerElements, written: WrittenBoxes, box: Box): void {
  const { model, w } = ctx;
  const mid = w.fit.y(box.y + box.height / 2);
  const end = model.ends.find((e) => e.id === box.ref);
  const event = els.node(
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
  written.entry.set(box.id, { element: event, at: [cx, mid] });
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
