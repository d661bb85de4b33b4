/**
 * The diagram canvas's geometry as pure functions: a view is a scale and an offset, and a point
 * of the diagram at (x, y) is shown at (x * scale + dx, y * scale + dy) in the pane.
 */
export interface View {
  scale: number;
  dx: number;
  dy: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;
/** Room kept around a fitted diagram or a focused finding, in pane pixels. */
const PADDING = 16;

const clamp = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The whole diagram in the pane, centred, never larger than its own size. */
export function fitView(content: Size, pane: Size): View {
  return frame({ x: 0, y: 0, ...content }, pane, 1);
}

/** A part of the diagram centred in the pane, as large as fits but no larger than `most`. */
export function frame(rect: Rect, pane: Size, most: number): View {
  const room = (length: number) => Math.max(1, length - 2 * PADDING);
  const scale = clamp(
    Math.min(most, room(pane.width) / Math.max(1, rect.width), room(pane.height) / Math.max(1, rect.height)),
  );
  return {
    scale,
    dx: pane.width / 2 - (rect.x + rect.width / 2) * scale,
    dy: pane.height / 2 - (rect.y + rect.height / 2) * scale,
  };
}

/** Zoomed by `factor` about a point of the pane, which stays over the same point of the diagram. */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }): View {
  const scale = clamp(view.scale * factor);
  const k = scale / view.scale;
  return { scale, dx: at.x - (at.x - view.dx) * k, dy: at.y - (at.y - view.dy) * k };
}

export const panBy = (view: View, x: number, y: number): View => ({
  ...view,
  dx: view.dx + x,
  dy: view.dy + y,
});

/** The smallest rectangle around all of them. */
export function union(rects: Rect[]): Rect | null {
  if (!rects.length) return null;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** How much a wheel turn zooms: a notch of a mouse wheel (100 px) by a fifth, a pinch smoothly. */
export const wheelFactor = (deltaY: number) => Math.exp(-Math.max(-300, Math.min(300, deltaY)) / 450);

export const scaleText = (view: View) => `${Math.round(view.scale * 100)}%`;
