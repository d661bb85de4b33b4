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
import type { TextLine } from './task-text.js';

export interface FailEventPlace {
  /** The event's centre on the task's edge. */
  cx: number;
  /** The edge it sits on. */
  edge: 'bottom' | 'top';
  /** On the top edge, how far above it the centre is: lifted off the first line of the task's name. */
  rise?: number;
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
/**
 * The most an event on the top edge is lifted off the task's name: its centre this far above the
 * edge still leaves half its radius inside the task, so it reads as attached.
 */
const MAX_RISE = 9;

export interface Near {
  /** Shapes drawn near the task, not the task itself: the event keeps clear of them where it can. */
  shapes?: readonly Rect[];
  /** Where lines leave the task's bottom edge (its message flow): kept clear of too, where there is room. */
  lines?: readonly number[];
  /** Whether the failure leads one way only, so that its flow may leave from the top edge. */
  oneWay?: boolean;
  /** The first line of the task's name (task-text.ts): an event on the top edge keeps off it. */
  topLine?: TextLine;
}

export function failEventPlace(
  task: TaskEdge,
  /** The centre of the end the failure alone leads to, when it leads to one end only. */
  end: Point | undefined,
  size: number,
  near: Near = {},
): FailEventPlace {
  return (end && intoEnd(task, end, size)) ?? alongEdges(task, size, near);
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

/**
 * Along the bottom edge clear of shapes (and of the lines, where there is room), else on top
 * (clear of the name's first line where there is room, else lifted off it), else the corner.
 */
function alongEdges(task: TaskEdge, size: number, near: Near): FailEventPlace {
  const { shapes = [], lines = [], oneWay = false, topLine } = near;
  const marks = lines.map((x) => ({ x, y: task.bottom, width: 0, height: 0 }));
  const below =
    clearCx(task, task.bottom, size, [...shapes, ...marks]) ?? clearCx(task, task.bottom, size, shapes);
  if (below !== undefined) return { cx: below, edge: 'bottom' };
  if (!oneWay) return { cx: task.x + task.width - CORNER, edge: 'bottom' };
  const text = topLine
    ? [{ x: topLine.left, y: topLine.top, width: topLine.right - topLine.left, height: 1 }]
    : [];
  const above = clearCx(task, task.top, size, [...shapes, ...text]) ?? clearCx(task, task.top, size, shapes);
  if (above === undefined) return { cx: task.x + task.width - CORNER, edge: 'bottom' };
  return { cx: above, edge: 'top', rise: riseOver(topLine, above, task.top, size) };
}

/** How far the centre of an event at `cx` on the top edge goes up for its bottom to clear the name's first line. */
function riseOver(line: TextLine | undefined, cx: number, top: number, size: number): number {
  const half = size / 2;
  if (!line || cx + half <= line.left || cx - half >= line.right) return 0;
  return Math.min(MAX_RISE, Math.max(0, Math.ceil(top + half + 1 - line.top)));
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
