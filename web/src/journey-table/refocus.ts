/**
 * Keeps the keyboard user's place across an edit: the table is drawn anew from the changed text,
 * so the element to focus next (the moved step's button, a new step's name) is found by a
 * selector once the new table is on the page.
 */
import { useEffect, useRef } from 'preact/hooks';

export function useRefocus(root: { current: HTMLElement | null }): (selector: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    const target = root.current?.querySelector<HTMLElement>(pending.current);
    if (!target) return;
    pending.current = null;
    target.focus();
    // A new element's name is selected, so typing replaces "New step".
    if (target instanceof HTMLInputElement) target.select();
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  return (selector) => {
    pending.current = selector;
  };
}
