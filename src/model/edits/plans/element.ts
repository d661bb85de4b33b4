/**
 * The model element a diagram names by its id (data-ref): which kind it is and where it is written,
 * so that the canvas can show its form and write its name. Ids are unique across kinds.
 */
import type { EditPath } from '../edit.js';
import type { Item, ModelData } from './model-data.js';

export type ElementKind =
  | 'step'
  | 'end'
  | 'stage'
  | 'department'
  | 'role'
  | 'activity'
  | 'system'
  | 'segment';

export interface Element {
  kind: ElementKind;
  item: Item;
  /** Where the element is written in the model, for edits of its fields. */
  path: EditPath;
}

const activities = (step: Item): Item[] =>
  Array.isArray(step.backstage) ? (step.backstage as Item[]).filter((a) => typeof a?.id === 'string') : [];

export function elementOf(data: ModelData, id: string): Element | undefined {
  const found = (kind: ElementKind, list: Item[], path: (item: Item) => EditPath) => {
    const item = list.find((i) => i.id === id);
    return item ? { kind, item, path: path(item) } : undefined;
  };
  return (
    found('step', data.steps, () => ['steps', { id }]) ??
    found('end', data.ends, () => ['ends', { id }]) ??
    found('stage', data.stages, () => ['stages', { id }]) ??
    found('department', data.departments, () => ['organization', 'departments', { id }]) ??
    found('role', data.roles, (r) => [
      'organization',
      'departments',
      { id: r.department as string },
      'roles',
      { id },
    ]) ??
    found('system', data.systems, () => ['organization', 'systems', { id }]) ??
    found('segment', data.segments, () => ['segments', { id }]) ??
    activityOf(data, id)
  );
}

function activityOf(data: ModelData, id: string): Element | undefined {
  for (const step of data.steps) {
    const item = activities(step).find((a) => a.id === id);
    if (item) return { kind: 'activity', item, path: ['steps', { id: step.id }, 'backstage', { id }] };
  }
  return undefined;
}
