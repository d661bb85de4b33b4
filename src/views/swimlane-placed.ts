/**
 * The boxes of a swimlane layout before they have coordinates: where each sits (column, lane,
 * row), the flows along its sides, and its size: its full text wrapped, and room for every flow
 * in and out (and its label).
 */
import { listIn } from '../collections/list-in.js';
import type { ColumnPlan } from './swimlane-columns.js';
import { BOX, SUPPORT_MARK } from './swimlane-metrics.js';
import type { Place, Route } from './swimlane-routes.js';
import { END_WIDTH, ENTRY_GAP, PORT_GAP, portRoom } from './swimlane-spacing.js';
import type { NodeSpec, StackSpec } from './swimlane-spec.js';
import { wrap } from './text.js';

export interface Port {
  route: Route;
  /** Leaving the box, rather than arriving. */
  out: boolean;
}

export interface Placed {
  spec: NodeSpec;
  place: Place;
  width: number;
  height: number;
  lines: string[];
  captionLines: string[];
}

/** Rows: in each column, the stacks top to bottom; in each lane, their boxes one under another. */
export function placeRows(
  lanes: number,
  plan: ColumnPlan,
  stacks: Map<string, StackSpec>,
  laneOf: (id: string) => number,
): { placeOf: Map<string, Place>; rows: number[]; columnStacks: StackSpec[][] } {
  const placeOf = new Map<string, Place>();
  const rows = Array.from({ length: lanes }, () => 1);
  const columnStacks: StackSpec[][] = plan.order.map((ids) => ids.map((id) => stacks.get(id) as StackSpec));
  for (const [column, list] of columnStacks.entries()) {
    const filled = new Map<number, number>();
    for (const stack of list) {
      for (const id of [...stack.nodes].sort((a, b) => laneOf(a) - laneOf(b))) {
        const lane = laneOf(id);
        const row = filled.get(lane) ?? 0;
        filled.set(lane, row + 1);
        rows[lane] = Math.max(rows[lane] ?? 1, row + 1);
        placeOf.set(id, { column, lane, row });
      }
    }
  }
  return { placeOf, rows, columnStacks };
}

/** The flows along each box's right side (out, and in from its own column) and its left side. */
export function sidePorts(routes: Route[]): { right: Map<string, Port[]>; left: Map<string, Port[]> } {
  const right = new Map<string, Port[]>();
  const left = new Map<string, Port[]>();
  for (const r of routes) {
    listIn(right, r.edge.from).push({ route: r, out: true });
    const side = r.kind === 'side' ? right : left;
    listIn(side, r.edge.to).push({ route: r, out: false });
  }
  return { right, left };
}

/** Every box sized for its text and the flows along its sides. */
export function placeBoxes(
  placeOf: Map<string, Place>,
  nodeById: Map<string, NodeSpec>,
  sides: { right: Map<string, Port[]>; left: Map<string, Port[]> },
): Map<string, Placed> {
  const rightRoom = (id: string) =>
    (sides.right.get(id) ?? []).reduce(
      (sum, p) => sum + (p.out ? portRoom(p.route.edge.label) : ENTRY_GAP),
      0,
    );
  const placed = new Map<string, Placed>();
  for (const [id, place] of placeOf) {
    const node = nodeById.get(id) as NodeSpec;
    placed.set(id, sized(node, place, rightRoom(id), sides.left.get(id)?.length ?? 0));
  }
  return placed;
}

/** A box's size: its full text wrapped, and room for every flow in and out (and its label). */
function sized(node: NodeSpec, place: Place, rightRoom: number, leftPorts: number): Placed {
  if (node.kind === 'support')
    return {
      spec: node,
      place,
      width: SUPPORT_MARK.width,
      height: SUPPORT_MARK.height,
      lines: [],
      captionLines: [],
    };
  // Ends and stubs are narrow and kept right, clear of the line of interaction down the column.
  const width = node.kind === 'end' || node.kind === 'start' || node.kind === 'stub' ? END_WIDTH : BOX.width;
  const inner = width - 2 * BOX.padding;
  const lines = wrap(node.text, inner, BOX.font, Number.POSITIVE_INFINITY);
  const captionLines = node.caption
    ? wrap(node.caption, inner, BOX.captionFont, Number.POSITIVE_INFINITY)
    : [];
  const text = 2 * BOX.padding + lines.length * BOX.lineHeight + captionLines.length * BOX.caption;
  const height = Math.max(BOX.minHeight, text, rightRoom + 2 * PORT_GAP, (leftPorts + 1) * ENTRY_GAP);
  return { spec: node, place, width, height, lines, captionLines };
}
