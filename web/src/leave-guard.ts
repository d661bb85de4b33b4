/**
 * A guard against leaving a model with unsaved changes: closing or reloading the tab asks the
 * browser's question; following a link inside the app asks ours, and staying puts the address back.
 */
import { useEffect } from 'preact/hooks';

let guard: (() => boolean) | null = null;

/** Whether the app may go to another page now (asks the user when a page has unsaved changes). */
export const mayLeave = (): boolean => !guard || guard();

export function useLeaveGuard(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = question;
    };
    const ask = () => confirm(question);
    guard = ask;
    addEventListener('beforeunload', onUnload);
    return () => {
      if (guard === ask) guard = null;
      removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, question]);
}
