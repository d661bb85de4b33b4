/**
 * Labels placed clear of the shapes and of each other: each label keeps the place its exporter
 * chose when that place is free, and otherwise takes the nearest free one of a few around it
 * (below, above, then sideways), in the order the labels were made. Pools and lanes are not
 * obstacles: everything sits on them.
 */

import { most } from '../collections/extremes.js';
import { type Box, BoxGrid } from './box-grid.js';

export type { Box } from './box-grid.js';

/** Overlap by more than a pixel: labels touching a shape's edge read fine. */
export const overlaps = (a: Box, b: Box) =>
  a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height;

/** How far a label may move, in steps of its own size: labels wrapped as bpmn-js does are taller. */
const RINGS = 5;

/**
 * The places a label may take to keep off lines: its own and the ring round it. Further off
 * it reads as another element's, which is worse than a line through it.
 */
const OFF_LINES_WITHIN = 1 + 8;

/** Where a label may go, nearest first. */
function candidates(label: Box): Box[] {
  const dy = label.height + 4;
  const dx = label.width / 2 + 8;
  // Rings around the chosen place, nearest first: below before above, then the sides.
  const moves: [number, number][] = [[0, 0]];
  for (let ring = 1; ring <= RINGS; ring++)
    for (const [mx, my] of [
      [0, ring],
      [0, -ring],
      [ring, 0],
      [-ring, 0],
      [ring, ring],
      [-ring, ring],
      [ring, -ring],
      [-ring, -ring],
    ] as const)
      moves.push([mx * dx, my * dy]);
  return moves.map(([mx, my]) => ({ ...label, x: label.x + mx, y: label.y + my }));
}

/**
 * New places for `labels`, each clear of `shapes` (but its own, `owners[i]`) and of the labels
 * placed before it, and where a place nearby allows, of the `lines` drawn (but its own flow's,
 * `ownLines[i]`): a label on a line reads as crossed out. A label with no free place nearby stays
 * where it was.
 */
export function placeLabels(
  labels: Box[],
  owners: (Box | undefined)[],
  shapes: Box[],
  lines: Box[] = [],
  ownLines: (readonly Box[] | undefined)[] = [],
): Box[] {
  const placed: Box[] = [];
  const shapeGrid = new BoxGrid();
  for (const shape of shapes) shapeGrid.add(shape);
  const lineGrid = new BoxGrid();
  for (const line of lines) lineGrid.add(line);
  const labelGrid = new BoxGrid();
  labels.forEach((label, i) => {
    const owner = owners[i];
    const own = new Set(ownLines[i] ?? []);
    const free = (c: Box) =>
      !shapeGrid.some(c, (s) => overlaps(c, s), owner) && !labelGrid.some(c, (p) => overlaps(c, p));
    const offLines = (c: Box) => !lineGrid.some(c, (l) => !own.has(l) && overlaps(c, l));
    const places = candidates(label);
    const place =
      places.slice(0, OFF_LINES_WITHIN).find((c) => free(c) && offLines(c)) ?? places.find(free) ?? label;
    placed.push(place);
    labelGrid.add(place);
  });
  return placed;
}

/** bpmn-js's external labels: 11 px Arial, lines 1.2 high; about 6 px a character on average. */
const CHAR = 6;
const LINE = 13.2;
/**
 * The width bpmn-js wraps an external label at, whatever the bounds the file gives it
 * (BpmnRenderer's renderExternalLabel); it draws the lines from the bounds' top left.
 */
const WRAP = 90;

/**
 * Bounds that hold `text` as bpmn-js draws it: wrapped by words at 90 px, from the bounds' top
 * left, centred on the place chosen. bpmn-js draws a label's text whatever the bounds' size, so
 * bounds wider than its wrap (they were up to 120 px) held a line or two fewer than it drew, and
 * the rest spilled onto what was below.
 */
export function fitText(bounds: Box, text: unknown): void {
  if (typeof text !== 'string' || text.trim() === '') return;
  const paragraphs = text
    .trim()
    .split('\n')
    .map((p) => p.trim().split(/\s+/));
  const longest = most(paragraphs.flat().map((w) => w.length * CHAR));
  const widest = Math.max(...paragraphs.map((p) => Math.min(WRAP, p.join(' ').length * CHAR)));
  const width = Math.max(widest, longest);
  let lines = 0;
  for (const words of paragraphs) {
    lines++;
    let used = 0;
    for (const word of words) {
      const w = word.length * CHAR;
      if (used > 0 && used + CHAR + w > width) {
        lines++;
        used = w;
      } else used += (used > 0 ? CHAR : 0) + w;
    }
  }
  const centre = bounds.x + bounds.width / 2;
  bounds.width = Math.round(width);
  bounds.x = Math.round((centre - width / 2) * 10) / 10;
  bounds.height = Math.ceil(lines * LINE);
}
