/**
 * Asking before a step is deleted, in the app's own dialog (not the browser's confirm box, which
 * looks like a warning from another site and cannot be styled or focused like the rest): the
 * journey table and the canvas ask alike, each with its own plan of where the flows go.
 */
import { Dialog } from './dialog';

export function DeleteStepDialog(props: {
  /** The step's name as shown. */
  name: string;
  /** Where what led to it leads instead, as shown; none when nothing leads on from it. */
  to?: string;
  onDelete(): void;
  onClose(): void;
}) {
  return (
    <Dialog
      title={`Delete the step "${props.name}"?`}
      submit="Delete"
      danger
      onClose={props.onClose}
      onSubmit={async () => {
        props.onDelete();
        props.onClose();
      }}
    >
      <p>
        {props.to ? (
          <>
            What led to it will lead to <b>{props.to}</b> instead.{' '}
          </>
        ) : null}
        Undo (Ctrl+Z) brings it back.
      </p>
    </Dialog>
  );
}
