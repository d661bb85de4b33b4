/**
 * Bringing a box into view without changing the zoom: a step just added may be drawn beyond the
 * pane's edge, and the user must see what they are naming.
 */
import type { Rect, Size, View } from './zoom';

/** Room kept between a revealed box and the pane's edge, in pane pixels. */
const MARGIN = 24;

/** The view panned just enough that the box lies inside the pane; the same view when it already does. */
export function reveal(view: View, box: Rect, pane: Size): View {
  const shift = (start: number, length: number, room: number) => {
    const [from, to] = [start, start + length];
    if (from >= MARGIN && to <= room - MARGIN) return 0;
    // Larger than the pane: its start is shown.
    if (to - from > room - 2 * MARGIN || from < MARGIN) return MARGIN - from;
    return room - MARGIN - to;
  };
  const x = shift(box.x * view.scale + view.dx, box.width * view.scale, pane.width);
  const y = shift(box.y * view.scale + view.dy, box.height * view.scale, pane.height);
  return x === 0 && y === 0 ? view : { ...view, dx: view.dx + x, dy: view.dy + y };
}
