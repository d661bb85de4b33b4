/**
 * Ctrl+S (Cmd+S) saves the model, as in every editor, instead of the browser saving the page. A
 * form field being typed in is left first, so that what it holds is in the text that is saved.
 */
import { useEffect, useRef } from 'preact/hooks';

export function useSaveKey(save: () => unknown): void {
  // The latest save, whose text is the latest render's.
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      const field = document.activeElement;
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.blur();
      // After the field's edit has rendered.
      setTimeout(() => latest.current(), 0);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
