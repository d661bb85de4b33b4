/**
 * The selected element on the diagram: its boxes outlined in every drawing, and the first drawing
 * that shows it after it was picked brings it into sight (a step just added is drawn only after
 * the server has rendered the new model).
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Rect } from './zoom';

export function usePickedBox(
  stage: RefObject<HTMLElement>,
  svg: string,
  picked: string | null | undefined,
  bringIntoSight: (box: Rect) => void,
): void {
  const toReveal = useRef<string | null>(null);
  useLayoutEffect(() => {
    toReveal.current = picked ?? null;
  }, [picked]);
  useLayoutEffect(() => {
    const root = stage.current;
    if (!root) return;
    const all = (ref: string | null | undefined) =>
      ref ? [...root.querySelectorAll(`[data-ref="${CSS.escape(ref)}"]`)] : [];
    for (const el of root.querySelectorAll('.picked')) el.classList.remove('picked');
    for (const el of all(picked)) el.classList.add('picked');
    const shown = all(toReveal.current);
    const box = shown.find((el) => el.getAttribute('data-kind') === 'step') ?? shown[0];
    if (!box) return;
    toReveal.current = null;
    bringIntoSight(((box.querySelector('rect') ?? box) as SVGGraphicsElement).getBBox());
  }, [svg, picked]);
}
