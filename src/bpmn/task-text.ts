/**
 * Where bpmn-js draws a task's name inside it: wrapped to the task's width less a 5 px padding
 * each side, in 12 px lines 1.2 high, the block centred both ways (its TextRenderer's defaults).
 * Measured with the bundled DejaVu Sans, which is wider than bpmn-js's Arial: the lines found are,
 * if anything, more than drawn (so the block's top is no lower), but they break elsewhere, so a
 * first line that wraps is taken as wide as the task allows.
 */
import { textWidth, wrap } from '../views/text.js';
import type { Rect } from './diagram-writer.js';

const PADDING = 5;
const SIZE = 12;
const LINE = SIZE * 1.2;

/** The first line of a task's name as drawn: its top and its left and right ends; none for no name. */
export interface TextLine {
  top: number;
  left: number;
  right: number;
}

export function taskTopLine(task: Rect, name: string): TextLine | undefined {
  const lines = wrap(name, task.width - 2 * PADDING, SIZE, Number.POSITIVE_INFINITY);
  const first = lines[0];
  if (first === undefined) return undefined;
  const top = task.y + (task.height - lines.length * LINE) / 2;
  if (lines.length > 1) return { top, left: task.x + PADDING, right: task.x + task.width - PADDING };
  const half = textWidth(first, SIZE) / 2;
  const centre = task.x + task.width / 2;
  return { top, left: centre - half, right: centre + half };
}
