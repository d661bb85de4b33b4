/** Steps: insert one, delete one (refusing while others still lead to it), move one. */
import { clip, fewOf } from '../clip.js';
import type { Applied, DeleteStepEdit, Edit, InsertStepEdit, MoveStepEdit, SetEdit } from './edit.js';
import { EditError, showPath } from './error.js';
import { requireId, requireNewId, requireReferences } from './ids.js';
import { insertItem, removeItem } from './items.js';
import { parseText } from './locate.js';
import { moveInList } from './move.js';
import { referencesTo, type Site } from './references.js';
import { rewrite } from './rename.js';

const STEPS = ['steps'] as const;

export function insertStep(text: string, edit: InsertStepEdit): Applied {
  const doc = parseText(text);
  requireNewId(doc, 'step', edit.step.id, [...STEPS, { id: edit.step.id }]);
  requireReferences(doc, edit.step, [...STEPS, { id: edit.step.id }]);
  const anchor = { after: edit.after, before: edit.before };
  const applied = insertItem(text, STEPS, edit.step, anchor, edit.source);
  return { text: applied.text, inverse: { kind: 'delete-step', id: edit.step.id } };
}

/** References from outside the step itself (a step that repeats itself does not keep itself). */
function outsideReferences(text: string, id: string): Site[] {
  const doc = parseText(text);
  requireId(doc, ['step'], id, [...STEPS, { id }]);
  return referencesTo(doc, 'step', id).filter((site) => {
    const owner = site.path[1];
    return !(site.path[0] === 'steps' && typeof owner === 'object' && owner.id === id);
  });
}

export function deleteStep(text: string, edit: DeleteStepEdit): Applied {
  const references = outsideReferences(text, edit.id);
  if (references.length > 0 && edit.repoint === undefined) {
    const from = references.map((site) => showPath(site.path));
    throw new EditError(
      `step '${clip(edit.id)}' is still named by ${fewOf(from)}`,
      [...STEPS, { id: edit.id }],
      "point them at another step first, or delete with repoint: 'ANOTHER-STEP'",
    );
  }
  let current = text;
  const restore: SetEdit[] = [];
  if (edit.repoint !== undefined && references.length > 0) {
    const repoint = edit.repoint;
    if (repoint === edit.id)
      throw new EditError(
        'a step cannot be re-pointed at itself',
        [...STEPS, { id: edit.id }],
        'name another step or end',
      );
    requireId(parseText(text), ['step', 'end'], repoint, ['repoint']);
    current = rewrite(text, references, repoint);
    for (const site of references) restore.push({ kind: 'set', path: site.path, value: site.node.value });
  }
  const removed = removeItem(current, STEPS, edit.id);
  const insert: InsertStepEdit = {
    kind: 'insert-step',
    step: (removed.inverse as { value: InsertStepEdit['step'] }).value,
    ...removed.anchor,
    source: removed.source,
  };
  const inverse: Edit = restore.length > 0 ? { kind: 'batch', edits: [insert, ...restore] } : insert;
  return { text: removed.text, inverse };
}

export function moveStep(text: string, edit: MoveStepEdit): Applied {
  if (edit.after === edit.id || edit.before === edit.id) {
    throw new EditError(
      `step '${clip(edit.id)}' cannot move next to itself`,
      [...STEPS, { id: edit.id }],
      'name another step as after or before',
    );
  }
  const moved = moveInList(text, STEPS, edit.id, { after: edit.after, before: edit.before });
  return { text: moved.text, inverse: { kind: 'move-step', id: edit.id, ...moved.was } };
}
