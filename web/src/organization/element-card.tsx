/**
 * One element of a list (a department, a pool, an end), folded to a line that says what it is and
 * whether anything uses it or is wrong with it; unfolded, every field in place, its id (a new id
 * renames every reference) and Delete.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { type Item, labelOf } from '../../../src/model/edits/plans/model-data';
import { itemPath, NOUNS, type OrgKind } from '../../../src/model/edits/plans/org-kinds';
import { removeEdit, renameEdit } from '../../../src/model/edits/plans/organization';
import { usesOf, usesText } from '../../../src/model/edits/plans/uses';
import { DeleteButton } from '../fields/delete-button';
import { TextField } from '../fields/text-field';
import type { Doc } from '../model-doc';
import type { OpenItems } from './open-items';

export function ElementCard(props: {
  doc: Doc;
  kind: OrgKind;
  item: Item;
  /** A role's department. */
  department?: string;
  open: OpenItems;
  /** A few words after the name in the folded line (a visibility, a share). */
  detail?: ComponentChildren;
  children: ComponentChildren;
  /** What the element holds, after its own fields (a department's roles). */
  holds?: ComponentChildren;
}) {
  const { doc, kind, item, department, open } = props;
  const { id } = item;
  const path = itemPath(kind, id, department);
  const uses = usesOf(doc.data, kind, id);
  const users = new Set(uses.map((u) => u.by)).size;
  const problems = doc.problems(path).length;
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (open.focus !== id || !ref.current?.open) return;
    ref.current.querySelector<HTMLInputElement>('.org-fields input')?.select();
    open.focused();
  }, [open.focus, open.has(id)]);
  return (
    <details
      ref={ref}
      class={`org-item${problems ? ' invalid' : ''}`}
      open={open.has(id)}
      onToggle={(e) => open.set(id, (e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <span class="org-name">{labelOf(item)}</span>
        {props.detail ? <span class="org-detail">{props.detail}</span> : null}
        {users ? (
          <span class="org-uses" title={`Used by ${usesText(uses, 20)}`}>
            used by {users}
          </span>
        ) : null}
        {problems ? (
          <span class="org-problems" title="See the fields below">
            {problems} {problems === 1 ? 'problem' : 'problems'}
          </span>
        ) : null}
      </summary>
      <div class="org-fields">
        {props.children}
        <TextField
          label="Id (renames every reference)"
          value={id}
          onCommit={(to) => {
            if (to && doc.edit([renameEdit(kind, id, to)])) open.renamed(id, to);
          }}
          problems={doc.problems([...path, 'id'])}
        />
      </div>
      {props.holds}
      {uses.length ? <p class="org-used-by">Used by {usesText(uses)}.</p> : null}
      <DeleteButton
        what={`${NOUNS[kind]} "${labelOf(item)}"`}
        usedBy={uses.length ? usesText(uses) : undefined}
        onDelete={() => doc.edit([removeEdit(kind, id, department)])}
      />
    </details>
  );
}
