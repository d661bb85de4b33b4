/**
 * The lines a swimlane layout draws between boxes: each flow from its exit port out along its
 * gutter (and its channel, and the entry gutter) into its entry port, its label right after it
 * leaves its box; and the lines of interaction, straight down a column of one step or along the
 * step's rail.
 */
import { lastAtMost } from '../collections/sorted-search.js';
import type { Box, Edge } from './diagram.js';
import type { Gutters } from './swimlane-gutters.js';
import { labelSize } from './swimlane-metrics.js';
import type { PortYs } from './swimlane-ports.js';
import type { Piece, Route } from './swimlane-routes.js';
import { INTERACTION_X, RAIL } from './swimlane-spacing.js';
import type { EdgeSpec, StackSpec } from './swimlane-spec.js';

export function flowEdge(
  r: Route,
  boxById: Map<string, Box>,
  { exitY, entryY }: PortYs,
  gutters: Gutters,
  gutterX: number[],
  channelAt: (r: Route) => number,
): Edge {
  const trackX = (piece: Piece) => (gutterX[Number(piece.key)] ?? 0) + gutters.track(piece);
  const from = boxById.get(r.edge.from) as Box;
  const to = boxById.get(r.edge.to) as Box;
  const [ey, ty] = [exitY(r), entryY(r)];
  const pieces = gutters.pieces.get(r) as Piece[];
  const first = trackX(pieces[0] as Piece);
  const points: [number, number][] = [
    [from.x + from.width, ey],
    [first, ey],
  ];
  if (r.kind === 'side') points.push([first, ty], [to.x + to.width, ty]);
  else if (r.kind === 'adjacent') points.push([first, ty], [to.x, ty]);
  else {
    const cy = channelAt(r);
    const second = trackX(pieces[1] as Piece);
    points.push([first, cy], [second, cy], [second, ty], [to.x, ty]);
  }
  const label = r.edge.label;
  const size = label ? labelSize(label) : undefined;
  return {
    id: r.edge.id,
    kind: r.edge.kind,
    from: from.id,
    to: to.id,
    ...(label && size
      ? {
          label,
          labelBox: {
            x: from.x + from.width + 3,
            y: ey - size.height / 2,
            width: size.width,
            height: size.height,
          },
        }
      : {}),
    points: simplify(points),
  };
}

/** A line of interaction: straight down a column of one step, or along the step's rail. */
export function interactionEdge(
  e: EdgeSpec,
  boxes: Map<string, Box>,
  railOf: Map<string, number>,
  stackOf: Map<string, StackSpec>,
  columnX: number[],
): Edge {
  const a = boxes.get(e.from) as Box;
  const b = boxes.get(e.to) as Box;
  const [upper, lower] = a.y < b.y ? [a, b] : [b, a];
  const rail = railOf.get(stackOf.get(e.from)?.id ?? '');
  // Columns run left to right: their x ascend. (Searching them all for each line of interaction
  // was a tenth of a 2,000-step blueprint's time.)
  const column = lastAtMost(columnX, upper.x);
  const rx = column + RAIL.pad / 2 + (rail ?? 0) * RAIL.gap;
  const cx = upper.x + INTERACTION_X;
  const points: [number, number][] =
    rail === undefined
      ? [
          [cx, upper.y + upper.height],
          [cx, lower.y],
        ]
      : [
          [upper.x, upper.y + RAIL.tick],
          [rx, upper.y + RAIL.tick],
          [rx, lower.y + RAIL.tick],
          [lower.x, lower.y + RAIL.tick],
        ];
  return { id: e.id, kind: 'interaction', from: a.id, to: b.id, points };
}

/** The points with repeats dropped and each straight run's middle points taken out. */
function simplify(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before[0] === last[0] && last[0] === p[0]) || (before[1] === last[1] && last[1] === p[1]))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
