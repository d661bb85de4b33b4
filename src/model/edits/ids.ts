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

/** The fields of a new element that name other elements, and what they name. */
export const REFERENCE_FIELDS: Partial<Record<string, IdKind>> = {
  stage: 'stage',
  role: 'role',
  system: 'system',
  pool: 'resource',
  process: 'process',
  department: 'department',
};

/** The step and end ids a flow value names: an id, a list of {to}, or a map by segment. */
export function flowTargets(flow: unknown): string[] {
  if (typeof flow === 'string') return [flow];
  if (Array.isArray(flow)) return flow.map((b) => String((b as { to?: unknown }).to));
  if (flow !== null && typeof flow === 'object') return Object.values(flow).flatMap(flowTargets);
  return [];
}

/** Throws unless every id a new element names (its stage, role, flow targets...) exists. */
export function requireReferences(doc: Parsed, value: Record<string, unknown>, path: EditPath): void {
  for (const [field, kind] of Object.entries(REFERENCE_FIELDS)) {
    const id = value[field];
    if (kind !== undefined && typeof id === 'string') requireId(doc, [kind], id, [...path, field]);
  }
  const fail = value.fail as { next?: unknown } | undefined;
  for (const target of [...flowTargets(value.next), ...flowTargets(fail?.next)]) {
    // A step may lead to itself (a repeat after a failure).
    if (target !== value.id) requireId(doc, ['step', 'end'], target, [...path, 'next']);
  }
}
