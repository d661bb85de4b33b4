/** Finding the node an edit path names in the parsed YAML, by key, index or id. */
import {
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { EditPath, Segment } from './edit.js';
import { EditError, showPath, unknownId } from './error.js';

export type Parsed = ReturnType<typeof parseDocument>;

/**
 * The last text parsed, with its document. An edit's result is parsed to check it is YAML, and
 * is the next edit's text: a batch parsed each text twice (30 edits of a 2,000-step model, 48 s).
 * The edits only read documents (they splice the text), so one serves both.
 */
let lastParsed: { text: string; doc: Parsed } | undefined;

/** The text's document, parsed once for as long as it is the text last asked for. */
export function parsedDocument(text: string): Parsed {
  if (lastParsed?.text !== text) lastParsed = { text, doc: parseDocument(text) };
  return lastParsed.doc;
}

/** Parses the text; an edit on text that is not YAML has nothing to hold on to. */
export function parseText(text: string): Parsed {
  const doc = parsedDocument(text);
  const error = doc.errors[0];
  if (error) throw new EditError(`the text is not valid YAML: ${error.message}`, [], 'fix the YAML first');
  return doc;
}

/** Where a path ends: the collection holding it and the pair or item there, if any. */
export type Place =
  | { in: 'map'; parent: YAMLMap; key: string; pair: Pair | undefined }
  | { in: 'seq'; parent: YAMLSeq; index: number; node: Node };

export function idOf(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  const id = node.get('id');
  return typeof id === 'string' ? id : undefined;
}

/** The ids of the items of a list. */
export function idsIn(seq: unknown): string[] {
  return isSeq(seq) ? seq.items.map(idOf).filter((id): id is string => id !== undefined) : [];
}

function noun(path: EditPath, at: number): string {
  const list = path[at - 1];
  const name = typeof list === 'string' ? list : 'item';
  return name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.replace(/s$/, '');
}

function step(node: unknown, segment: Segment, path: EditPath, at: number): Place {
  const here = path.slice(0, at + 1);
  if (typeof segment === 'string') {
    if (!isMap(node))
      throw new EditError(`${showPath(path.slice(0, at))} is not a map`, here, 'check the path');
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
    return { in: 'map', parent: node, key: segment, pair };
  }
  if (!isSeq(node))
    throw new EditError(`${showPath(path.slice(0, at)) || 'the file'} is not a list`, here, 'check the path');
  if (typeof segment === 'number') {
    const item = node.items[segment];
    if (item === undefined)
      throw new EditError(`the list has no item ${segment}`, here, `it has ${node.items.length}`);
    return { in: 'seq', parent: node, index: segment, node: item as Node };
  }
  const index = node.items.findIndex((item) => idOf(item) === segment.id);
  if (index === -1) throw unknownId(segment.id, idsIn(node), noun(path, at), here);
  return { in: 'seq', parent: node, index, node: node.items[index] as Node };
}

/** The place a path names; every step but the last must exist. */
export function locate(doc: Parsed, path: EditPath): Place {
  let node: unknown = doc.contents;
  let place: Place | undefined;
  for (const [at, segment] of path.entries()) {
    if (place !== undefined) {
      node = place.in === 'map' ? place.pair?.value : place.node;
      if (node === undefined || node === null) {
        throw new EditError(`${showPath(path.slice(0, at))} is missing`, path, 'set it first');
      }
    }
    place = step(node, segment, path, at);
  }
  if (place === undefined) throw new EditError('an edit needs a path', path, "name a field, e.g. ['name']");
  return place;
}
