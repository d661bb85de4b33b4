/**
 * Resets a field's draft when the model's value changes (an edit elsewhere, undo), at once and
 * only then: not when the field appears, so keys typed into a field that has just been shown (a
 * new step's name) are kept, and not after a paint, so nothing typed in between is overwritten.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useReset(key: string, reset: () => void): void {
  const shown = useRef(key);
  useLayoutEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    reset();
  }, [key]);
}
