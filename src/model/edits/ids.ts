/** Checks on ids: that one exists, that a new one is free and well formed. */
import { clip } from '../clip.js';
import { ID_PATTERN } from '../fields.js';
import type { EditPath, IdKind } from './edit.js';
import { EditError, unknownId } from './error.js';
import type { Parsed } from './locate.js';
import { declarations } from './references.js';

/** Steps and ends share one name space: both are targets of a flow. */
export function namespaceOf(kind: IdKind): readonly IdKind[] {
  return kind === 'step' || kind === 'end' ? ['step', 'end'] : [kind];
}

export function idsOf(doc: Parsed, kinds: readonly IdKind[]): string[] {
  return kinds.flatMap((kind) => declarations(doc, kind).map((d) => d.id));
}

/** Throws unless `id` names an element of one of `kinds`. */
export function requireId(doc: Parsed, kinds: readonly IdKind[], id: string, path: EditPath): void {
  const known = idsOf(doc, kinds);
  if (!known.includes(id)) throw unknownId(id, known, kinds.join(' or '), path);
}

/** Throws unless `id` is well formed and not yet taken by an element of its kind. */
export function requireNewId(doc: Parsed, kind: IdKind, id: string, path: EditPath): void {
  if (!ID_PATTERN.test(id)) {
    throw new EditError(
      `'${clip(id)}' is not an id`,
      path,
      'an id starts with a letter or _ and has only letters, digits, - and _',
    );
  }
  if (idsOf(doc, namespaceOf(kind)).includes(id)) {
    throw new EditError(
      `the id '${clip(id)}' is already taken by a ${kind === 'end' ? 'step or end' : kind}`,
      path,
      'choose another id',
    );
  }
}
