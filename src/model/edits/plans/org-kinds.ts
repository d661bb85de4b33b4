/**
 * The kinds of element the Organization tab edits: where each lives in the model, what the user
 * calls it, and which list of the model's data holds it.
 */
import type { EditPath, IdKind } from '../edit.js';
import type { Item, ModelData } from './model-data.js';

export type OrgKind = Extract<
  IdKind,
  'department' | 'role' | 'system' | 'segment' | 'resource' | 'process' | 'channel' | 'end'
>;

/** What the user calls an element of the kind (a resource is a "pool" in the forms). */
export const NOUNS: Record<OrgKind, string> = {
  department: 'department',
  role: 'role',
  system: 'system',
  segment: 'segment',
  resource: 'pool',
  process: 'process',
  channel: 'channel',
  end: 'end',
};

/** The list an element of the kind is declared in; a role's list is inside its department. */
export function listPath(kind: OrgKind, department?: string): EditPath {
  switch (kind) {
    case 'department':
      return ['organization', 'departments'];
    case 'role':
      return ['organization', 'departments', { id: department ?? '' }, 'roles'];
    case 'system':
      return ['organization', 'systems'];
    case 'segment':
      return ['segments'];
    case 'resource':
      return ['resources'];
    case 'process':
      return ['processes'];
    case 'channel':
      return ['channels'];
    case 'end':
      return ['ends'];
  }
}

/** The path of one element: its list and its id. */
export const itemPath = (kind: OrgKind, id: string, department?: string): EditPath => [
  ...listPath(kind, department),
  { id },
];

/** The elements of the kind the model itself declares (not the built-in channels). */
export function elementsOf(data: ModelData, kind: Exclude<OrgKind, 'role'>): Item[] {
  switch (kind) {
    case 'department':
      return data.departments;
    case 'system':
      return data.systems;
    case 'segment':
      return data.segments;
    case 'resource':
      return data.resources;
    case 'process':
      return data.processes;
    case 'channel':
      return Array.isArray(data.raw.channels)
        ? data.channels.filter((c) => (data.raw.channels as Item[]).some((o) => o?.id === c.id))
        : [];
    case 'end':
      return data.ends;
  }
}
