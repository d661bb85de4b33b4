/**
 * Edits recorded as a what-if scenario instead of changing the model: the web app's "edit as a
 * scenario" switch. The edits apply to the model as the scenario already makes it (`view`); what
 * they change is written into that scenario's `changes:` in the model's text, merged with what is
 * there: a later value for a field replaces the earlier one, and a field of an element the
 * scenario added is written into that element, so the scenario reads as a person would write it.
 */
import { parse as parseYaml } from 'yaml';
import { applyEdit, applyEdits } from './apply.js';
import type { Edit } from './edit.js';
import { changesBetween, type ScenarioChange } from './scenario-change.js';

export interface Recording {
  id: string;
  name: string;
}

export interface Recorded {
  /** The model's text with the scenario's changes. */
  text: string;
  /** The model as the scenario now makes it. */
  view: string;
  /** What these edits added to the scenario. */
  changes: ScenarioChange[];
}

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyOf = (v: unknown) => (isRaw(v) ? (typeof v.id === 'string' ? v.id : v.to) : undefined);

const pathOf = (c: ScenarioChange) => ('set' in c ? c.set : 'add' in c ? c.add : c.remove);
const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/** Writes `value` at the dotted `rest` inside an element the scenario adds; false when it cannot. */
function setInside(element: unknown, rest: string[], value: unknown, removing: boolean): boolean {
  let node = element;
  for (const [i, segment] of rest.entries()) {
    const last = i === rest.length - 1;
    if (Array.isArray(node)) {
      const index = node.findIndex((item) => keyOf(item) === segment);
      if (index < 0) return false;
      if (last) {
        if (removing) node.splice(index, 1);
        else node[index] = value;
        return true;
      }
      node = node[index];
    } else if (isRaw(node)) {
      if (last) {
        if (removing) delete node[segment];
        else node[segment] = value;
        return true;
      }
      node = node[segment];
    } else return false;
  }
  return false;
}

/** The element an earlier `add` of the scenario brought in that `path` lies in, with the path inside it. */
function addedElement(
  changes: ScenarioChange[],
  path: string,
): { change: ScenarioChange; rest: string[] } | undefined {
  for (const change of changes) {
    if (!('add' in change)) continue;
    const id = keyOf(change.value);
    if (typeof id !== 'string' || !under(path, `${change.add}.${id}`)) continue;
    const rest = path
      .slice(change.add.length + id.length + 2)
      .split('.')
      .filter(Boolean);
    return { change, rest };
  }
  return undefined;
}

/** The scenario's changes after `change`: superseded entries dropped, fields of added elements folded in. */
function merged(changes: ScenarioChange[], change: ScenarioChange): ScenarioChange[] {
  if ('add' in change) return [...changes, change];
  const path = pathOf(change);
  const inside = addedElement(changes, path);
  if (inside) {
    if (inside.rest.length === 0)
      // Removing an element the scenario added: the scenario no longer adds it.
      return 'remove' in change ? changes.filter((c) => c !== inside.change) : [...changes, change];
    const value = structuredClone((inside.change as { value: unknown }).value);
    const removing = 'remove' in change;
    if (setInside(value, inside.rest, removing ? undefined : (change as { value: unknown }).value, removing))
      return changes.map((c) => (c === inside.change ? { ...c, value } : c));
  }
  // A newer value of a field (or of what holds it) makes the older ones moot.
  return [...changes.filter((c) => 'add' in c || !under(pathOf(c), path)), change];
}

/** Records `edits`, made to the model as scenario `recording` shows it, as that scenario's changes. */
export function recordAsScenario(text: string, view: string, recording: Recording, edits: Edit[]): Recorded {
  const after = applyEdits(view, edits).text;
  const changes = changesBetween(view, after);
  if (changes.length === 0) return { text, view: after, changes };
  const raw = parseYaml(text) as unknown;
  const scenarios = isRaw(raw) && Array.isArray(raw.scenarios) ? (raw.scenarios as unknown[]) : undefined;
  const existing = scenarios?.find((s) => isRaw(s) && s.id === recording.id) as Raw | undefined;
  const before = existing && Array.isArray(existing.changes) ? (existing.changes as ScenarioChange[]) : [];
  const all = changes.reduce(merged, before);
  const at = ['scenarios', { id: recording.id }];
  let edit: Edit;
  if (existing)
    edit = all.length
      ? { kind: 'set', path: [...at, 'changes'], value: all }
      : { kind: 'remove-item', path: at };
  else {
    const scenario = { id: recording.id, name: recording.name, changes: all };
    edit = scenarios
      ? { kind: 'insert-item', path: ['scenarios'], value: scenario }
      : { kind: 'set', path: ['scenarios'], value: [scenario] };
  }
  return { text: applyEdit(text, edit).text, view: after, changes };
}
