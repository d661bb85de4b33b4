/**
 * Renaming a box in place: an input laid over the box, in the diagram's coordinates, so that it
 * stays on the box while the view is zoomed or panned. Enter (or leaving it) commits, Escape
 * cancels. Keys typed here are the input's, not the canvas's (no panning on arrows).
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Picked } from './box-focus';
import type { Rect, View } from './zoom';

/**
 * Renaming on the canvas: `start` opens the box over a picked box when it can be renamed; `box`
 * is what to render in the pane. The focus goes back to the box (or the pane) afterwards.
 */
export function useRenameBox(
  pane: RefObject<HTMLElement>,
  view: View,
  textOf: ((ref: string, kind?: string) => string | undefined) | undefined,
  onRename: ((ref: string, kind: string | undefined, text: string) => void) | undefined,
) {
  const [renaming, setRenaming] = useState<(Picked & { at: Rect; text: string }) | null>(null);
  const start = (box: Picked | undefined) => {
    const text = box && textOf?.(box.ref, box.kind);
    if (!box || text === undefined) return;
    const rect = (box.el.querySelector('rect') ?? box.el) as SVGGraphicsElement;
    setRenaming({ ...box, at: rect.getBBox(), text });
  };
  const close = (el: SVGGraphicsElement) => {
    setRenaming(null);
    // A new drawing may have replaced the box meanwhile.
    (el.isConnected ? el : pane.current)?.focus({ preventScroll: true });
  };
  const box = renaming ? (
    <RenameBox
      at={renaming.at}
      view={view}
      text={renaming.text}
      label={`New name of ${renaming.text || renaming.ref}`}
      onCommit={(text) => {
        close(renaming.el);
        onRename?.(renaming.ref, renaming.kind, text);
      }}
      onCancel={() => close(renaming.el)}
    />
  ) : null;
  return { start, box };
}

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
