/**
 * The customer process's start events: one per lane of customers (a timer of its arrivals when
 * there are several, with BPSim's inter-trigger time), and the flows to the steps they start at,
 * through a "Where first?" gateway when there are several.
 */
import type { Distribution } from '../model/distribution.js';
import type { Flow } from '../model/model.js';
import type { Edge } from '../views/diagram.js';
import { bpmnId } from './bpmn-id.js';
import type { Branch } from './customer-branch.js';
import { type Context, EVENT, GATEWAY, type Raw } from './customer-context.js';
import type { Element } from './moddle.js';

export function writeStarts(
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
