/** `remove-item`: any element with an id goes, unless other elements still name it. */
import { clip, fewOf } from '../clip.js';
import { type Applied, ID_KINDS, type IdKind, type RemoveItemEdit } from './edit.js';
import { EditError, showPath } from './error.js';
import { removeItem } from './items.js';
import { parseText } from './locate.js';
import { DECLARED_IN, referencesTo } from './references.js';

/** The kind of element a list holds, from its path (`organization.departments` holds departments). */
function kindOfList(path: RemoveItemEdit['path']): IdKind | undefined {
  const pattern = path
    .slice(0, -1)
    .map((s) => (typeof s === 'string' ? s : '*'))
    .join('.');
  return ID_KINDS.find((kind) => DECLARED_IN[kind].includes(pattern));
}

export function removeListItem(text: string, edit: RemoveItemEdit): Applied {
  const last = edit.path[edit.path.length - 1];
  if (typeof last !== 'object') {
    throw new EditError('remove-item names an item by id', edit.path, "end the path with {id: 'ID'}");
  }
  const kind = kindOfList(edit.path);
  if (kind !== undefined) {
    const named = referencesTo(parseText(text), kind, last.id).map((site) => showPath(site.path));
    if (named.length > 0) {
      throw new EditError(
        `${kind} '${clip(last.id)}' is still named by ${fewOf(named)}`,
        edit.path,
        `change those first, or rename the ${kind} instead`,
      );
    }
  }
  return removeItem(text, edit.path.slice(0, -1), last.id);
}
