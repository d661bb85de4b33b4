/**
 * The plans of the web app's Organization tab: the model edits each of its actions makes (a field
 * changed, an element added with the fields its kind requires, renamed, or deleted). Plain
 * functions, so that what a click writes into the YAML is tested without a browser, and the CLI
 * and the API can make the same changes.
 */
import type { Edit, EditPath } from '../edit.js';
import { allIds, type ModelData, newId, type Raw } from './model-data.js';
import { itemPath, listPath, NOUNS, type OrgKind } from './org-kinds.js';

/** A field's new value as typed: an empty field removes the key, a number field writes a number. */
export function fieldEdit(path: EditPath, typed: string | number | boolean | undefined): Edit {
  const value = typeof typed === 'string' && typed.trim() === '' ? undefined : typed;
  return { kind: 'set', path, value };
}

/** A number typed into a field: the number, or the text as typed when it is none (the diagnostics say why). */
export function typedNumber(typed: string): number | string | undefined {
  if (typed.trim() === '') return undefined;
  const n = Number(typed);
  return Number.isFinite(n) ? n : typed;
}

const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields a new element of the kind starts with: its id and name, and what the schema requires. */
export function newElement(
  data: ModelData,
  kind: OrgKind,
  name: string,
): Record<string, unknown> & { id: string; name: string } {
  const label = name.trim() || `New ${NOUNS[kind]}`;
  const id = newId(label, allIds(data));
  switch (kind) {
    case 'department':
      return { id, name: label, visibility: 'backstage' };
    case 'system':
      return { id, name: label, kind: 'other', visibility: 'backstage' };
    case 'segment':
      // Shares must sum to 1: a new segment takes none of it until the user gives it some.
      return data.segments.some((s) => s.share !== undefined)
        ? { id, name: label, share: 0 }
        : { id, name: label };
    case 'resource':
      return { id, name: label, capacity: 1 };
    case 'channel':
      return { id, name: label, mode: 'digital' };
    case 'end':
      return { id, name: label, outcome: 'success' };
    default:
      return { id, name: label };
  }
}

/** The edits that add a new element named `name` (a role into `department`), and its id. */
export function addEdits(
  data: ModelData,
  kind: OrgKind,
  name: string,
  department?: string,
): { id: string; edits: Edit[] } {
  const element = newElement(data, kind, name);
  const { id } = element;
  if (kind === 'role')
    return { id, edits: [{ kind: 'add-role', department: department ?? '', role: element }] };
  // A model without `organization:` gets one, holding the new element's list.
  if ((kind === 'department' || kind === 'system') && !isMap(data.raw.organization)) {
    const list = kind === 'department' ? 'departments' : 'systems';
    return { id, edits: [{ kind: 'set', path: ['organization'], value: { [list]: [element] } }] };
  }
  if (kind === 'segment') {
    return {
      id,
      edits: [{ kind: 'insert-item', path: listPath(kind), value: element }, ...flowsFor(data, id)],
    };
  }
  if (kind === 'department') return { id, edits: [{ kind: 'add-department', department: element }] };
  return { id, edits: [{ kind: 'insert-item', path: listPath(kind), value: element }] };
}

/**
 * A new segment follows the first segment's paths wherever the flows are written per segment
 * without a `default`: else those flows would say nothing for it and the model would not run.
 */
export function flowsFor(data: ModelData, segment: string): Edit[] {
  const copy = (path: EditPath, flow: unknown): Edit[] => {
    if (!isMap(flow) || 'default' in flow) return [];
    const first = Object.keys(flow)[0];
    return first === undefined ? [] : [{ kind: 'set', path: [...path, segment], value: flow[first] }];
  };
  return [
    ...copy(['start'], data.raw.start),
    ...data.steps.flatMap((step) => [
      ...copy(['steps', { id: step.id }, 'next'], step.next),
      ...(isMap(step.fail) ? copy(['steps', { id: step.id }, 'fail', 'next'], step.fail.next) : []),
    ]),
  ];
}

/** A new id for an element: every reference to it follows. */
export const renameEdit = (kind: OrgKind, from: string, to: string): Edit => ({
  kind: 'rename-id',
  from,
  to: to.trim(),
  of: kind,
});

/** Deleting an element (a department with its roles). */
export const removeEdit = (kind: OrgKind, id: string, department?: string): Edit => ({
  kind: 'remove-item',
  path: itemPath(kind, id, department),
});

/**
 * One part of a BPMN link ({file, process, activity}) typed: that line alone changes; the first
 * part writes the link, and emptying the last removes it.
 */
export function bpmnEdit(
  path: EditPath,
  current: unknown,
  part: 'file' | 'process' | 'activity',
  typed: string,
): Edit {
  const value = typed.trim() || undefined;
  const at: EditPath = [...path, 'bpmn'];
  if (!isMap(current))
    return { kind: 'set', path: at, value: value === undefined ? undefined : { [part]: value } };
  const others = Object.keys(current).filter((k) => k !== part && current[k] !== undefined);
  if (value === undefined && others.length === 0) return { kind: 'set', path: at, value: undefined };
  return { kind: 'set', path: [...at, part], value };
}
