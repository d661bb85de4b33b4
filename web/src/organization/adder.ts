/** What an Add field does in every section: adds the element under the typed name, then opens it to be filled in. */
import type { OrgKind } from '../../../src/model/edits/plans/org-kinds';
import { addEdits } from '../../../src/model/edits/plans/organization';
import type { Doc } from '../model-doc';
import type { OpenItems } from './open-items';

export const adder =
  (doc: Doc, open: OpenItems, kind: OrgKind, department?: string) =>
  (name: string): void => {
    const { id, edits } = addEdits(doc.data, kind, name, department);
    if (doc.edit(edits)) open.added(id);
  };
