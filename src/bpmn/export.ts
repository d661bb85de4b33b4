/**
 * A model as a BPMN 2.0 collaboration that bpmn.io, Camunda Modeler and Signavio open laid out:
 *
 * - the customer's pool on top, one lane per customer lane of the blueprint (segments that share
 *   steps), with a task per step, an exclusive gateway where the way on branches (each flow named
 *   with its probabilities), start and end events;
 * - the organization's pool below, lanes for the frontstage roles and systems above the backstage
 *   departments, a task per touchpoint and per backstage activity;
 * - a message flow across the pools at every touchpoint;
 * - BPMNDI taken from the blueprint's layout, so that the picture matches `linesight render`;
 * - each element's parameters in `linesight:properties`, and the whole model in
 *   `linesight:model`, so that importing the file gives back exactly this model.
 */

import { dirname } from 'node:path';
import { meanOf } from '../model/distribution.js';
import type { Model } from '../model/model.js';
import { serializeModel } from '../model/serialize.js';
import { formatDuration } from '../model/units.js';
import type { Box, Diagram, Edge } from '../views/diagram.js';
import { layout } from '../views/render.js';
import { rebaseFileLinks } from './file-links.js';
import { createModdle, type Element } from './moddle.js';

const GATEWAY = 36;
const EVENT = 36;
const POOL_GAP = 40;
const POOL_LABEL = 30;

/** BPMN ids are XML NCNames: letters, digits, '-', '_' and '.', not starting with a digit. */
export const bpmnId = (prefix: string, ...parts: string[]) =>
  `${prefix}_${parts.join('_').replace(/[^A-Za-z0-9_.-]/g, '_')}`;

export interface ExportOptions {
  /**
   * The folder the BPMN file goes to: the files the embedded model names (BPMN links, a
   * competitor's baseline) are written relative to it, so that importing it there finds them.
   * Default: the model's own folder.
   */
  linksRelativeTo?: string;
}

export async function exportBpmn(
  model: Model,
  version: string,
  options: ExportOptions = {},
): Promise<string> {
  const moddle = createModdle();
  const diagram = await layout(model, { view: 'blueprint', leaveRoom: 20 + GATEWAY + 16 });
  const customerLanes = diagram.lanes.filter((l) => l.group === 'customer');
  const orgLanes = diagram.lanes.filter((l) => l.group === 'frontstage' || l.group === 'backstage');
  const shift = POOL_GAP;
  const inOrg = (box: Box) => orgLanes.some((l) => l.id === box.lane);
  const y = (box: Box) => box.y + (inOrg(box) ? shift : 0);

  const customerProcess = moddle.create('bpmn:Process', {
    id: bpmnId('Process', 'customer', model.id),
    name: 'Customer',
    isExecutable: false,
    flowElements: [],
  });
  const orgProcess = moddle.create('bpmn:Process', {
    id: bpmnId('Process', 'organization', model.id),
    name: model.organization.name ?? 'Organization',
    isExecutable: false,
    flowElements: [],
  });
  const flowElements = (p: Element) => p.flowElements as Element[];
  const shapes: Element[] = [];
  const edges: Element[] = [];
  const bounds = (x: number, yy: number, width: number, height: number) =>
    moddle.create('dc:Bounds', { x: round(x), y: round(yy), width: round(width), height: round(height) });
  const shape = (
    element: Element,
    x: number,
    yy: number,
    width: number,
    height: number,
    extra: Record<string, unknown> = {},
  ) =>
    shapes.push(
      moddle.create('bpmndi:BPMNShape', {
        id: `${element.id}_di`,
        bpmnElement: element,
        bounds: bounds(x, yy, width, height),
        ...extra,
      }),
    );
  const edge = (element: Element, points: [number, number][]) =>
    edges.push(
      moddle.create('bpmndi:BPMNEdge', {
        id: `${element.id}_di`,
        bpmnElement: element,
        waypoint: points.map(([x, yy]) => moddle.create('dc:Point', { x: round(x), y: round(yy) })),
      }),
    );
  const properties = (values: Record<string, string | number | undefined>) => {
    const list = Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([name, value]) => moddle.create('linesight:Property', { name, value: String(value) }));
    return list.length
      ? moddle.create('bpmn:ExtensionElements', {
          values: [moddle.create('linesight:Properties', { values: list })],
        })
      : undefined;
  };

  const nodeOf = new Map<string, Element>();
  const laneMembers = new Map<string, Element[]>();
  const addToLane = (laneId: string, el: Element) =>
    laneMembers.set(laneId, [...(laneMembers.get(laneId) ?? []), el]);
  const steps = new Map(model.steps.map((s) => [s.id, s]));
  const channels = new Map(model.channels.map((c) => [c.id, c.name]));

  for (const box of diagram.boxes) {
    if (box.kind === 'step') {
      const step = steps.get(box.ref);
      if (!step) continue;
      const task = moddle.create('bpmn:Task', {
        id: bpmnId('Task', step.id),
        name: step.name,
        extensionElements: properties({
          step: step.id,
          stage: step.stage,
          channel: step.channel ? (channels.get(step.channel) ?? step.channel) : undefined,
          duration: step.duration ? formatDuration(meanOf(step.duration)) : undefined,
          effort: step.effort,
          emotion: step.emotion,
          failProbability: step.fail?.p,
          failSeverity: step.fail?.severity,
          wait: step.wait ? formatDuration(meanOf(step.wait.duration)) : undefined,
          pool: step.pool,
          momentOfTruth: step.momentOfTruth ? 'true' : undefined,
        }),
      });
      flowElements(customerProcess).push(task);
      nodeOf.set(box.id, task);
      addToLane(box.lane, task);
      shape(task, box.x, y(box), box.width, box.height);
    } else if (box.kind === 'start' || box.kind === 'end') {
      const event = moddle.create(box.kind === 'start' ? 'bpmn:StartEvent' : 'bpmn:EndEvent', {
        id: bpmnId(box.kind === 'start' ? 'Start' : 'End', box.id.replace(/^(start|end):/, '')),
        name: box.kind === 'start' ? undefined : box.title,
      });
      flowElements(customerProcess).push(event);
      nodeOf.set(box.id, event);
      addToLane(box.lane, event);
      shape(
        event,
        box.x + box.width / 2 - EVENT / 2,
        y(box) + box.height / 2 - EVENT / 2,
        EVENT,
        EVENT,
        label(box.x, y(box) + box.height / 2 + EVENT / 2, box.width),
      );
    } else if ((box.kind === 'touchpoint' || box.kind === 'activity') && inOrg(box)) {
      const task = moddle.create('bpmn:Task', {
        id: bpmnId(
          'Task',
          box.id.replace(/^(touchpoint|activity):/, box.kind === 'touchpoint' ? 'touchpoint:' : ''),
        ),
        name: box.title,
      });
      flowElements(orgProcess).push(task);
      nodeOf.set(box.id, task);
      addToLane(box.lane, task);
      shape(task, box.x, y(box), box.width, box.height);
    }
  }

  // Customer flows: through an exclusive gateway where a step has more than one way on.
  const byFrom = new Map<string, Edge[]>();
  for (const e of diagram.edges)
    if (e.kind !== 'interaction') byFrom.set(e.from, [...(byFrom.get(e.from) ?? []), e]);
  const sequence = (
    process: Element,
    id: string,
    from: Element,
    to: Element,
    name?: string,
    extension?: Element,
  ) => {
    const flow = moddle.create('bpmn:SequenceFlow', {
      id,
      sourceRef: from,
      targetRef: to,
      ...(name ? { name } : {}),
      ...(extension ? { extensionElements: extension } : {}),
    });
    flowElements(process).push(flow);
    from.outgoing = [...((from.outgoing as Element[] | undefined) ?? []), flow];
    to.incoming = [...((to.incoming as Element[] | undefined) ?? []), flow];
    return flow;
  };
  for (const [fromId, list] of byFrom) {
    const source = nodeOf.get(fromId);
    const fromBox = diagram.boxes.find((b) => b.id === fromId);
    if (!source || !fromBox) continue;
    let origin = source;
    let start: [number, number] | undefined;
    if (list.length > 1) {
      const gateway = moddle.create('bpmn:ExclusiveGateway', {
        id: bpmnId('Gateway', fromBox.ref === 'start' ? fromId : fromBox.ref),
      });
      flowElements(customerProcess).push(gateway);
      addToLane(fromBox.lane, gateway);
      const gx = fromBox.x + fromBox.width + 16;
      const gy = y(fromBox) + fromBox.height / 2 - GATEWAY / 2;
      shape(gateway, gx, gy, GATEWAY, GATEWAY, { isMarkerVisible: true });
      edge(sequence(customerProcess, bpmnId('Flow', fromId, 'gateway'), source, gateway), [
        [fromBox.x + fromBox.width, gy + GATEWAY / 2],
        [gx, gy + GATEWAY / 2],
      ]);
      origin = gateway;
      start = [gx + GATEWAY, gy + GATEWAY / 2];
    }
    for (const e of list) {
      const target = nodeOf.get(e.to);
      const toBox = diagram.boxes.find((b) => b.id === e.to);
      if (!target || !toBox) continue;
      const flow = sequence(
        customerProcess,
        bpmnId('Flow', e.id),
        origin,
        target,
        e.label,
        properties({ kind: e.kind === 'failure' ? 'after a failure' : undefined, probabilities: e.label }),
      );
      const points = e.points.map(([px, py]) => [px, py] as [number, number]);
      if (start) {
        const [sx, sy] = start;
        const [tx] = points[1] ?? [sx, sy];
        points.splice(0, 2, [sx, sy], [Math.max(tx, sx + 8), sy]);
      }
      // Events are drawn as circles inside their box: the flow ends on the circle.
      if (toBox.kind === 'end') {
        const last = points[points.length - 1] as [number, number];
        const cx = toBox.x + toBox.width / 2;
        const cy = toBox.y + toBox.height / 2;
        points[points.length - 1] = [last[0] > cx ? cx + EVENT / 2 : cx - EVENT / 2, cy];
        const before = points[points.length - 2] as [number, number];
        points[points.length - 2] = [before[0], cy];
      }
      if (fromBox.kind === 'start')
        points[0] = [fromBox.x + fromBox.width / 2 + EVENT / 2, (points[0] as [number, number])[1]];
      edge(flow, dedupe(points));
    }
  }

  // Behind each step: its touchpoint, then its activities in order; the message flow crosses the pools.
  const collaboration = moddle.create('bpmn:Collaboration', {
    id: bpmnId('Collaboration', model.id),
    participants: [],
    messageFlows: [],
  });
  for (const step of model.steps) {
    const chain = [`touchpoint:${step.id}`, ...step.backstage.map((a) => `activity:${step.id}:${a.id}`)]
      .map((id) => diagram.boxes.find((b) => b.id === id))
      .filter((b): b is Box => b !== undefined && nodeOf.has(b.id));
    for (let i = 1; i < chain.length; i++) {
      const [a, b] = [chain[i - 1] as Box, chain[i] as Box];
      const flow = sequence(
        orgProcess,
        bpmnId('Flow', b.id),
        nodeOf.get(a.id) as Element,
        nodeOf.get(b.id) as Element,
      );
      edge(flow, [
        [a.x + 24, y(a) + a.height],
        [b.x + 24, y(b)],
      ]);
    }
    const customer = diagram.boxes.find((b) => b.id === `step:${step.id}`);
    const first = chain[0];
    if (customer && first) {
      const message = moddle.create('bpmn:MessageFlow', {
        id: bpmnId('Message', step.id),
        name: step.channel ? channels.get(step.channel) : undefined,
        sourceRef: nodeOf.get(customer.id),
        targetRef: nodeOf.get(first.id),
      });
      (collaboration.messageFlows as Element[]).push(message);
      edge(message, [
        [customer.x + 24, y(customer) + customer.height],
        [first.x + 24, y(first)],
      ]);
    }
  }

  // Pools and lanes.
  const laneSet = (process: Element, lanes: Diagram['lanes']) => {
    process.laneSets = [
      moddle.create('bpmn:LaneSet', {
        id: bpmnId('LaneSet', String(process.id)),
        lanes: lanes.map((l) => {
          const lane = moddle.create('bpmn:Lane', {
            id: bpmnId('Lane', l.id),
            name: l.label,
            flowNodeRef: laneMembers.get(l.id) ?? [],
          });
          const top = l.y + (orgLanes.includes(l) ? shift : 0);
          shape(lane, 16 + POOL_LABEL, top, diagram.width - 32 - POOL_LABEL, l.height, {
            isHorizontal: true,
          });
          return lane;
        }),
      }),
    ];
  };
  const pool = (name: string, process: Element, lanes: Diagram['lanes'], id: string) => {
    const participant = moddle.create('bpmn:Participant', { id, name, processRef: process });
    (collaboration.participants as Element[]).push(participant);
    const first = lanes[0];
    const last = lanes[lanes.length - 1];
    if (first && last) {
      const top = first.y + (orgLanes.includes(first) ? shift : 0);
      shape(participant, 16, top, diagram.width - 32, last.y + last.height - first.y, { isHorizontal: true });
      laneSet(process, lanes);
    }
  };
  pool(
    customerLanes.length === 1 ? (customerLanes[0]?.label ?? 'Customer') : 'Customer',
    customerProcess,
    customerLanes,
    bpmnId('Participant', 'customer'),
  );
  pool(
    model.organization.name ?? 'Organization',
    orgProcess,
    orgLanes,
    bpmnId('Participant', 'organization'),
  );
  // bpmn-js draws pools before what is in them: the shapes must list pools and lanes first.
  const order = (s: Element) => (String((s.bpmnElement as Element).$type).match(/Participant|Lane/) ? 0 : 1);
  shapes.sort((a, b) => order(a) - order(b));

  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: bpmnId('Plane', model.id),
    bpmnElement: collaboration,
    planeElement: [...shapes, ...edges],
  });
  const definitions = moddle.create('bpmn:Definitions', {
    id: bpmnId('Definitions', model.id),
    name: model.name,
    targetNamespace: 'https://linesight.dev/bpmn',
    exporter: 'linesight',
    exporterVersion: version,
    rootElements: [collaboration, customerProcess, orgProcess],
    diagrams: [
      moddle.create('bpmndi:BPMNDiagram', { id: bpmnId('Diagram', model.id), name: model.name, plane }),
    ],
    extensionElements: moddle.create('bpmn:ExtensionElements', {
      values: [
        moddle.create('linesight:Model', {
          format: 'json',
          text: JSON.stringify(
            rebaseFileLinks(
              serializeModel(model),
              dirname(model.file),
              options.linksRelativeTo ?? dirname(model.file),
            ),
          ),
        }),
      ],
    }),
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return `${xml}\n`;

  function label(x: number, yy: number, width: number) {
    return { label: moddle.create('bpmndi:BPMNLabel', { bounds: bounds(x, yy + 2, width, 14) }) };
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

function dedupe(points: [number, number][]): [number, number][] {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1]?.[0] || p[1] !== points[i - 1]?.[1]);
}
