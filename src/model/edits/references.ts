/**
 * Who names an element: its declaration (`id: x`) and every reference to it (flow targets,
 * `stage:`, `role:`, per-segment keys, scenario paths), each with the scalar to rewrite.
 */
import { isMap, isPair, isScalar, isSeq, type Scalar } from 'yaml';
import type { EditPath, IdKind, Segment } from './edit.js';
import type { Parsed } from './locate.js';
import { idOf } from './locate.js';

/** A scalar that names the id, and what it becomes when the id is renamed. */
export interface Site {
  node: Scalar;
  /** Readable path to the scalar, list items by id. */
  path: Segment[];
  rename: (to: string) => string;
}

/** Keys whose value names an element of each kind. */
const KEYS: Partial<Record<IdKind, readonly string[]>> = {
  step: ['to', 'abandon'],
  end: ['to', 'abandon'],
  stage: ['stage'],
  department: ['department', 'owner'],
  role: ['role'],
  system: ['system'],
  resource: ['pool'],
  process: ['process'],
  channel: ['channel'],
};

const FLOW_KEYS = new Set(['next', 'start']);
const CHANGE_KEYS = new Set(['set', 'add', 'remove']);

/** Where each kind is declared, as list paths (`*` is any item). */
export const DECLARED_IN: Record<IdKind, readonly string[]> = {
  step: ['steps'],
  end: ['ends'],
  stage: ['stages'],
  department: ['organization.departments'],
  role: ['organization.departments.*.roles'],
  system: ['organization.systems'],
  segment: ['segments'],
  resource: ['resources'],
  process: ['processes'],
  channel: ['channels'],
  activity: ['steps.*.backstage'],
  scenario: ['scenarios'],
};

const whole = (to: string) => to;

function segmentOf(parent: unknown, index: number): Segment {
  const item = isSeq(parent) ? parent.items[index] : undefined;
  return idOf(item) !== undefined ? { id: idOf(item) as string } : index;
}

/** A flow (`next`, `start`, `fail.next`): a target, a list of branches, or a map by segment. */
function walkFlow(node: unknown, path: Segment[], kind: IdKind, id: string, sites: Site[]): void {
  const targets = kind === 'step' || kind === 'end';
  if (isScalar(node) && targets && node.value === id) sites.push({ node, path, rename: whole });
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) walk(item, [...path, i], kind, id, sites);
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (key && kind === 'segment' && key.value === id) sites.push({ node: key, path, rename: whole });
      walkFlow(pair.value, [...path, String(key?.value)], kind, id, sites);
    }
  }
}

/** A scenario change's dotted path names ids as its segments. */
function changeTarget(node: Scalar, path: Segment[], id: string, sites: Site[]): void {
  const parts = String(node.value).split('.');
  if (!parts.includes(id)) return;
  sites.push({ node, path, rename: (to) => parts.map((p) => (p === id ? to : p)).join('.') });
}

function walk(node: unknown, path: Segment[], kind: IdKind, id: string, sites: Site[]): void {
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) walk(item, [...path, segmentOf(node, i)], kind, id, sites);
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = pair.value;
    const here = [...path, key];
    if (FLOW_KEYS.has(key)) walkFlow(value, here, kind, id, sites);
    else if (CHANGE_KEYS.has(key) && path[0] === 'scenarios' && isScalar(value))
      changeTarget(value, here, id, sites);
    else if (key === 'priority' && kind === 'segment' && isSeq(value)) {
      value.items.forEach((item, i) => {
        if (isScalar(item) && item.value === id)
          sites.push({ node: item, path: [...here, i], rename: whole });
      });
    } else if (isScalar(value) && value.value === id && KEYS[kind]?.includes(key)) {
      sites.push({ node: value, path: here, rename: whole });
    } else walk(value, here, kind, id, sites);
  }
}

/** Every reference to the id as an element of this kind (not its declaration). */
export function referencesTo(doc: Parsed, kind: IdKind, id: string): Site[] {
  const sites: Site[] = [];
  walk(doc.contents, [], kind, id, sites);
  return sites;
}

/** The declarations of each kind: the `id:` scalar and its path. */
export function declarations(doc: Parsed, kind: IdKind): { id: string; node: Scalar; path: EditPath }[] {
  const found: { id: string; node: Scalar; path: EditPath }[] = [];
  const visit = (node: unknown, parts: string[], path: Segment[]): void => {
    if (parts.length === 0) {
      if (!isSeq(node)) return;
      for (const item of node.items) {
        const idNode = isMap(item) ? item.get('id', true) : undefined;
        if (isScalar(idNode) && typeof idNode.value === 'string') {
          found.push({ id: idNode.value, node: idNode, path: [...path, { id: idNode.value }] });
        }
      }
      return;
    }
    const [part, ...rest] = parts as [string, ...string[]];
    if (part === '*' && isSeq(node)) {
      for (const [i, item] of node.items.entries()) visit(item, rest, [...path, segmentOf(node, i)]);
    } else if (isMap(node)) visit(node.get(part, true), rest, [...path, part]);
  };
  for (const list of DECLARED_IN[kind]) visit(doc.contents, list.split('.'), []);
  return found;
}
