/**
 * The sizes swimlane drawings are made of: boxes, flow labels, lane headers, the lines' and
 * stages' labels; the layout places by them and the SVG writer draws by them.
 */
import { textWidth, wrap } from './text.js';

export const BOX = {
  width: 120,
  minHeight: 40,
  font: 11,
  lineHeight: 14,
  padding: 6,
  caption: 13,
  captionFont: 10,
  maxLines: 4,
};
/** Edge labels: their font, a line's height, the padding around them. */
export const EDGE_LABEL = { font: 10, lineHeight: 11, pad: 2 };
/** A label's lines (one per segment when segments differ), and its size. */
export function labelSize(label: string): { lines: string[]; width: number; height: number } {
  const lines = label.split('\n');
  return {
    lines,
    width: Math.max(...lines.map((l) => textWidth(l, EDGE_LABEL.font))) + 2 * (EDGE_LABEL.pad + 1),
    height: lines.length * EDGE_LABEL.lineHeight + 2 * EDGE_LABEL.pad,
  };
}

/** A support system is a mark under the steps that use it: the lane names it. */
export const SUPPORT_MARK = { width: 30, height: 16 };
/** The lane headers' width, and their text's. */
export const LANE_HEADER = { width: 170, font: 11, lineHeight: 14, padding: 8 };
/** A lane's name wrapped into its header, every word of it. */
export const laneHeaderLines = (label: string) =>
  wrap(
    label,
    LANE_HEADER.width - 2 * LANE_HEADER.padding,
    LANE_HEADER.font,
    Number.POSITIVE_INFINITY,
    'bold',
  );
/** The height a lane needs for its name. */
export const laneHeaderHeight = (lines: readonly string[]) =>
  lines.length * LANE_HEADER.lineHeight + 2 * LANE_HEADER.padding;
/** Height kept free at the foot of a lane header for the name of the line under the lane. */
export const LINE_LABEL = { font: 11, room: 16 };
export const STAGE_LABEL = { font: 12, lineHeight: 15 };
