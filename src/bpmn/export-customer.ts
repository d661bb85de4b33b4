/**
 * The customer's process: a task per step (a timer before it where the customer waits), an
 * exclusive gateway where the way on branches, an interrupting error boundary event where the step
 * fails (through a gateway of its own when the failure leads several ways), start and end events.
 * Routes are the blueprint's: each flow leaves its box at its own height, runs to its own
 * channel and on; here it leaves from the gateway or boundary event instead.
 *
 *   boxes (customer-boxes.ts) ──> routing (customer-routing.ts) ──> each step's way on
 *   (customer-branch.ts) and failure (customer-failure.ts) ──> starts (export-starts.ts)
 */

import { bpmnId } from './bpmn-id.js';
import { writeBoxes } from './customer-boxes.js';
import { branchWriter, GATEWAY_X, LABEL_X, NORMAL_BUS } from './customer-branch.js';
import { type Context, GATEWAY } from './customer-context.js';
import { customerElements } from './customer-elements.js';
import { writeFailure } from './customer-failure.js';
import { customerRouting } from './customer-routing.js';
import { writeStarts } from './export-starts.js';
import type { Element } from './moddle.js';
import { reachBySegment } from './segment-mix.js';

export interface CustomerPart {
  process: Element;
  /** The task of each step, by step id. */
  tasks: Map<string, Element>;
}

export function writeCustomerProcess(ctx: Context): CustomerPart {
  const { model, diagram, w } = ctx;
  const Y = w.fit.y;
  const els = customerElements(ctx);
  const { tasks, entry } = writeBoxes(ctx, els);
  const routing = customerRouting(ctx, entry);
  const branch = branchWriter(ctx, els, routing);
  const reach = reachBySegment(model);
  const share = new Map(model.segments.map((s) => [s.id, s.share]));
  const steps = new Map(model.steps.map((s) => [s.id, s]));
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
    const failing = routing.edgesFrom(box.id, 'failure');
    const gy = failing.length > 1 ? top + GATEWAY / 2 + 2 : (top + bottom) / 2;
    branch(
      task,
      routing.edgesFrom(box.id, 'flow'),
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
    if (step.fail && failing.length)
      writeFailure(ctx, { els, routing, entry, branch }, { step, task, failing, weights, box });
  }
  writeStarts(ctx, els.process, els.node, branch, routing.edgesFrom, Y);
  return { process: els.process, tasks };
}
