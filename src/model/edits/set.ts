/**
 * `set`: write one value at a path. An existing scalar is replaced in place (only that line
 * changes); a collection is rewritten after its `key:`; a new key is inserted in field order;
 * `undefined` removes the key with the comments right above it. The inverse carries the old text.
 */
import { isCollection, isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Applied, SetEdit } from './edit.js';
import { EditError, showPath } from './error.js';
import { fieldOrder, keyBefore } from './field-order.js';
import {
  attachedCommentsStart,
  column,
  contentEnd,
  leadingBlanksStart,
  lineEnd,
  lineStart,
  splice,
  trailingBlanksEnd,
} from './lines.js';
import { locate, type Parsed, parseText } from './locate.js';
import { renderAfterKey, renderBlock, renderFlow, renderPair, renderScalar } from './render.js';

const isCollectionValue = (value: unknown) => typeof value === 'object' && value !== null;

function toJS(node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as Node).toJSON() : node;
}

/** Where a pair's value text lies: from just after the colon to its last character. */
function valueSpan(text: string, pair: Pair): [number, number] {
  const key = pair.key as Node;
  const afterColon = text.indexOf(':', key.range?.[1] ?? 0) + 1;
  const value = pair.value as Node | null;
  const end = value?.range ? contentEnd(text, value.range[1]) : afterColon;
  return [afterColon, Math.max(afterColon, end)];
}

/** The lines of a pair: the comments just above its key, through its value's last line. */
function pairLines(text: string, pair: Pair): [number, number] {
  const keyStart = (pair.key as Node).range?.[0] ?? 0;
  const end = valueSpan(text, pair)[1];
  return [attachedCommentsStart(text, lineStart(text, keyStart)), lineEnd(text, Math.max(end - 1, keyStart))];
}

function keyName(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/**
 * How a collection was written on one line (`[a]`, `{ p: 1 }`), to write its new value alike.
 * An empty `[]` grows into block lines.
 */
function flowStyleOf(text: string, node: unknown): { padded: boolean } | undefined {
  if (!isCollection(node) || node.flow !== true || node.items.length === 0) return undefined;
  return { padded: text.charAt((node.range?.[0] ?? 0) + 1) === ' ' };
}

function replaceValue(text: string, edit: SetEdit, pair: Pair): Applied {
  const old = pair.value as Node | null;
  const inverseBase = { kind: 'set', path: edit.path, value: toJS(old) } as const;
  const [start, end] = valueSpan(text, pair);
  const simple =
    edit.source === undefined && !isCollectionValue(edit.value) && (old === null || isScalar(old));
  if (simple && old?.range && old.range[1] > old.range[0]) {
    // Only the scalar's characters change: the line keeps its spacing and trailing comment.
    // A block scalar (`>-`) ends past its newline: that newline stays.
    const scalarEnd = Math.max(old.range[0], contentEnd(text, old.range[1]));
    const next = splice(text, old.range[0], scalarEnd, renderScalar(edit.value));
    return { text: next, inverse: { ...inverseBase, source: text.slice(start, end) } };
  }
  const keyColumn = column(text, (pair.key as Node).range?.[0] ?? 0);
  const flow = flowStyleOf(text, old);
  const insert = edit.source ?? renderAfterKey(edit.value, keyColumn, flow);
  return {
    text: splice(text, start, end, insert),
    inverse: { ...inverseBase, source: text.slice(start, end) },
  };
}

function removePair(text: string, edit: SetEdit, map: YAMLMap, pair: Pair): Applied {
  const index = map.items.indexOf(pair);
  const [block, lines] = pairLines(text, pair);
  const following = map.items[index + 1];
  // The blank lines that part a key from its neighbour go with it: those after it when a key
  // follows (it comes back before that key), else those above it (it comes back at the end).
  const start = following || index === 0 ? block : leadingBlanksStart(text, block);
  const end = following ? trailingBlanksEnd(text, lines) : lines;
  const keyStart = (pair.key as Node).range?.[0] ?? 0;
  // The first key of a list item shares its line with the dash: removing it would break the item.
  if (/\S/.test(text.slice(lineStart(text, keyStart), keyStart))) {
    throw new EditError(
      `${showPath(edit.path)} cannot be removed`,
      edit.path,
      'it opens its list item: remove the item',
    );
  }
  const inverse: SetEdit = {
    kind: 'set',
    path: edit.path,
    value: toJS(pair.value),
    source: text.slice(start, end),
  };
  if (following) inverse.before = keyName(following);
  return { text: splice(text, start, end, ''), inverse };
}

function insertPair(text: string, edit: SetEdit, map: YAMLMap, key: string): Applied {
  const present = map.items.map(keyName);
  const before = edit.before ?? keyBefore(key, fieldOrder(edit.path.slice(0, -1)), present);
  const beforePair = map.items.find((p) => keyName(p) === before);
  const last = map.items[map.items.length - 1];
  if (!last)
    throw new EditError(
      `${showPath(edit.path.slice(0, -1))} is an empty map`,
      edit.path,
      'set the whole map',
    );
  const at = beforePair ? pairLines(text, beforePair)[0] : pairLines(text, last)[1];
  const keyColumn = column(text, (map.items[0]?.key as Node | undefined)?.range?.[0] ?? 0);
  const insert = edit.source ?? renderPair(key, edit.value, keyColumn);
  return { text: splice(text, at, at, insert), inverse: { kind: 'set', path: edit.path, value: undefined } };
}

function replaceItem(text: string, edit: SetEdit, node: Node): Applied {
  if (edit.value === undefined)
    throw new EditError(`${showPath(edit.path)} is a list item`, edit.path, 'use remove-item');
  const start = node.range?.[0] ?? 0;
  const end = contentEnd(text, node.range?.[1] ?? start);
  const col = column(text, start);
  const flow = flowStyleOf(text, node);
  const block = () => renderBlock(edit.value, col).slice(col);
  const rendered = flow ? renderFlow(edit.value, flow.padded) : block();
  const insert = edit.source ?? (isCollectionValue(edit.value) ? rendered : renderScalar(edit.value));
  return {
    text: splice(text, start, end, insert),
    inverse: { kind: 'set', path: edit.path, value: toJS(node), source: text.slice(start, end) },
  };
}

/** A flow map (`{ p: 0.1, next: x }`) is rewritten whole: its entries share one line. */
function inFlowMap(text: string, edit: SetEdit, doc: Parsed, map: YAMLMap, key: string): Applied {
  const object = { ...(map.toJSON() as Record<string, unknown>) };
  if (edit.value === undefined) delete object[key];
  else object[key] = edit.value;
  return setIn(text, { kind: 'set', path: edit.path.slice(0, -1), value: object }, doc);
}

export function setIn(text: string, edit: SetEdit, parsed?: Parsed): Applied {
  const doc = parsed ?? parseText(text);
  const place = locate(doc, edit.path);
  if (place.in === 'seq') return replaceItem(text, edit, place.node);
  // In a flow map a scalar changes in place like anywhere else; adding or removing rewrites the map.
  const inPlace = isScalar(place.pair?.value) && edit.value !== undefined && !isCollectionValue(edit.value);
  if (
    isMap(place.parent) &&
    place.parent.flow &&
    !inPlace &&
    edit.source === undefined &&
    edit.path.length > 1
  ) {
    return inFlowMap(text, edit, doc, place.parent, place.key);
  }
  if (place.pair) {
    return edit.value === undefined && edit.source === undefined
      ? removePair(text, edit, place.parent, place.pair)
      : replaceValue(text, edit, place.pair);
  }
  if (edit.value === undefined && edit.source === undefined) return { text, inverse: edit };
  return insertPair(text, edit, place.parent, place.key);
}
