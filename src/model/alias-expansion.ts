/**
 * How far a document's aliases multiply it. `yaml` bounds the number of aliases (1,000) but not
 * what each repeats: 900 steps each `asks: *a`, with `&a` a list of 200,000 items, is a 465 KB
 * file that the checks then copied 900 times (1.5 GB; 1.8 MB took Node past its heap and out with
 * a native stack trace). The values the aliases repeat are counted, and the first alias past the
 * bound named.
 */
import type { Document, Node } from 'yaml';
import { yamlLibrary as yaml } from './yaml-library.js';

/** Values the aliases of one file may repeat in all: far more than any model needs. */
export const MOST_REPEATED = 1_000_000;

export interface Overgrown {
  /** The alias at which the values repeated pass MOST_REPEATED. */
  alias: Node;
  /** Values repeated by the aliases up to it, and by it alone. */
  repeated: number;
  each: number;
}

export function overgrownAlias(doc: Document): Overgrown | undefined {
  const { isAlias, isCollection, isPair, visit } = yaml();
  const sizes = new Map<unknown, number>();
  // Each value counts one, with what it holds; an alias, what it stands for.
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 0); // an alias inside its own anchor counts nothing more
    let n = 1;
    if (isAlias(node)) n = size(node.resolve(doc));
    else if (isPair(node)) n = size(node.key) + size(node.value);
    else if (isCollection(node)) for (const item of node.items) n += size(item);
    sizes.set(node, n);
    return n;
  };
  let repeated = 0;
  let found: Overgrown | undefined;
  visit(doc, {
    Alias(_, alias) {
      const each = size(alias.resolve(doc));
      repeated += each;
      if (repeated <= MOST_REPEATED) return undefined;
      found = { alias, repeated, each };
      return visit.BREAK;
    },
  });
  return found;
}
