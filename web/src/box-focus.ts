/**
 * The diagram's boxes as things to reach with the keyboard: steps, ends and backstage activities
 * take the focus (Tab), named by their text for a screen reader. The server draws the diagram
 * anew after every edit; the box that had the focus gets it back in the new drawing.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** What can be picked on a diagram: a box, or a view's mark (a stage heading) that names an element. */
export const PICKABLE = 'g.box[data-ref], g.mark[data-ref]';
const FOCUSABLE = ['step', 'end', 'activity'].map((k) => `g.box[data-kind="${k}"][data-ref]`).join(', ');

export interface Picked {
  ref: string;
  /** The box's kind (step, touchpoint, end, ...), or undefined for a mark. */
  kind?: string;
  el: SVGGraphicsElement;
}

export function pickedAt(target: EventTarget | null): Picked | undefined {
  const el = target instanceof Element ? target.closest(PICKABLE) : null;
  const ref = el?.getAttribute('data-ref');
  if (!el || !ref) return undefined;
  return { ref, kind: el.getAttribute('data-kind') ?? undefined, el: el as SVGGraphicsElement };
}

const selector = (ref: string, kind?: string) =>
  `g.box[data-ref="${CSS.escape(ref)}"]${kind ? `[data-kind="${CSS.escape(kind)}"]` : ''}`;

export function useBoxFocus(stage: RefObject<HTMLElement>, svg: string): void {
  const last = useRef<{ ref: string; kind?: string } | null>(null);
  useLayoutEffect(() => {
    const root = stage.current;
    if (!root) return;
    for (const el of root.querySelectorAll(FOCUSABLE)) {
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      const title = el.querySelector('title')?.textContent ?? '';
      el.setAttribute('aria-label', title.split('\n')[0] ?? '');
    }
    const had = last.current;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (had && lost) root.querySelector<SVGGraphicsElement>(selector(had.ref, had.kind))?.focus();
  }, [svg]);
  useLayoutEffect(() => {
    const root = stage.current;
    if (!root) return;
    const onIn = (e: FocusEvent) => {
      const box = pickedAt(e.target);
      last.current = box ? { ref: box.ref, kind: box.kind } : null;
    };
    // Focus going elsewhere on the page ends it; a box removed by a new drawing does not.
    const onOut = (e: FocusEvent) => {
      if (e.relatedTarget && !root.contains(e.relatedTarget as Node)) last.current = null;
    };
    root.addEventListener('focusin', onIn);
    root.addEventListener('focusout', onOut);
    return () => {
      root.removeEventListener('focusin', onIn);
      root.removeEventListener('focusout', onOut);
    };
  }, []);
}
