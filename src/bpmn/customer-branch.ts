/**
 * Where the customer's way on branches: the flows of one origin (a task, a failure's event, a
 * start), straight when there is one, else through an exclusive gateway in the gutter right of
 * the box, each flow with every segment's own probability and the model's label of its branch.
 */
import type { Flow } from '../model/model.js';
import type { Edge } from '../views/diagram.js';
import { type Context, GATEWAY, type Raw } from './customer-context.js';
import type { CustomerElements } from './customer-elements.js';
import type { CustomerRouting } from './customer-routing.js';
import type { Point } from './diagram-writer.js';
import type { Element } from './moddle.js';
import { mixFlow } from './segment-mix.js';

/** Gutter positions right of a box: gateways, their fan-out lines, and the flows' labels. */
export const GATEWAY_X = 12;
export const NORMAL_BUS = 55;
export const FAIL_BUS = 51;
export const LABEL_X = 58;

/** Where a gateway goes, and what it is called. */
export interface Gate {
  lane: string;
  x: number;
  y: number;
  id: string;
  name: string;
  labelAbove: boolean;
}

/** The flows of one origin: straight from `origin` when one, else through a named gateway at `gate`. */
export type Branch = (
  origin: Element,
  list: Edge[],
  flow: Flow,
  weights: Map<string, number>,
  exit: Point,
  gate: Gate,
  bus: number,
  labelX: number,
  data?: Raw,
) => void;

export function branchWriter(ctx: Context, els: CustomerElements, routing: CustomerRouting): Branch {
  const { w } = ctx;
  const { node, sequence } = els;
  const { routeInto, mapped, targetOf, labelAt } = routing;
  return (origin, list, flow, weights, exit, gate, bus, labelX, data = {}) => {
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
}

/**
 * The model's label of the branch to `target` ("asks in chat"), which the flow's name (its
 * probabilities) does not show: one for all segments, or each segment's when they differ.
 */
export function branchLabels(
  flow: Flow,
  target: string,
): { label?: string; labels?: Record<string, string> } {
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
