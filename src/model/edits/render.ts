/** New values as YAML text, in the file's own style: block lists indented under their key. */
import { Document, isCollection } from 'yaml';
import { indent } from './lines.js';

/** Long lines stay long: folding them would change lines the edit did not touch. */
const OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

const isCollectionValue = (value: unknown) => typeof value === 'object' && value !== null;

/** A scalar on one line: plain where YAML allows, else quoted. */
export function renderScalar(value: unknown): string {
  const text = new Document(value).toString(OPTIONS).trimEnd();
  return text.includes('\n') ? JSON.stringify(value) : text;
}

/** A collection on one line, like `[a, b]` or `{ p: 0.1, next: x }` (padded, as the old one was). */
export function renderFlow(value: unknown, padded: boolean): string {
  const doc = new Document(value);
  if (isCollection(doc.contents)) doc.contents.flow = true;
  return doc.toString({ ...OPTIONS, flowCollectionPadding: padded }).trimEnd();
}

/** A collection as block lines at `column`, without the final newline. */
export function renderBlock(value: unknown, column: number): string {
  return indent(new Document(value).toString(OPTIONS).trimEnd(), column);
}

/**
 * The text after `key:`: ` scalar`, ` [flow]` when the old value was written in flow style,
 * else a newline and the block one level (two spaces) deeper than the key.
 */
export function renderAfterKey(
  value: unknown,
  keyColumn: number,
  flow: { padded: boolean } | undefined,
): string {
  if (!isCollectionValue(value)) return ` ${renderScalar(value)}`;
  if (flow) return ` ${renderFlow(value, flow.padded)}`;
  return `\n${renderBlock(value, keyColumn + 2)}`;
}

/** A whole `key: value` entry at `column`, ending with a newline. */
export function renderPair(key: string, value: unknown, column: number): string {
  return `${' '.repeat(column)}${renderScalar(key)}:${renderAfterKey(value, column, undefined)}\n`;
}

/** A list item `- ...` whose dash stands at `column`, ending with a newline. */
export function renderItem(value: unknown, column: number): string {
  const body = isCollectionValue(value)
    ? renderBlock(value, column + 2).slice(column + 2)
    : renderScalar(value);
  return `${' '.repeat(column)}- ${body}\n`;
}
