/**
 * Dragging the diagram pans it; pressing and letting go without moving is a click, on a box or
 * beside the boxes. The pointer is captured only once it is a drag, so that a click and a double
 * click stay on the box they were made on.
 */
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { pickedAt } from './box-focus';
import { panBy, type View } from './zoom';

/** A few pixels of wobble are still a click. */
const WOBBLE = 4;

export function usePanDrag(
  pane: RefObject<HTMLElement>,
  view: View,
  setView: (view: View) => void,
  onClick: (ref: string | null) => void,
) {
  const drag = useRef<{
    x: number;
    y: number;
    id: number;
    from: View;
    moved: boolean;
    ref: string | null;
  } | null>(null);
  return {
    onPointerDown(e: PointerEvent) {
      if (e.button !== 0) return;
      const ref = pickedAt(e.target)?.ref ?? null;
      drag.current = { x: e.clientX, y: e.clientY, id: e.pointerId, from: view, moved: false, ref };
    },
    onPointerMove(e: PointerEvent) {
      const d = drag.current;
      if (!d) return;
      const [x, y] = [e.clientX - d.x, e.clientY - d.y];
      if (!d.moved && Math.hypot(x, y) < WOBBLE) return;
      if (!d.moved) pane.current?.setPointerCapture(d.id);
      d.moved = true;
      setView(panBy(d.from, x, y));
    },
    onPointerUp() {
      const d = drag.current;
      drag.current = null;
      if (d && !d.moved) onClick(d.ref);
    },
    onPointerCancel() {
      drag.current = null;
    },
  };
}
