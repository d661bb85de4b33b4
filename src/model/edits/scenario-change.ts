/**
 * An edit as scenario changes: the same edit written as a what-if overlay (`scenarios:`
 * `set`/`add`/`remove` entries, see scenario.ts) instead of into the model, for the web app's
 * "edit as a scenario" switch. Found by comparing the model's data before and after the edit,
 * so every kind of edit, present or future, has its scenario form.
 */
import { parse as parseYaml } from 'yaml';
import { applyEdit } from './apply.js';
import type { Edit } from './edit.js';

/** One entry of a scenario's `changes:` list. */
export type ScenarioChange =
  | { set: string; value: unknown }
  | { add: string; value: unknown }
  | { remove: string };

/** A scenario changes the model, not its scenarios or imports (scenario.ts refuses those). */
const FROZEN = new Set(['scenarios', 'imports', 'kind', 'linesight']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Equality of parsed YAML data (plain values, lists and maps): runs in the browser too. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (!isObject(a) || !isObject(b)) return Number.isNaN(a) && Number.isNaN(b);
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && same(a[k], b[k]));
}

/** How scenario paths name a list item: by id, or a branch by its target. */
function keyOf(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  if (typeof item.id === 'string') return item.id;
  return typeof item.to === 'string' ? item.to : undefined;
}

function keyed(list: readonly unknown[]): Map<string, unknown> | undefined {
  const keys = list.map(keyOf);
  if (keys.some((k) => k === undefined) || new Set(keys).size !== keys.length) return undefined;
  return new Map(list.map((item, i) => [keys[i] as string, item]));
}

function diffLists(before: unknown[], after: unknown[], path: string, out: ScenarioChange[]): void {
  const old = keyed(before);
  const now = keyed(after);
  if (!old || !now) {
    out.push({ set: path, value: after });
    return;
  }
  // Order is not part of a scenario: only what was removed, changed or added.
  for (const key of old.keys()) if (!now.has(key)) out.push({ remove: `${path}.${key}` });
  for (const [key, item] of now) {
    if (old.has(key)) diff(old.get(key), item, `${path}.${key}`, out);
    else out.push({ add: path, value: item });
  }
}

function diff(before: unknown, after: unknown, path: string, out: ScenarioChange[]): void {
  if (same(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    diffLists(before, after, path, out);
    return;
  }
  if (!isObject(before) || !isObject(after)) {
    out.push({ set: path, value: after });
    return;
  }
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  for (const key of Object.keys(before)) if (!(key in after)) out.push({ remove: at(key) });
  for (const [key, value] of Object.entries(after)) {
    if (path === '' && FROZEN.has(key)) continue;
    if (key in before) diff(before[key], value, at(key), out);
    else out.push({ set: at(key), value });
  }
}

/** The scenario changes that do to the model what `edit` does to `text`. */
export function asScenarioChanges(text: string, edit: Edit): ScenarioChange[] {
  return changesBetween(text, applyEdit(text, edit).text);
}

/** The scenario changes that turn the model of one text into the model of the other. */
export function changesBetween(before: string, after: string): ScenarioChange[] {
  const out: ScenarioChange[] = [];
  diff(parseYaml(before), parseYaml(after), '', out);
  return out;
}
