/**
 * A line straight down a column, from the bottom of one box to the top of another (a message flow
 * between a customer's step and the company's touchpoint, a step's backstage chain): where boxes
 * of other lanes lie in its way, it steps aside just before the first of them into the gap left
 * of the column, runs down past the last, and steps back. Drawn straight, it went through the
 * boxes between, as if it belonged to them.
 */
import type { Point, Rect } from './diagram-writer.js';
import { crosses } from './path-crosses.js';

/** How far left of the boxes in the way the line runs, and the most it goes on before stepping aside. */
const GUTTER = 5;
const STEP = 10;

export function columnRoute(from: Point, to: Point, shapes: readonly Rect[]): Point[] {
  const straight: Point[] = [from, to];
  if (to[1] < from[1]) return columnRoute(to, from, shapes).reverse();
  const inWay = shapes.filter((r) => crosses(straight, [r]));
  if (inWay.length === 0) return straight;
  const firstTop = Math.min(...inWay.map((r) => r.y));
  const lastBottom = Math.max(...inWay.map((r) => r.y + r.height));
  if (firstTop <= from[1] || lastBottom >= to[1]) return straight;
  const x = Math.min(...inWay.map((r) => r.x)) - GUTTER;
  const down = from[1] + Math.min(STEP, (firstTop - from[1]) / 2);
  const back = to[1] - Math.min(STEP, (to[1] - lastBottom) / 2);
  const way: Point[] = [from, [from[0], down], [x, down], [x, back], [to[0], back], to];
  return crosses(way, shapes) ? straight : way;
}
