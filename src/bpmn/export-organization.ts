/**
 * The organization's process: behind each step, its touchpoint and backstage activities in order,
 * from a start event (a message start when the customer makes the contact, a conditional one when
 * the company does) to an end event; and the message flow between the customer's task and the
 * touchpoint, in the direction of whoever starts the contact (see message-direction.ts).
 */
import type { Model } from '../model/model.js';
import { serializeModel } from '../model/serialize.js';
import type { Box, Diagram } from '../views/diagram.js';
import { bpmnId } from './bpmn-id.js';
import { columnRoute } from './column-route.js';
import { drawnBox, MESSAGE_X } from './customer-context.js';
import type { DiagramWriter, Point } from './diagram-writer.js';
import type { CustomerPart } from './export-customer.js';
import type { SimParameters } from './interchange/bpsim-write.js';
import { companyInitiates } from './message-direction.js';
import type { Element, Moddle } from './moddle.js';

const EVENT = 36;

interface Context {
  model: Model;
  diagram: Diagram;
  moddle: Moddle;
  w: DiagramWriter;
  sim: SimParameters[];
  customer: CustomerPart;
  collaboration: Element;
}

type Raw = Record<string, unknown>;

export function writeOrganizationProcess(ctx: Context): Element {
  const { model, diagram, moddle, w, sim, customer, collaboration } = ctx;
  const Y = w.fit.y;
  const process = moddle.create('bpmn:Process', {
    id: w.unique(bpmnId('Process', 'organization', model.id)),
    name: model.organization.name ?? 'Organization',
    isExecutable: false,
    flowElements: [],
  });
  const node = (type: string, id: string, attrs: Raw, lane?: string) => {
    const el = moddle.create(type, { id: w.unique(id), ...attrs });
    (process.flowElements as Element[]).push(el);
    if (lane) w.addToLane(lane, el);
    return el;
  };
  const sequence = (from: Element, to: Element, points: [number, number][]) => {
    const flow = node('bpmn:SequenceFlow', bpmnId('Flow', String(from.id), String(to.id)), {
      sourceRef: from,
      targetRef: to,
    });
    from.outgoing = [...((from.outgoing as Element[] | undefined) ?? []), flow];
    to.incoming = [...((to.incoming as Element[] | undefined) ?? []), flow];
    w.edge(flow, points);
  };
  const serialized = new Map(
    ((serializeModel(model).steps as Raw[]) ?? []).map((s) => [String(s.id), s] as const),
  );
  const boxes = new Map(diagram.boxes.map((b) => [b.id, b]));
  // The tasks every process draws, for lines down a column to go round those in their way.
  const taskRects = diagram.boxes
    .filter((b) => b.kind === 'step' || b.kind === 'touchpoint' || b.kind === 'activity')
    .map((b) => ({
      box: b,
      rect: drawnBox(b, Y),
    }));
  const downColumn = (from: Point, to: Point, ends: Box[]) =>
    columnRoute(
      from,
      to,
      taskRects.filter((t) => !ends.includes(t.box)).map((t) => t.rect),
    );
  const orgLane = new Set(
    diagram.lanes.filter((l) => l.group === 'frontstage' || l.group === 'backstage').map((l) => l.id),
  );

  for (const step of model.steps) {
    const chain = [`touchpoint:${step.id}`, ...step.backstage.map((a) => `activity:${step.id}:${a.id}`)]
      .map((id) => boxes.get(id))
      .filter((b): b is Box => b !== undefined && orgLane.has(b.lane));
    const first = chain[0];
    const last = chain[chain.length - 1];
    if (!first || !last) continue;
    const outbound = companyInitiates(model, step);
    const raw = serialized.get(step.id);
    const tasks = chain.map((box) => {
      const activity = step.backstage.find((a) => box.id === `activity:${step.id}:${a.id}`);
      const data = activity
        ? {
            step: step.id,
            ...((raw?.backstage as Raw[] | undefined)?.find((a) => a.id === activity.id) ?? {}),
            name: undefined,
          }
        : { step: step.id, touchpoint: step.touchpoint ?? true, role: step.role, system: step.system };
      const task = node(
        'bpmn:Task',
        bpmnId('Task', activity ? `${step.id}.${activity.id}` : `touchpoint.${step.id}`),
        { name: box.title, extensionElements: w.extension(data) },
        box.lane,
      );
      const drawn = drawnBox(box, Y);
      w.shape(task, drawn.x, drawn.y, drawn.width, drawn.height);
      if (activity?.duration) sim.push({ elementRef: String(task.id), processingTime: activity.duration });
      return task;
    });
    const firstMid = Y(first.y + first.height / 2);
    const start = node(
      'bpmn:StartEvent',
      bpmnId('Contact', step.id),
      {
        name: outbound ? `${step.name}: due` : `Contact: ${step.name}`,
        eventDefinitions: [
          outbound
            ? moddle.create('bpmn:ConditionalEventDefinition', {
                id: w.unique(bpmnId('Due', step.id)),
                condition: moddle.create('bpmn:FormalExpression', {
                  body: `the customer reaches step '${step.id}'`,
                }),
              })
            : moddle.create('bpmn:MessageEventDefinition', { id: w.unique(bpmnId('Received', step.id)) }),
        ],
      },
      first.lane,
    );
    const sx = first.x - EVENT - 12;
    w.shape(
      start,
      sx,
      firstMid - EVENT / 2,
      EVENT,
      EVENT,
      w.label({ x: sx - 30, y: firstMid - EVENT / 2 - 30, width: EVENT + 60, height: 28 }),
    );
    sequence(start, tasks[0] as Element, [
      [sx + EVENT, firstMid],
      [first.x, firstMid],
    ]);
    for (let i = 1; i < chain.length; i++) {
      const [a, b] = [chain[i - 1] as Box, chain[i] as Box];
      sequence(
        tasks[i - 1] as Element,
        tasks[i] as Element,
        downColumn([a.x + 24, Y(a.y + a.height)], [b.x + 24, Y(b.y)], [a, b]),
      );
    }
    const lastMid = Y(last.y + last.height / 2);
    const end = node('bpmn:EndEvent', bpmnId('Done', step.id), { name: 'Done' }, last.lane);
    const ex = last.x + last.width + 12;
    w.shape(
      end,
      ex,
      lastMid - EVENT / 2,
      EVENT,
      EVENT,
      w.label({ x: ex, y: lastMid + EVENT / 2 + 2, width: EVENT, height: 14 }),
    );
    sequence(tasks[tasks.length - 1] as Element, end, [
      [last.x + last.width, lastMid],
      [ex, lastMid],
    ]);

    const stepBox = boxes.get(`step:${step.id}`);
    const stepTask = customer.tasks.get(step.id);
    if (!stepBox || !stepTask) continue;
    const channel = model.channels.find((c) => c.id === step.channel);
    const ends: [Element, Element] = outbound
      ? [tasks[0] as Element, stepTask]
      : [stepTask, tasks[0] as Element];
    const message = moddle.create('bpmn:MessageFlow', {
      id: w.unique(bpmnId('Message', step.id)),
      name: channel?.name,
      sourceRef: ends[0],
      targetRef: ends[1],
      extensionElements: w.extension({
        step: step.id,
        initiator: outbound ? 'company' : 'customer',
        channel: step.channel,
      }),
    });
    (collaboration.messageFlows as Element[]).push(message);
    const points = downColumn(
      [stepBox.x + MESSAGE_X, Y(stepBox.y + stepBox.height)],
      [first.x + MESSAGE_X, Y(first.y)],
      [stepBox, first],
    );
    // Its name (the channel) just under the customer's step, where it leaves: left to bpmn-js, it
    // went at the line's middle, often on a task the line passes.
    const [leaveX, leaveY] = points[0] as [number, number];
    const label = channel ? { x: leaveX + 4, y: leaveY + 4, width: 60, height: 14 } : undefined;
    w.edge(message, outbound ? points.reverse() : points, label);
  }
  return process;
}
