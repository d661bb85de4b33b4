/**
 * A diagram to explore: zoom with the wheel, a pinch or the buttons, pan by dragging or with the
 * arrow keys, fit to the pane (also whenever another diagram is first shown). The model elements a
 * finding names light up and are brought into view; a click on a box picks its element. The SVG
 * is moved with a CSS transform only: it stays linesight's own drawing, with its data-ref boxes.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
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
  /** More buttons for the toolbar (the exports). */
  children?: ComponentChildren;
}) {
  const pane = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ scale: 1, dx: 0, dy: 0 });
  const fitted = useRef<string | null>(null);
  const focused = useRef('');
  const drag = useRef<{ x: number; y: number; from: View; moved: boolean; ref: string | null } | null>(null);
  const lit = props.lit ?? [];

  const paneSize = () => ({ width: pane.current?.clientWidth ?? 0, height: pane.current?.clientHeight ?? 0 });
  const showAll = () => {
    const svg = stage.current?.querySelector('svg');
    if (!svg) return;
    const size = { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };
    setView(fitView(size, paneSize()));
  };
  const boxes = (refs: string[]) =>
    refs.flatMap((ref) => [
      ...(stage.current?.querySelectorAll(`g.box[data-ref="${CSS.escape(ref)}"]`) ?? []),
    ]);

  // Before the first paint of a new diagram, so it never shows at the old one's zoom and place.
  useLayoutEffect(() => {
    if (props.svg && fitted.current !== props.fitKey) {
      fitted.current = props.fitKey;
      focused.current = '';
      showAll();
    }
  }, [props.svg, props.fitKey]);

  useLayoutEffect(() => {
    for (const el of stage.current?.querySelectorAll('.lit, .picked') ?? [])
      el.classList.remove('lit', 'picked');
    const shown = boxes(lit);
    for (const el of shown) el.classList.add('lit');
    for (const el of boxes(props.picked ? [props.picked] : [])) el.classList.add('picked');
    // A finding chosen anew is brought into view; typing in the editor leaves the view alone.
    const key = lit.join('\n');
    if (key && key !== focused.current) {
      const around = union(shown.map((el): Rect => (el as SVGGraphicsElement).getBBox()));
      if (around) {
        focused.current = key;
        // At most 80%: the boxes readable, with their neighbours and lanes around them.
        setView(frame(around, paneSize(), 0.8));
      }
    } else if (!key) focused.current = '';
  }, [props.svg, lit.join('\n'), props.picked]);

  // The wheel is the canvas's while the pointer is over it: the page does not scroll away.
  useEffect(() => {
    const el = pane.current;
    if (!el) return;
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = el.getBoundingClientRect();
      const delta = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
      setView((v) => zoomAt(v, wheelFactor(delta), { x: e.clientX - box.left, y: e.clientY - box.top }));
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => el.removeEventListener('wheel', wheel);
  }, []);

  const zoomBy = (factor: number) => {
    const { width, height } = paneSize();
    setView((v) => zoomAt(v, factor, { x: width / 2, y: height / 2 }));
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const box = (e.target as Element).closest('g.box[data-ref]');
    drag.current = {
      x: e.clientX,
      y: e.clientY,
      from: view,
      moved: false,
      ref: box?.getAttribute('data-ref') ?? null,
    };
    pane.current?.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const [x, y] = [e.clientX - d.x, e.clientY - d.y];
    // A few pixels of wobble are still a click.
    if (!d.moved && Math.hypot(x, y) < 4) return;
    d.moved = true;
    setView(panBy(d.from, x, y));
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved && d.ref) props.onPick?.(d.ref);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = 60;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move) setView((v) => panBy(v, move[0], move[1]));
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
        aria-label="Diagram: drag or use the arrow keys to move, the wheel or + and - to zoom, 0 to fit"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drag.current = null;
        }}
        onKeyDown={onKeyDown}
      >
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
      </div>
    </div>
  );
}
