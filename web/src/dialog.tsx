/**
 * A modal dialog (the browser's own <dialog>): it takes the focus, keeps it inside, and closes on
 * Escape or Cancel. Its body is a form; submitting it (Enter, or the main button) runs `onSubmit`,
 * and a refusal is shown in the dialog, which stays open.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { problemText } from './api';

export function Dialog(props: {
  title: string;
  submit: string;
  /** A red main button, for what cannot be undone. */
  danger?: boolean;
  children: ComponentChildren;
  onSubmit(): Promise<void>;
  onClose(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // Opened before the first paint, so keys typed right after the click that opened it go into it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await props.onSubmit();
    } catch (e) {
      setError(problemText(e));
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="dialog-title" onClose={props.onClose}>
      <form onSubmit={submit}>
        <h2 id="dialog-title">{props.title}</h2>
        {props.children}
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <p class="buttons">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" class={props.danger ? 'danger' : 'save'} disabled={busy}>
            {busy ? '…' : props.submit}
          </button>
        </p>
      </form>
    </dialog>
  );
}

/** A file name for a model: what was typed, with .yaml added when it has no ending. */
export const yamlName = (typed: string) => {
  const name = typed.trim();
  return name === '' || /\.(ya?ml|json)$/.test(name) ? name : `${name}.yaml`;
};
