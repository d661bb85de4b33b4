/**
 * Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) anywhere on a model's page undo and redo the model's edits,
 * whichever editor made them. The YAML editor handles its own keys; a text field being typed in
 * keeps its own undo until its text is committed.
 */
import { useEffect } from 'preact/hooks';
import type { EditorControl } from './editor';

export function useUndoKeys(control: { current: EditorControl | null }): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('.cm-editor')) return;
      if (target?.closest('[data-typing="true"]')) return;
      e.preventDefault();
      if (key === 'y' || e.shiftKey) control.current?.redo();
      else control.current?.undo();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [control]);
}
