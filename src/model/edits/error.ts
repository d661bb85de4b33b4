/** The one error an edit throws: what is wrong, where, and how to fix it. */
import { clip } from '../clip.js';
import { didYouMean } from '../suggest.js';
import type { EditPath } from './edit.js';

export class EditError extends Error {
  readonly path: EditPath;
  readonly hint: string;
  constructor(message: string, path: EditPath, hint: string) {
    super(`${message} (${hint})`);
    this.name = 'EditError';
    this.path = path;
    this.hint = hint;
  }
}

/** A path as messages show it: steps.browse.name. */
export function showPath(path: EditPath): string {
  return path.map((s) => (typeof s === 'object' ? s.id : String(s))).join('.');
}

export function unknownId(id: string, known: readonly string[], noun: string, path: EditPath): EditError {
  return new EditError(`no ${noun} has the id '${clip(id)}'`, path, didYouMean(id, known, `${noun}s`));
}
