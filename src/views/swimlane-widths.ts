/**
 * A swimlane layout from left to right: gutters as wide as their tracks and labels, columns as
 * wide as their widest box, and in a column of several steps a strip for the rails that join
 * each step's boxes.
 */

import { BOX, LANE_HEADER } from './swimlane-metrics.js';
import type { Placed } from './swimlane-placed.js';
import { MARGIN, RAIL } from './swimlane-spacing.js';
import type { EdgeSpec, StackSpec } from './swimlane-spec.js';

export interface Widths {
  /** Each gutter's and each column's left edge. */
  gutterX: number[];
  columnX: number[];
  columnWidth: number[];
  /** The rail of each stack whose steps are joined along one. */
  railOf: Map<string, number>;
  /** Where a column's boxes start, right of its rails. */
  boxLeft: (column: number) => number;
  width: number;
}

export function layOutWidths(
  columnStacks: StackSpec[][],
  interactions: EdgeSpec[],
  stackOf: Map<string, StackSpec>,
  placed: Map<string, Placed>,
  gutterWidth: (gutter: number) => number,
  count: number,
): Widths {
  // Rails: a column of several steps joins each step's boxes along a rail of its own.
  const railOf = new Map<string, number>();
  const interacting = new Set(interactions.map((e) => stackOf.get(e.from)?.id));
  const strip = columnStacks.map((list) => {
    const joined = list.filter((s) => interacting.has(s.id));
    if (list.length < 2 || joined.length === 0) return 0;
    for (const [i, s] of joined.entries()) railOf.set(s.id, i);
    return RAIL.pad + joined.length * RAIL.gap;
  });
  // A column is as wide as its widest box: the start's column is narrow. (Found in one pass over
  // the boxes, not one per column: columns x boxes on a 3,000-step blueprint.)
  const columnWidth = columnStacks.map(() => Number.NEGATIVE_INFINITY);
  for (const p of placed.values())
    if (p.place.column >= 0 && p.place.column < columnWidth.length)
      columnWidth[p.place.column] = Math.max(columnWidth[p.place.column] as number, p.width);
  const gutterX: number[] = [];
  const columnX: number[] = [];
  let x = MARGIN + LANE_HEADER.width;
  for (let g = 0; g <= count; g++) {
    gutterX.push(x);
    x += gutterWidth(g);
    if (g === count) break;
    columnX.push(x);
    x += (strip[g] ?? 0) + (columnWidth[g] ?? BOX.width);
  }
  return {
    gutterX,
    columnX,
    columnWidth,
    railOf,
    boxLeft: (column) => (columnX[column] ?? 0) + (strip[column] ?? 0),
    width: x + MARGIN,
  };
}
