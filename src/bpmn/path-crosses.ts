/** Whether a drawn path crosses shapes: each leg's extent against each shape's bounds. */
import type { Point, Rect } from './diagram-writer.js';

/** Whether a path of horizontal and vertical legs passes through any of the shapes. */
export function crosses(path: readonly Point[], shapes: readonly Rect[]): boolean {
  for (let i = 1; i < path.length; i++) {
    const [a, b] = [path[i - 1] as Point, path[i] as Point];
    const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
    const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
    if (shapes.some((r) => x1 > r.x && x0 < r.x + r.width && y1 > r.y && y0 < r.y + r.height)) return true;
  }
  return false;
}
