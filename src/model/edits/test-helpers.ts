/** Helpers for the edit tests: reading fixtures, comparing texts line by line. */
import { readFileSync } from 'node:fs';

export const small = readFileSync(new URL('./fixtures/small.yaml', import.meta.url), 'utf8');
export const example = readFileSync(
  new URL('../../../examples/order-departments.yaml', import.meta.url),
  'utf8',
);

/** Lines of `after` that differ from `before`, by position (both texts must keep their length). */
export function changedLines(before: string, after: string): { line: number; was?: string; is?: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const changed = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) changed.push({ line: i + 1, was: a[i], is: b[i] });
  }
  return changed;
}

export const commentLines = (text: string) =>
  text.split('\n').filter((line) => line.trimStart().startsWith('#'));

/** True when every line of `wanted` appears in `lines`, in the same order. */
export function inOrder(wanted: readonly string[], lines: readonly string[]): boolean {
  let at = 0;
  for (const line of lines) if (at < wanted.length && line === wanted[at]) at++;
  return at === wanted.length;
}

/** Branches from [target, p] pairs. */
export const split = (...pairs: [string, number][]) => pairs.map(([to, p]) => ({ to, p }));
