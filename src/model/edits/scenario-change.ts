/**
 * An edit as scenario changes: the same edit written as a what-if overlay (`scenarios:`
 * `set`/`add`/`remove` entries, see scenario.ts) instead of into the model, for the web app's
 * "edit as a scenario" switch. Found by comparing the model's data before and after the edit,
 * so every kind of edit, present or future, has its scenario form.
 */
import { isDeepStrictEqual } from 'node:util';
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
  if (isDeepStrictEqual(before, after)) return;
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
  const after = applyEdit(text, edit).text;
  const out: ScenarioChange[] = [];
  diff(parseYaml(text), parseYaml(after), '', out);
  return out;
}
