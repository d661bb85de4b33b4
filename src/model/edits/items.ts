/**
 * Lists of elements with ids (steps, stages, departments, roles, activities): insert, remove
 * and move whole items as blocks of lines. An item's block is the comments right above its dash,
 * its own lines and the blank lines after it, so an item moves and goes with its comments and the
 * comments of its neighbours stay where they were.
 */
import { isSeq, type Node, type YAMLSeq } from 'yaml';
import type { Anchor, Applied, EditPath } from './edit.js';
import { EditError, showPath, unknownId } from './error.js';
import {
  attachedCommentsStart,
  column,
  contentEnd,
  indentedTailEnd,
  lineEnd,
  lineStart,
  splice,
  trailingBlanksEnd,
} from './lines.js';
import { idOf, idsIn, locate, parseText } from './locate.js';
import { renderItem } from './render.js';
import { setIn } from './set.js';

interface Block {
  start: number;
  /** End of the item's last line. */
  lines: number;
  /** End of the blank lines after it. */
  end: number;
}

function block(text: string, seq: YAMLSeq, index: number): Block {
  const node = seq.items[index] as Node;
  const [from, to] = node.range ?? [0, 0];
  const lines = lineEnd(text, contentEnd(text, to) - 1);
  return {
    start: attachedCommentsStart(text, lineStart(text, from)),
    lines,
    end: trailingBlanksEnd(text, lines),
  };
}

function dashColumn(text: string, seq: YAMLSeq): number {
  const first = (seq.items[0] as Node).range?.[0] ?? 0;
  return column(text, text.lastIndexOf('-', first));
}

function indexOf(seq: YAMLSeq, id: string, path: EditPath): number {
  const index = seq.items.findIndex((item) => idOf(item) === id);
  if (index === -1) throw unknownId(id, idsIn(seq), noun(path), [...path, { id }]);
  return index;
}

function noun(path: EditPath): string {
  const list = String(path[path.length - 1] ?? 'item');
  return list.endsWith('ies') ? `${list.slice(0, -3)}y` : list.replace(/s$/, '');
}

/** Where a new item goes, and whether blank lines part the items there. */
function insertionPoint(
  text: string,
  seq: YAMLSeq,
  anchor: Anchor,
  path: EditPath,
): { at: number; spaced: boolean } {
  if (anchor.before !== undefined) {
    const next = block(text, seq, indexOf(seq, anchor.before, path));
    return { at: next.start, spaced: next.end > next.lines };
  }
  const index = anchor.after !== undefined ? indexOf(seq, anchor.after, path) : seq.items.length - 1;
  const previous = block(text, seq, index);
  const spaced = previous.end > previous.lines;
  if (index + 1 < seq.items.length) return { at: block(text, seq, index + 1).start, spaced };
  return { at: indentedTailEnd(text, previous.lines, dashColumn(text, seq)), spaced };
}

/** The list at `path`, or none when the key is missing or the list is empty. */
function blockList(text: string, path: EditPath): YAMLSeq | undefined {
  const place = locate(parseText(text), path);
  const node = place.in === 'map' ? place.pair?.value : place.node;
  if (node !== undefined && node !== null && !isSeq(node)) {
    throw new EditError(`${showPath(path)} is not a list`, path, 'check the path');
  }
  return isSeq(node) && node.items.length > 0 && !node.flow ? node : undefined;
}

/**
 * Inserts `value` (an element with an id) into the list at `path`. `source` is the exact text
 * of the item's block, for undo. The inverse removes the item again.
 */
export function insertItem(
  text: string,
  path: EditPath,
  value: { id: string },
  anchor: Anchor,
  source?: string,
): Applied {
  const list = blockList(text, path);
  const remove = { kind: 'remove-item', path: [...path, { id: value.id }] } as const;
  if (list === undefined) {
    // An empty, flow or missing list is written whole: there are no item lines to go between.
    const place = locate(parseText(text), path);
    const old = place.in === 'map' ? place.pair?.value : place.node;
    const items = isSeq(old) ? (old.toJSON() as unknown[]) : [];
    const applied = setIn(text, { kind: 'set', path, value: [...items, value] });
    return { text: applied.text, inverse: applied.inverse };
  }
  if (idsIn(list).includes(value.id)) {
    throw new EditError(
      `the id '${value.id}' is already taken in ${showPath(path)}`,
      path,
      'choose another id',
    );
  }
  const { at, spaced } = insertionPoint(text, list, anchor, path);
  const insert = source ?? renderItem(value, dashColumn(text, list)) + (spaced ? '\n' : '');
  return { text: splice(text, at, at, insert), inverse: remove };
}

/** Removes the item with this id; gives its exact block and where it stood, for undo. */
export function removeItem(
  text: string,
  path: EditPath,
  id: string,
): Applied & { source: string; anchor: Anchor } {
  const list = blockList(text, path);
  if (list === undefined) throw unknownId(id, [], noun(path), [...path, { id }]);
  const index = indexOf(list, id, path);
  const previous = idOf(list.items[index - 1]);
  const next = idOf(list.items[index + 1]);
  const anchor: Anchor =
    previous !== undefined ? { after: previous } : next !== undefined ? { before: next } : {};
  if (list.items.length === 1) {
    const applied = setIn(text, { kind: 'set', path, value: [] });
    return { ...applied, source: '', anchor };
  }
  const { start, end } = block(text, list, index);
  const source = text.slice(start, end);
  const value = (list.items[index] as Node).toJSON() as { id: string };
  const inverse = { kind: 'insert-item', path, value, ...anchor, source } as const;
  return { text: splice(text, start, end, ''), inverse, source, anchor };
}
