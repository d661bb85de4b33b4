/** A form field bound to one key of an element: its value, its diagnostics, and the edit a change makes. */
import type { EditPath } from '../../../src/model/edits/edit';
import type { Item } from '../../../src/model/edits/plans/model-data';
import { fieldEdit, typedNumber } from '../../../src/model/edits/plans/organization';
import type { Diagnostic } from '../api';
import type { Doc } from '../model-doc';

export interface Bound {
  value: string;
  problems: Diagnostic[];
  onCommit(value: string | undefined): void;
}

/** Text as the model has it (a number shown as typed); an emptied field removes the key. */
export function bind(doc: Doc, path: EditPath, item: Item, key: string): Bound {
  const value = item[key];
  return {
    value: value === undefined || value === null || typeof value === 'object' ? '' : String(value),
    problems: doc.problems([...path, key]),
    onCommit: (typed) => doc.edit([fieldEdit([...path, key], typed)]),
  };
}

/** The same, writing what is typed as a number. */
export function bindNumber(doc: Doc, path: EditPath, item: Item, key: string): Bound {
  const bound = bind(doc, path, item, key);
  return { ...bound, onCommit: (typed) => doc.edit([fieldEdit([...path, key], typedNumber(typed ?? ''))]) };
}
