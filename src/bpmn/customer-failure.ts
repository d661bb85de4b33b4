/**
 * Where a step fails: an interrupting error boundary event on its task, placed clear of the other
 * shapes (failEventPlace), and the way on after the failure: straight into its end when that is
 * the only way, else through a gateway of its own under the step's.
 */
import type { Step } from '../model/model.js';
import type { Box, Edge } from '../views/diagram.js';
import { bpmnId } from './bpmn-id.js';
import type { Entry } from './customer-boxes.js';
import { type Branch, branchLabels, FAIL_BUS, GATEWAY_X, LABEL_X } from './customer-branch.js';
import { type Context, drawnBox, EVENT, MESSAGE_X } from './customer-context.js';
import type { CustomerElements } from './customer-elements.js';
import type { CustomerRouting } from './customer-routing.js';
import { failEventPlace } from './fail-event-place.js';
import { failName } from './fail-name.js';
import type { Element } from './moddle.js';
import { taskTopLine } from './task-text.js';

/** The failing step, its task and box, and the flows its failure takes. */
export interface Failing {
  step: Step;
  task: Element;
  failing: Edge[];
  weights: Map<string, number>;
  box: Box;
}

export function writeFailure(
  ctx: Context,
  parts: { els: CustomerElements; routing: CustomerRouting; entry: Map<string, Entry>; branch: Branch },
  { step, task, failing, weights, box }: Failing,
): void {
  const { diagram, moddle, w, sim } = ctx;
  const { els, routing, entry, branch } = parts;
  const Y = w.fit.y;
  const right = box.x + box.width;
  const bottom = Y(box.y + box.height);
  const fail = step.fail as NonNullable<Step['fail']>;
  const only = failing.length === 1 ? (failing[0] as Edge) : undefined;
  const end =
    only && diagram.boxes.find((b) => b.id === only.to)?.kind === 'end' ? entry.get(only.to) : undefined;
  const drawn = drawnBox(box, Y);
  const place = failEventPlace({ x: drawn.x, width: drawn.width, top: drawn.y, bottom }, end?.at, EVENT, {
    shapes: routing.shapesNear(box),
    lines: [drawn.x + MESSAGE_X],
    oneWay: failing.length === 1,
    topLine: taskTopLine(drawn, step.name),
  });
  const event = els.node(
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
    els.sequence(
      event,
      end.element,
      route,
      { name: only.label, ...branchLabels(fail.next, routing.targetOf(only)), kind: 'after a failure' },
      only.label ? routing.labelAt(only, cx + EVENT / 2 + 4) : undefined,
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
