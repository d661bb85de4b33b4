/**
 * What-if scenarios as patches on the model's data: `set` a value, `add` to a list, `remove`
 * an item. Paths name list items by id (`steps.call-sales.fail.p`), branches by target
 * (`steps.ivr-menu.next.billing-queue.p`) and per-segment flows by segment. The base data is
 * never mutated: each change copies only the objects on its path, and every value a patch
 * wrote remembers the patch, so errors in a scenario point at the patch that caused them.
 */
import { clip } from './clip.js';
import type { Diagnostic, Path } from './diagnostic.js';
import { type ModelDocument, originOf, report } from './document.js';
import { didYouMean } from './suggest.js';

type Container = Record<string, unknown> | unknown[];

export interface Change {
  op: 'set' | 'add' | 'remove';
  target: string;
  value?: unknown;
}

const FROZEN_ROOTS = new Set(['scenarios', 'imports', 'kind', 'linesight']);

/** Reads a scenario's changes from the document's data (already shape-checked). */
export function changesOf(doc: ModelDocument, index: number): Change[] {
  const scenario = (doc.data.scenarios as Record<string, unknown>[])[index] as {
    changes: Record<string, unknown>[];
  };
  return scenario.changes.map((c) => {
    if ('set' in c) return { op: 'set', target: String(c.set), value: c.value };
    if ('add' in c) return { op: 'add', target: String(c.add), value: c.value };
    return { op: 'remove', target: String(c.remove) };
  });
}

/** Applies scenario number `index` of the document; returns the patched document and any change that names nothing. */
export function applyChanges(
  doc: ModelDocument,
  index: number,
): { document: ModelDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const origins = doc.origins;
  const patched: ModelDocument = {
    ...doc,
    data: copy(doc.data, origins) as Record<string, unknown>,
    overrides: [...doc.overrides],
  };
  // Containers copied for this scenario, changed in place by its later changes (copying a list of
  // thousands of steps again for each of thousands of changes took seconds), and each list's keys.
  const copied = new WeakSet<object>([patched.data]);
  let keys: KeyIndex = new WeakMap();
  // The scenario's overrides, newest first, go before the base's.
  const overrides: ModelDocument['overrides'] = [];
  for (const [j, change] of changesOf(doc, index).entries()) {
    const changePath: Path = ['scenarios', index, 'changes', j];
    const fail = (message: string, hint: string) =>
      diagnostics.push(report(doc, [...changePath, change.op], 'scenario-target-missing', message, { hint }));
    const segments = change.target.split('.').map((s) => s.trim());
    if (segments.some((s) => s === '')) {
      fail(`"${clip(change.target)}" is not a path`, 'write a dotted path such as steps.call-sales.fail.p');
      continue;
    }
    if (FROZEN_ROOTS.has(segments[0] as string)) {
      fail(
        `a scenario cannot change '${clip(segments[0] ?? '')}'`,
        'scenarios change the model: organization, segments, stages, resources, steps, ends, start, arrivals',
      );
      continue;
    }
    const resolved = resolvePath(patched.data, segments, change.op !== 'remove', keys);
    if ('error' in resolved) {
      fail(resolved.error, resolved.hint);
      continue;
    }
    const valueOrigin = originOf(doc, [...changePath, 'value']);
    const parent = writableParent(patched, resolved.path, origins, copied);
    const last = resolved.path[resolved.path.length - 1] as string | number;
    // A change to a list (an item set, added or removed) or to an item's key makes the lists' keys
    // be read again.
    if (Array.isArray(parent) || last === 'id' || last === 'to') keys = new WeakMap();
    if (change.op === 'set') {
      (parent as Record<string | number, unknown>)[last] = change.value;
      overrides.push({ path: resolved.path, origin: valueOrigin });
    } else if (change.op === 'remove') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last as string];
    } else {
      const holder = parent as Record<string | number, unknown>;
      const existing = holder[last];
      if (existing !== undefined && !Array.isArray(existing)) {
        fail(
          `'${clip(change.target)}' is not a list, so nothing can be added to it`,
          'use set to replace a value; add appends to lists such as steps or organization.departments.sales.roles',
        );
        continue;
      }
      const list = [...((existing as unknown[] | undefined) ?? [])];
      copied.add(list);
      const values = Array.isArray(change.value) ? change.value : [change.value];
      for (const [k, value] of values.entries()) {
        overrides.push({
          path: [...resolved.path, list.length],
          origin: Array.isArray(change.value)
            ? { ...valueOrigin, path: [...valueOrigin.path, k] }
            : valueOrigin,
        });
        list.push(value);
      }
      holder[last] = list;
    }
  }
  patched.overrides = [...overrides.reverse(), ...patched.overrides];
  return { document: patched, diagnostics };
}

/** Each list's items by key (id, or to), the first of each: made when a change first looks into the list. */
type KeyIndex = WeakMap<unknown[], Map<string, number>>;

function indexOfKey(list: unknown[], key: string, index: KeyIndex): number {
  let byKey = index.get(list);
  if (byKey === undefined) {
    byKey = new Map();
    for (let i = 0; i < list.length; i++) {
      const k = keyOf(list[i]);
      if (k !== undefined && !byKey.has(k)) byKey.set(k, i);
    }
    index.set(list, byKey);
  }
  return byKey.get(key) ?? -1;
}

/** Turns "steps.call-sales.fail.p" into a concrete path of keys and indices, or says which part names nothing. */
function resolvePath(
  data: unknown,
  segments: string[],
  creating: boolean,
  keys: KeyIndex,
): { path: Path } | { error: string; hint: string } {
  const path: Path = [];
  let node: unknown = data;
  for (const [i, segment] of segments.entries()) {
    const lastSegment = i === segments.length - 1;
    const sofar = clip(segments.slice(0, i).join('.')) || 'the model';
    const whole = clip(segments.join('.'));
    if (Array.isArray(node)) {
      const index = indexOfKey(node, segment, keys);
      const numeric = /^\d+$/.test(segment) ? Number(segment) : -1;
      const found = index >= 0 ? index : numeric >= 0 && numeric < node.length ? numeric : -1;
      if (found < 0) {
        const names = node.map(keyOf).filter((k): k is string => k !== undefined);
        return {
          error: `'${whole}' names nothing: ${sofar} has no item '${clip(segment)}'`,
          hint: didYouMean(segment, names, `items in ${sofar}`),
        };
      }
      path.push(found);
      node = node[found];
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      // A missing last field may be created (a step without a fail point gets one); the shape
      // check then catches a misspelt field name, pointing at the patch.
      if (!(segment in node) && !(lastSegment && creating)) {
        return {
          error: `'${whole}' names nothing: ${sofar} has no '${clip(segment)}'`,
          hint: didYouMean(segment, keys, `fields of ${sofar}`),
        };
      }
      path.push(segment);
      node = (node as Record<string, unknown>)[segment];
    } else {
      const what = typeof node === 'string' ? `the single value "${clip(node)}"` : 'a single value';
      return {
        error: `'${whole}' names nothing: ${sofar} is ${what}`,
        hint: `set ${sofar} as a whole instead`,
      };
    }
  }
  return { path };
}

function keyOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const { id, to } = item as { id?: unknown; to?: unknown };
  if (typeof id === 'string') return id;
  return typeof to === 'string' ? to : undefined;
}

/**
 * Copies the containers on a path (not the rest) so the base stays untouched, each once for the
 * scenario (`copied`); returns the last one.
 */
function writableParent(
  doc: ModelDocument,
  path: Path,
  origins: WeakMap<object, unknown>,
  copied: WeakSet<object>,
): Container {
  let node: Container = doc.data;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i] as string | number;
    const child = (node as Record<string | number, unknown>)[segment] as Container;
    if (child !== null && typeof child === 'object' && copied.has(child)) {
      node = child;
      continue;
    }
    const made = copy(child, origins as WeakMap<object, never>) as Container;
    if (made !== null && typeof made === 'object') copied.add(made);
    (node as Record<string | number, unknown>)[segment] = made;
    node = made;
  }
  return node;
}

function copy(value: unknown, origins: WeakMap<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const clone = Array.isArray(value) ? [...value] : { ...(value as object) };
  const origin = origins.get(value);
  if (origin !== undefined) origins.set(clone, origin);
  return clone;
}
