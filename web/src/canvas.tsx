/**
 * A diagram to explore and edit: zoom with the wheel, a pinch or the buttons, pan by dragging or
 * with the arrow keys, fit to the pane (also whenever another diagram is first shown, never when the
 * same one is drawn again after an edit). The model elements a finding names light up and are
 * brought into view; a click on a box (or Enter on a box reached with Tab) picks its element,
 * Escape or a click beside the boxes lets go; a double click (or F2) renames it in place. The SVG
 * is moved with a CSS transform only: it stays linesight's own drawing, with its data-ref boxes.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { pickedAt, useBoxFocus } from './box-focus';
import { usePanDrag } from './pan-drag';
import { usePickedBox } from './picked-box';
import { useRenameBox } from './rename-box';
import { reveal } from './reveal';
import { fitView, frame, panBy, type Rect, scaleText, union, type View, wheelFactor, zoomAt } from './zoom';

export function Canvas(props: {
  svg: string;
  /** Which diagram this is: when it changes, the new diagram is shown fitted. */
  fitKey: string;
  /** Model elements to light up and bring into view (a finding's steps). */
  lit?: string[];
  /** The element picked, outlined. */
  picked?: string | null;
  onPick?(ref: string): void;
  /** Escape, or a click beside the boxes. */
  onClear?(): void;
  /** The text to rename a box from; undefined: the box cannot be renamed. */
  renameText?(ref: string, kind?: string): string | undefined;
  onRename?(ref: string, kind: string | undefined, text: string): void;
  /** The page's own keys, tried first; true when it took the key. */
  onKey?(e: KeyboardEvent): boolean;
  /** A line over the diagram saying what to do next (which box to click). */
  hint?: string;
  /** More buttons for the toolbar (the exports). */
  children?: ComponentChildren;
}) {
  const pane = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ scale: 1, dx: 0, dy: 0 });
  const fitted = useRef<string | null>(null);
  // True while the view is the fit: a pane that changes size (the table beside it loading, the
  // splitter dragged) then fits the diagram again; once the user zooms or pans it is left alone.
  const fitting = useRef(false);
  const focused = useRef('');
  const lit = props.lit ?? [];
  useBoxFocus(stage, props.svg);

  const paneSize = () => ({ width: pane.current?.clientWidth ?? 0, height: pane.current?.clientHeight ?? 0 });
  const showAll = () => {
    const svg = stage.current?.querySelector('svg');
    if (!svg) return;
    const size = { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };
    fitting.current = true;
    setView(fitView(size, paneSize()));
  };
  const moveView: typeof setView = (next) => {
    fitting.current = false;
    setView(next);
  };
  const boxes = (refs: string[]) =>
    refs.flatMap((ref) => [
      ...(stage.current?.querySelectorAll(`g.box[data-ref="${CSS.escape(ref)}"]`) ?? []),
    ]);

  // Before the first paint of a new diagram, so it never shows at the old one's zoom and place;
  // and a diagram shown whole stays whole as an edit grows it (three steps added ran off its edge
  // at the zoom that fitted it before). A view the user zoomed or panned is left as it is.
  useLayoutEffect(() => {
    if (props.svg && fitted.current !== props.fitKey) {
      fitted.current = props.fitKey;
      focused.current = '';
      showAll();
    } else if (props.svg && fitting.current) showAll();
  }, [props.svg, props.fitKey]);

  useEffect(() => {
    const el = pane.current;
    if (!el) return;
    let last = '';
    const observer = new ResizeObserver(() => {
      const size = `${el.clientWidth}x${el.clientHeight}`;
      if (size !== last && fitting.current) showAll();
      last = size;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A box picked is brought into view; a view that shows it already, the whole diagram say, stays
  // the fit (an added step, picked at once, left the view unfitted and the next one ran off the edge).
  usePickedBox(stage, props.svg, props.picked, (box) =>
    setView((v) => {
      const next = reveal(v, box, paneSize());
      if (next !== v) fitting.current = false;
      return next;
    }),
  );

  useLayoutEffect(() => {
    for (const el of stage.current?.querySelectorAll('.lit') ?? []) el.classList.remove('lit');
    const shown = boxes(lit);
    for (const el of shown) el.classList.add('lit');
    // A finding chosen anew is brought into view; typing in the editor leaves the view alone.
    const key = lit.join('\n');
    if (key && key !== focused.current) {
      const around = union(shown.map((el): Rect => (el as SVGGraphicsElement).getBBox()));
      if (around) {
        focused.current = key;
        // At most 80%: the boxes readable, with their neighbours and lanes around them.
        moveView(frame(around, paneSize(), 0.8));
      }
    } else if (!key) focused.current = '';
  }, [props.svg, lit.join('\n')]);

  // The wheel is the canvas's while the pointer is over it: the page does not scroll away.
  useEffect(() => {
    const el = pane.current;
    if (!el) return;
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = el.getBoundingClientRect();
      const delta = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
      moveView((v) => zoomAt(v, wheelFactor(delta), { x: e.clientX - box.left, y: e.clientY - box.top }));
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => el.removeEventListener('wheel', wheel);
  }, []);

  const zoomBy = (factor: number) => {
    const { width, height } = paneSize();
    moveView((v) => zoomAt(v, factor, { x: width / 2, y: height / 2 }));
  };

  const pointer = usePanDrag(pane, view, moveView, (ref) => (ref ? props.onPick?.(ref) : props.onClear?.()));
  const renamer = useRenameBox(pane, view, props.renameText, props.onRename);
  const pickedBox = () =>
    pickedAt(
      props.picked
        ? (stage.current?.querySelector(`g.box[data-ref="${CSS.escape(props.picked)}"]`) ?? null)
        : null,
    );
  // Keys on a box reached with Tab: Enter or Space picks it, F2 renames it (or the picked one).
  const boxKey = (e: KeyboardEvent) => {
    const box = pickedAt(e.target);
    if (box && (e.key === 'Enter' || e.key === ' ')) props.onPick?.(box.ref);
    else if (e.key === 'F2') renamer.start(box ?? pickedBox());
    else if (e.key === 'Escape' && props.onClear) props.onClear();
    else return false;
    return true;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (props.onKey?.(e) || boxKey(e)) {
      e.preventDefault();
      return;
    }
    const step = 60;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move) moveView((v) => panBy(v, move[0], move[1]));
    else if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-') zoomBy(0.8);
    else if (e.key === '0') showAll();
    else return;
    e.preventDefault();
  };

  return (
    <div class="canvas">
      <div class="canvas-tools">
        <button type="button" class="zoom-out" title="Zoom out (-)" onClick={() => zoomBy(0.8)}>
          −
        </button>
        <span class="scale" title="Scale of the diagram">
          {scaleText(view)}
        </span>
        <button type="button" class="zoom-in" title="Zoom in (+)" onClick={() => zoomBy(1.25)}>
          +
        </button>
        <button type="button" class="fit" title="Show the whole diagram (0)" onClick={showAll}>
          Fit
        </button>
        {props.children}
      </div>
      <div
        class="pane"
        ref={pane}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the pane takes the arrow keys, + and - to pan and zoom
        tabIndex={0}
        role="application"
        aria-label="Diagram: drag or use the arrow keys to move, the wheel or + and - to zoom, 0 to fit; Tab to a box and Enter to select it, F2 to rename it, Escape to let go"
        {...pointer}
        onDblClick={(e) => renamer.start(pickedAt(e.target))}
        onKeyDown={onKeyDown}
        // A box reached with Tab is brought into sight by panning; the browser's own scrolling
        // of the pane (which cannot reach boxes left of or above it) is undone.
        onFocusIn={(e) => {
          const box = pickedAt(e.target);
          // Not on a click: the box is in sight already, and a drag may start from it.
          if (!box?.el.matches(':focus-visible')) return;
          const rect = (box.el.querySelector('rect') ?? box.el) as SVGGraphicsElement;
          moveView((v) => reveal(v, rect.getBBox(), paneSize()));
        }}
        onScroll={(e) => {
          const el = e.currentTarget as HTMLElement;
          el.scrollLeft = 0;
          el.scrollTop = 0;
        }}
      >
        {props.hint ? (
          <p class="canvas-hint" role="status">
            {props.hint}
          </p>
        ) : null}
        {/* The SVG is linesight's own output, rendered from the model by the server. */}
        <div
          class="stage"
          ref={stage}
          style={{
            transform: `translate(${view.dx}px, ${view.dy}px) scale(${view.scale})`,
            // Outlines of lit and picked boxes keep their width on screen at any zoom.
            '--zoom': String(view.scale),
          }}
          dangerouslySetInnerHTML={{ __html: props.svg }}
        />
        {renamer.box}
      </div>
    </div>
  );
}
