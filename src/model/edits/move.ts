/** `move-item`: an element with an id moves within its list, taking its comments along. */
import { clip } from '../clip.js';
import type { Anchor, Applied, EditPath, MoveItemEdit } from './edit.js';
import { EditError } from './error.js';
import { insertItem, removeItem } from './items.js';

/** Moves item `id` of the list at `path` to `anchor`; `was` is where it stood, for undo. */
export function moveInList(
  text: string,
  path: EditPath,
  id: string,
  anchor: Anchor,
): { text: string; was: Anchor } {
  if (anchor.after === id || anchor.before === id) {
    throw new EditError(
      `'${clip(id)}' cannot move next to itself`,
      [...path, { id }],
      'name another item as after or before',
    );
  }
  const removed = removeItem(text, path, id);
  // The only item of its list has nowhere else to go.
  if (removed.source === '') return { text, was: {} };
  const value = (removed.inverse as { value: { id: string } }).value;
  const placed = insertItem(removed.text, path, value, anchor, removed.source);
  return { text: placed.text, was: removed.anchor };
}

export function moveListItem(text: string, edit: MoveItemEdit): Applied {
  const last = edit.path[edit.path.length - 1];
  if (typeof last !== 'object') {
    throw new EditError('move-item names an item by id', edit.path, "end the path with {id: 'ID'}");
  }
  const list = edit.path.slice(0, -1);
  const moved = moveInList(text, list, last.id, { after: edit.after, before: edit.before });
  return { text: moved.text, inverse: { kind: 'move-item', path: edit.path, ...moved.was } };
}
