/**
 * Where a step's error boundary event sits on its task's bottom edge, and how its flow reaches the
 * end when the failure leads to one end only, drawn under the task (the usual "Abandoned"): right
 * above that end, dropping straight into it, when there is room between them; else beside it,
 * turning into its side. Otherwise near the bottom right, where a failure that leads several ways
 * meets its gateway, moved left along the edge until it is clear of the shapes drawn near (an end
 * under the task, the task below) and, where there is room, of the task's message flow; on the
 * top edge when the bottom one has no room and the failure leads one way (a task close below).
 * At the corner always, the event covered half of a close end or the top of the next task.
 */
import type { Point, Rect } from './diagram-writer.js';

export interface FailEventPlace {
  /** The event's centre on the task's edge. */
  cx: number;
  /** The edge it sits on. */
  edge: 'bottom' | 'top';
  /** The flow into the end, from the event's bottom; none when the failure's ways are routed as the diagram has them. */
  route?: Point[];
}

interface TaskEdge {
  x: number;
  width: number;
  top: number;
  bottom: number;
}

/** Clear of the task's rounded corners: the event's centre at least this far in from each side. */
const INSET = 22;
/** The corner's place: the event's centre this far in from the task's right side. */
const CORNER = 24;
const GAP = 6;

export function failEventPlace(
  task: TaskEdge,
  /** The centre of the end the failure alone leads to, when it leads to one end only. */
  end: Point | undefined,
  size: number,
  /** Shapes drawn near the task, not the task itself: the event keeps clear of them where it can. */
  shapes: readonly Rect[] = [],
  /** Where lines leave the task's bottom edge (its message flow): kept clear of too, where there is room. */
  lines: readonly number[] = [],
  /** Whether the failure leads one way only, so that its flow may leave from the top edge. */
  oneWay = false,
): FailEventPlace {
  return (end && intoEnd(task, end, size)) ?? alongEdges(task, size, shapes, lines, oneWay);
}

/** Above or beside the one end under the task, with the flow into it; none when the end is not below. */
function intoEnd(task: TaskEdge, end: Point, size: number): FailEventPlace | undefined {
  const [ex, ey] = end;
  const half = size / 2;
  const fits = (cx: number) => cx >= task.x + INSET && cx <= task.x + task.width - INSET;
  if (ey - half < task.bottom) return undefined;
  if (ey - half >= task.bottom + half + GAP && fits(ex))
    return {
      cx: ex,
      edge: 'bottom',
      route: [
        [ex, task.bottom + half],
        [ex, ey - half],
      ],
    };
  // Beside the end, clear of it, on the side with room; the flow turns into the end's near side.
  for (const side of [-1, 1]) {
    const cx = ex + side * (size + GAP);
    if (fits(cx))
      return {
        cx,
        edge: 'bottom',
        route: [
          [cx, task.bottom + half],
          [cx, ey],
          [ex - side * half, ey],
        ],
      };
  }
  return undefined;
}

/** Along the bottom edge clear of shapes (and of the lines, where there is room), else on top, else the corner. */
function alongEdges(
  task: TaskEdge,
  size: number,
  shapes: readonly Rect[],
  lines: readonly number[],
  oneWay: boolean,
): FailEventPlace {
  const marks = lines.map((x) => ({ x, y: task.bottom, width: 0, height: 0 }));
  const below =
    clearCx(task, task.bottom, size, [...shapes, ...marks]) ?? clearCx(task, task.bottom, size, shapes);
  if (below !== undefined) return { cx: below, edge: 'bottom' };
  const above = oneWay ? clearCx(task, task.top, size, shapes) : undefined;
  return above === undefined
    ? { cx: task.x + task.width - CORNER, edge: 'bottom' }
    : { cx: above, edge: 'top' };
}

/** The rightmost centre on the task's edge at `y`, from the corner leftwards, where the event touches no shape. */
function clearCx(task: TaskEdge, y: number, size: number, shapes: readonly Rect[]): number | undefined {
  const half = size / 2;
  const free = (cx: number) =>
    shapes.every(
      (r) =>
        cx + half + GAP <= r.x ||
        r.x + r.width + GAP <= cx - half ||
        y + half + GAP <= r.y ||
        r.y + r.height + GAP <= y - half,
    );
  for (let cx = task.x + task.width - CORNER; cx >= task.x + INSET; cx--) if (free(cx)) return cx;
  return undefined;
}
