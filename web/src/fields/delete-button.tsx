/**
 * Delete, asked first: the button turns into a question in place, with the focus on its answer.
 * When other elements still use the element, it says which instead and offers no delete: removing
 * it would leave them naming nothing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export function DeleteButton(props: {
  /** What goes, as the user knows it: `department "Sales"`. */
  what: string;
  /** What still uses it, when something does. */
  usedBy?: string;
  onDelete(): void;
}) {
  const [asking, setAsking] = useState(false);
  const answer = useRef<HTMLButtonElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => (asking ? answer.current : back.current)?.focus(), [asking]);
  if (!asking) {
    return (
      <button type="button" class="delete" ref={back} onClick={() => setAsking(true)}>
        Delete…
      </button>
    );
  }
  const close = () => setAsking(false);
  return (
    <div class="confirm" role="alert" onKeyDown={(e) => e.key === 'Escape' && close()}>
      {props.usedBy ? (
        <>
          <span>
            The {props.what} cannot be deleted: {props.usedBy} still{' '}
            {props.usedBy.includes(',') ? 'use' : 'uses'} it. Change those first, or rename it instead.
          </span>
          <button type="button" ref={answer} onClick={close}>
            OK
          </button>
        </>
      ) : (
        <>
          <span>Delete the {props.what}?</span>
          <button type="button" class="danger" ref={answer} onClick={props.onDelete}>
            Delete
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
