/**
 * The bar between the editors and the diagram: dragged (or moved with the arrow keys when it has
 * the focus) it gives one side more room; a double click (or Home) puts back the default. The
 * editors' share of the width is remembered.
 */
import { useState } from 'preact/hooks';

const KEY = 'linesight:split';
/** Neither side gets less than this many pixels. */
const MIN = 300;

const clampShare = (share: number, width: number) =>
  width <= 2 * MIN ? 0.5 : Math.min(1 - MIN / width, Math.max(MIN / width, share));

/** The editors' share of the width, or null for the layout's default; and how to change it. */
export function useSplit(): [number | null, (share: number | null) => void] {
  const [share, setShare] = useState<number | null>(() => {
    const stored = Number(localStorage.getItem(KEY));
    return stored > 0 && stored < 1 ? stored : null;
  });
  return [
    share,
    (next) => {
      if (next === null) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, next.toFixed(3));
      setShare(next);
    },
  ];
}

/** The grid columns of the panes for a share (null: the stylesheet's default). */
export const splitColumns = (share: number | null) =>
  share === null ? undefined : `${(share * 100).toFixed(1)}% 8px 1fr`;

export function Splitter(props: { share: number | null; onShare(share: number | null): void }) {
  const [dragging, setDragging] = useState(false);
  const panes = (el: Element) => el.parentElement?.getBoundingClientRect();
  const current = (el: Element) => {
    const box = panes(el);
    const left = el.previousElementSibling?.getBoundingClientRect();
    return box && left ? (left.right - box.left) / box.width : 0.5;
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter (WAI-ARIA), which <hr> cannot be
    <div
      class={`splitter${dragging ? ' dragging' : ''}`}
      role="separator"
      aria-orientation="vertical"
      aria-label="Width of the editors beside the diagram"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round((props.share ?? 0.5) * 100)}
      tabIndex={0}
      title="Drag to give the editors or the diagram more room; double click for the default"
      onPointerDown={(e) => {
        (e.currentTarget as Element).setPointerCapture(e.pointerId);
        setDragging(true);
      }}
      onPointerMove={(e) => {
        if (!dragging) return;
        const box = panes(e.currentTarget as Element);
        if (box) props.onShare(clampShare((e.clientX - box.left) / box.width, box.width));
      }}
      onPointerUp={() => setDragging(false)}
      onDblClick={() => props.onShare(null)}
      onKeyDown={(e) => {
        const el = e.currentTarget as Element;
        const width = panes(el)?.width ?? 1000;
        const step = 40 / width;
        if (e.key === 'ArrowLeft') props.onShare(clampShare(current(el) - step, width));
        else if (e.key === 'ArrowRight') props.onShare(clampShare(current(el) + step, width));
        else if (e.key === 'Home') props.onShare(null);
        else return;
        e.preventDefault();
      }}
    />
  );
}
