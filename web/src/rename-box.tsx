/**
 * Renaming a box in place: an input laid over the box, in the diagram's coordinates, so that it
 * stays on the box while the view is zoomed or panned. Enter (or leaving it) commits, Escape
 * cancels. Keys typed here are the input's, not the canvas's (no panning on arrows).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Rect, View } from './zoom';

export function RenameBox(props: {
  /** The box, in the diagram's coordinates. */
  at: Rect;
  view: View;
  text: string;
  label: string;
  onCommit(text: string): void;
  onCancel(): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  // Enter and Escape close the box; the blur that follows must not commit a second time.
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus({ preventScroll: true });
    input.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) props.onCommit(input.current?.value ?? '');
    else props.onCancel();
  };
  const { at, view } = props;
  // At least wide enough to type a name, however far the diagram is zoomed out.
  const width = Math.max(160, at.width * view.scale);
  return (
    <input
      ref={input}
      class="rename-box"
      aria-label={props.label}
      defaultValue={props.text}
      style={{
        left: `${at.x * view.scale + view.dx + (at.width * view.scale - width) / 2}px`,
        top: `${(at.y + at.height / 2) * view.scale + view.dy}px`,
        width: `${width}px`,
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
      onPointerDown={(e) => e.stopPropagation()}
      onBlur={() => finish(true)}
    />
  );
}
