/**
 * One cell of the table, drawn again only when what it shows changed: its step, the lists its
 * pick lists offer, or the diagnostics about its step. A model of 60 steps has close to a
 * thousand cells and thousands of options; an edit of one step redraws one column.
 */
import { memo } from 'preact/compat';
import { useMemo, useRef } from 'preact/hooks';
import type { Item, ModelData } from '../../../src/model/edits/plans/model-data';
import type { Doc } from '../model-doc';
import type { StepRow } from '../step-fields/rows';

interface Props {
  row: StepRow;
  doc: Doc;
  step: Item;
  /** Changes whenever the cell may look different; `doc` alone changes with every edit. */
  stamp: string;
}

export const StepCell = memo(
  ({ row, doc, step }: Props) => <row.Cell doc={doc} step={step} />,
  (a, b) => a.row === b.row && a.stamp === b.stamp,
);

/** What every cell shows from outside its step: the elements its pick lists and flows name. */
export function listsStamp(data: ModelData): string {
  const lists = [
    data.steps,
    data.ends,
    data.roles,
    data.systems,
    data.resources,
    data.departments,
    data.channels,
    data.segments,
  ];
  return JSON.stringify(lists.map((list) => list.map((i) => [i.id, i.name])));
}

/** A column's stamp: its step as written, the lists, and the diagnostics about the step. */
export const columnStamp = (doc: Doc, step: Item, lists: string): string =>
  JSON.stringify([step, lists, doc.problems(['steps', { id: step.id }])]);

/**
 * The document as a cell that was not redrawn still sees it: every read goes to the latest doc,
 * so an action in such a cell (a new activity's id, say) works on the current model.
 */
export function useLiveDoc(doc: Doc): Doc {
  const live = useRef(doc);
  live.current = doc;
  return useMemo(
    () => ({
      get data() {
        return live.current.data;
      },
      get readable() {
        return live.current.readable;
      },
      get keepsIds() {
        return live.current.keepsIds;
      },
      edit: (edits) => live.current.edit(edits),
      name: (id, typed) => live.current.name(id, typed),
      problems: (path) => live.current.problems(path),
    }),
    [],
  );
}
