/**
 * What still uses an element: the steps, activities, pools, systems, processes, flows and
 * scenarios that name it. Deleting it would leave them naming nothing, so the tab says which they
 * are instead (the CLI and the API can say the same). The references are found by the same walk
 * the library's rename and remove use.
 */
import { Document } from 'yaml';
import type { EditPath, Segment } from '../edit.js';
import type { Parsed } from '../locate.js';
import { referencesTo } from '../references.js';
import { type Item, labelOf, type ModelData } from './model-data.js';
import type { OrgKind } from './org-kinds.js';

export interface Use {
  /** Where the reference is, list items by id. */
  path: EditPath;
  /** The element that names it, as the user knows it: `step "Calls the shop"`. */
  by: string;
}

/** The model's data as a YAML tree for the walk, built once per version of the data. */
const trees = new WeakMap<ModelData, Parsed>();
function treeOf(data: ModelData): Parsed {
  let tree = trees.get(data);
  if (!tree) {
    tree = new Document(data.raw) as unknown as Parsed;
    trees.set(data, tree);
  }
  return tree;
}

const idAt = (path: EditPath, i: number): string | undefined => {
  const s: Segment | undefined = path[i];
  return typeof s === 'object' ? s.id : undefined;
};

const named = (noun: string, items: Item[], id: string | undefined) => {
  const item = items.find((i) => i.id === id);
  return `${noun} "${item ? labelOf(item) : id}"`;
};

/** The element holding a reference, named for the user. */
export function describeUse(data: ModelData, path: EditPath): string {
  const [list] = path;
  const id = idAt(path, 1);
  if (list === 'steps') {
    const step = data.steps.find((s) => s.id === id);
    const activity = path[2] === 'backstage' ? idAt(path, 3) : undefined;
    if (activity !== undefined && step && Array.isArray(step.backstage)) {
      return named('activity', step.backstage as Item[], activity);
    }
    return named('step', data.steps, id);
  }
  if (list === 'resources') return named('pool', data.resources, id);
  if (list === 'processes') return named('process', data.processes, id);
  if (list === 'scenarios') return named('scenario', data.scenarios, id);
  if (list === 'start') return 'the start of the journey';
  if (list === 'organization' && path[1] === 'systems') return named('system', data.systems, idAt(path, 2));
  return path.map((s) => (typeof s === 'object' ? s.id : String(s))).join('.');
}

/** Every use of the element; a department's include its roles' (they go with it). */
export function usesOf(data: ModelData, kind: OrgKind, id: string): Use[] {
  const tree = treeOf(data);
  const find = (k: OrgKind, i: string) =>
    referencesTo(tree, k, i).map((site): Use => ({ path: site.path, by: describeUse(data, site.path) }));
  const uses = find(kind, id);
  if (kind !== 'department') return uses;
  const roles = data.roles.filter((r) => r.department === id);
  return [...uses, ...roles.flatMap((r) => find('role', r.id))];
}

/** The uses as one line: each element once, the first few by name. */
export function usesText(uses: readonly Use[], shown = 4): string {
  const by = [...new Set(uses.map((u) => u.by))];
  const more = by.length > shown ? `, and ${by.length - shown} more` : '';
  return by.slice(0, shown).join(', ') + more;
}
