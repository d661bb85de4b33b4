/**
 * Labels placed clear of the shapes and of each other: each label keeps the place its exporter
 * chose when that place is free, and otherwise takes the nearest free one of a few around it
 * (shifts of a few pixels, then a label's size below, above, sideways), in the order the labels
 * were made; a flow's own label first sits above its line, not across it. Pools and lanes are
 * not obstacles: everything sits on them.
 */

import { type Box, BoxGrid } from './box-grid.js';

export type { Box } from './box-grid.js';

/** Overlap by more than a pixel: labels touching a shape's edge read fine. */
export const overlaps = (a: Box, b: Box) =>
  a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height;

/** How far a label may move, in steps of its own size: labels wrapped as bpmn-js does are taller. */
const RINGS = 5;

/** Small shifts, in px, that slide a label off a line passing through it, nearest first. */
const NUDGES = [6, 12, 18];

/**
 * The places a label may take to keep off lines: its own, the small shifts round it, and the
 * ring round it. Further off it reads as another element's, which is worse than a line through it.
 */
const OFF_LINES_WITHIN = 1 + 4 * NUDGES.length + 8;

/** Where a label may go, nearest first. */
function candidates(label: Box): Box[] {
  const dy = label.height + 4;
  const dx = label.width / 2 + 8;
  const moves: [number, number][] = [[0, 0]];
  for (const d of NUDGES) moves.push([0, d], [0, -d], [d, 0], [-d, 0]);
  // Rings around the chosen place, nearest first: below before above, then the sides.
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
    // Its own flow's horizontal legs count: on one, its text reads as struck through.
    const offLines = (c: Box) => !lineGrid.some(c, (l) => (!own.has(l) || l.height === 0) && overlaps(c, l));
    const places = candidates(label);
    const place =
      places.slice(0, OFF_LINES_WITHIN).find((c) => free(c) && offLines(c)) ?? places.find(free) ?? label;
    placed.push(place);
    labelGrid.add(place);
  });
  return placed;
}

/**
 * A flow's label lifted off its own line: bpmn-js draws labels without a background, so a label
 * centred on a horizontal leg of its flow (where the layout puts a share, "35%") reads as struck
 * through. It sits just above the leg instead; a label on no horizontal leg stays.
 */
export function aboveOwnLine(label: Box, legs: readonly Box[]): void {
  const leg = legs.find(
    (l) =>
      l.height === 0 &&
      l.y > label.y &&
      l.y < label.y + label.height &&
      l.x < label.x + label.width &&
      label.x < l.x + l.width,
  );
  if (leg) label.y = leg.y - label.height - 1;
}
