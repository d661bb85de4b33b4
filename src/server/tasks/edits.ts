/** Model edits on a worker: the same plain functions the library exports, over a model's text. */
import { applyEdits } from '../../model/edits/apply.js';
import type { Edit } from '../../model/edits/edit.js';
import { EditError } from '../../model/edits/error.js';
import { HttpError } from '../http-error.js';

/** Edits in one request: a form's or a canvas's change is a handful; a script sends them in batches. */
export const MAX_EDITS = 200;

export function editText(input: { text: string; edits: unknown[] }) {
  if (input.edits.length > MAX_EDITS)
    throw new HttpError(
      413,
      `${input.edits.length} edits in one request`,
      `send at most ${MAX_EDITS} at a time`,
    );
  for (const [i, edit] of input.edits.entries())
    if (typeof edit !== 'object' || edit === null || typeof (edit as { kind?: unknown }).kind !== 'string')
      throw new HttpError(
        400,
        `edit ${i + 1} has no kind`,
        'each edit is an object such as {"kind": "set", ...}',
      );
  try {
    return applyEdits(input.text, input.edits as Edit[]);
  } catch (error) {
    if (error instanceof EditError)
      throw new HttpError(422, error.message.replace(` (${error.hint})`, ''), error.hint);
    // Fields of the wrong shape fail inside the edit: the request is at fault, not the model.
    if (error instanceof TypeError)
      throw new HttpError(
        400,
        `an edit is malformed: ${error.message}`,
        'see the Edit type in the library API',
      );
    throw error;
  }
}
