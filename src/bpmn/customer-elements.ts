/**
 * The customer process's elements as they are made: the process, its nodes (each put in its lane,
 * a boundary event on its task's), and sequence flows drawn along their points, with a branch's
 * probability for BPSim.
 */
import { bpmnId } from './bpmn-id.js';
import type { Context, Raw } from './customer-context.js';
import type { Point, Rect } from './diagram-writer.js';
import type { Element } from './moddle.js';

export interface CustomerElements {
  process: Element;
  node: (type: string, id: string, attrs: Raw, lane: string) => Element;
  sequence: (from: Element, to: Element, points: Point[], data?: Raw, label?: Rect, p?: number) => Element;
}

export function customerElements(ctx: Context): CustomerElements {
  const { model, moddle, w, sim } = ctx;
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
  return { process, node, sequence };
}
