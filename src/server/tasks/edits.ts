/** Model edits on a worker: the same plain functions the library exports, over a model's text. */
import { applyEdits } from '../../model/edits/apply.js';
import { checkEdits, EditShapeError } from '../../model/edits/edit-shape.js';
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
  try {
    return applyEdits(input.text, checkEdits(input.edits));
  } catch (error) {
    if (error instanceof EditShapeError) throw new HttpError(400, error.message, error.hint);
    if (error instanceof EditError)
      throw new HttpError(422, error.message.replace(` (${error.hint})`, ''), error.hint);
    throw error;
  }
}
