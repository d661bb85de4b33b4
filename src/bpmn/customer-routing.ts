/**
 * The blueprint's flows as the export draws them: its points moved down by the lanes above, into
 * a timer where the step waits (around the other shapes) or to an end event's rim, labels where
 * the blueprint put them, and the shapes a failure's event must keep clear of.
 */
import type { Box, Edge } from '../views/diagram.js';
import { type Entry, TIMER_LABEL } from './customer-boxes.js';
import type { Context } from './customer-context.js';
import { drawnBox, EVENT } from './customer-context.js';
import type { Point, Rect } from './diagram-writer.js';
import type { Element } from './moddle.js';
import { timerApproach } from './timer-approach.js';

export interface CustomerRouting {
  edgesFrom: (boxId: string, kind: Edge['kind']) => Edge[];
  /** The step or end a flow leads to. */
  targetOf: (e: Edge) => string;
  /** The flow into its target's element along `points`, or undefined when the target was not drawn. */
  routeInto: (e: Edge, points: Point[]) => { to: Element; points: Point[] } | undefined;
  /** The flow's points, moved down by the lanes above. */
  mapped: (e: Edge) => Point[];
  /** The flow's label at `x`, at the blueprint's height. */
  labelAt: (e: Edge, x: number) => Rect | undefined;
  /** The tasks and end events drawn within an event's reach of a box's bottom edge, not the box's own task. */
  shapesNear: (box: Box) => Rect[];
}

export function customerRouting(ctx: Context, entry: Map<string, Entry>): CustomerRouting {
  const { diagram, w } = ctx;
  const Y = w.fit.y;
  /** The tasks and end events drawn (once all are: read after the boxes are written). */
  let drawn: { box: Box; rect: Rect }[] | undefined;
  const allDrawn = () =>
    (drawn ??= diagram.boxes.flatMap((b) => {
      if (b.kind === 'step') return [{ box: b, rect: drawnBox(b, Y) }];
      const at = b.kind === 'end' ? entry.get(b.id)?.at : undefined;
      return at
        ? [{ box: b, rect: { x: at[0] - EVENT / 2, y: at[1] - EVENT / 2, width: EVENT, height: EVENT } }]
        : [];
    }));
  /** The tasks and end events drawn, but `box`'s own task. */
  const drawnShapes = (box: Box): Rect[] => allDrawn().flatMap((d) => (d.box === box ? [] : [d.rect]));
  const routeInto = (e: Edge, points: Point[]): { to: Element; points: Point[] } | undefined => {
    const into = entry.get(e.to);
    if (!into) return undefined;
    const pts = points.map((p) => [...p] as Point);
    if (into.at) {
      const toBox = diagram.boxes.find((b) => b.id === e.to) as Box;
      const [cx, cy] = into.at;
      const last = pts[pts.length - 1] as Point;
      const before = pts[pts.length - 2] as Point;
      if (toBox.kind === 'end') {
        pts[pts.length - 1] = [last[0] > cx ? cx + EVENT / 2 : cx - EVENT / 2, cy];
        pts[pts.length - 2] = [before[0], cy];
      } else {
        const span = {
          top: Math.min(Y(toBox.y), cy - EVENT / 2 - TIMER_LABEL),
          bottom: Y(toBox.y + toBox.height),
        };
        pts.splice(pts.length - 2, 2, ...timerApproach(before, into.at, span, drawnShapes(toBox)));
      }
    }
    return { to: into.element, points: pts };
  };
  return {
    edgesFrom: (boxId, kind) => diagram.edges.filter((e) => e.from === boxId && e.kind === kind),
    targetOf: (e) => e.id.slice(e.id.lastIndexOf('>') + 1),
    routeInto,
    mapped: (e) => e.points.map(([x, y]) => [x, Y(y)]),
    labelAt: (e, x) =>
      e.labelBox ? { x, y: Y(e.labelBox.y), width: e.labelBox.width, height: e.labelBox.height } : undefined,
    shapesNear: (box) => {
      const bottom = Y(box.y + box.height);
      return drawnShapes(box).filter(
        (r) =>
          r.y < bottom + EVENT &&
          r.y + r.height > bottom - EVENT &&
          r.x < box.x + box.width + EVENT &&
          r.x + r.width > box.x - EVENT,
      );
    },
  };
}
