/**
 * The last legs of a flow into the timer before a waited step. The blueprint's route ends at the
 * step's box; in BPMN the flow ends at the timer left of the task. Coming from the left it turns
 * into the timer at its height. Coming from the right (a retry into the step itself, or a loop back
 * from a later column) it went straight across the task and its timer; it now goes round them,
 * above (clear of the timer's label) or, where a shape close above is in the way, below, passing
 * left of the timer and turning into it.
 */
import type { Point, Rect } from './diagram-writer.js';
import { crosses } from './path-crosses.js';

/** How far the way round keeps from the task (or the label) and from the timer's left. */
const CLEAR = 12;

export function timerApproach(
  before: Point,
  /** The timer's left side, at its centre's height: where the flow ends. */
  at: Point,
  /** The top and bottom of what the flow goes round: the task, its timer and the timer's label. */
  span: { top: number; bottom: number },
  /** The shapes drawn around, which the way round should not cross. */
  shapes: readonly Rect[] = [],
): Point[] {
  const [x, y] = at;
  if (before[0] <= x) return [[before[0], y], at];
  const round = (level: number): Point[] => [[before[0], level], [x - CLEAR, level], [x - CLEAR, y], at];
  const ways = [round(span.top - CLEAR), round(span.bottom + CLEAR)];
  return ways.find((way) => !crosses([before, ...way], shapes)) ?? (ways[0] as Point[]);
}
