/** "Did you mean" for ids and field names: the closest candidate by edit distance, if close enough. */
import { clip } from './clip.js';

/**
 * Longer words get no suggestion: nobody mistypes a name that long in a way a distance can
 * mend, and the distance of megabyte-long words would cost minutes and gigabytes.
 */
export const MAX_SUGGESTED_LENGTH = 200;

export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const target = word.toLowerCase();
  const allowed = Math.max(2, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    // Lower case can lengthen a word a little (İ), never threefold: a far longer one is skipped unread.
    if (candidate.length > 3 * (target.length + bestDistance)) continue;
    const other = candidate.toLowerCase();
    if (Math.abs(other.length - target.length) >= bestDistance) continue;
    const distance = editDistance(target, other, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
 * Past `max` the exact value does not matter: only a band of 2 * max + 1 diagonals is computed,
 * three rows at a time, and the walk stops (returning max + 1) once no cell is within `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const limit = Math.min(max, long.length);
  const beyond = limit + 1;
  if (long.length - short.length > limit) return beyond;
  const cols = long.length + 1;
  let before = new Array<number>(cols).fill(beyond);
  let previous = new Array<number>(cols).fill(beyond);
  let current = new Array<number>(cols).fill(beyond);
  for (let j = 0; j <= Math.min(limit, long.length); j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= short.length; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(long.length, i + limit);
    current[lo - 1] = lo === 1 && i <= limit ? i : beyond;
    if (hi < long.length) current[hi + 1] = beyond;
    let rowMin = current[lo - 1] as number;
    for (let j = lo; j <= hi; j++) {
      const cost = short[i - 1] === long[j - 1] ? 0 : 1;
      let v = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && short[i - 1] === long[j - 2] && short[i - 2] === long[j - 1])
        v = Math.min(v, (before[j - 2] as number) + 1);
      current[j] = Math.min(v, beyond);
      if (v < rowMin) rowMin = v;
    }
    // Every later cell builds on this row or the one before it (a swap reaches back two rows).
    if (rowMin > limit && previousMin > limit) return beyond;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[long.length] as number, beyond);
}

/** The hint for an unknown name: the closest candidate, or the list when it is short. */
export function didYouMean(word: string, candidates: readonly string[], noun: string): string {
  const close = suggest(word, candidates);
  if (close !== undefined) return `did you mean '${close}'?`;
  if (candidates.length === 0) return `the model declares no ${noun} yet`;
  if (candidates.length <= 8) return `known ${noun}: ${candidates.map((c) => `'${clip(c)}'`).join(', ')}`;
  return `check the spelling against the declared ${noun}`;
}

/** A suggestion for a misspelt id that also lists the known ones, each said once. */
export function didYouMeanAmong(word: string, candidates: readonly string[], noun: string): string {
  const hint = didYouMean(word, candidates, noun);
  return suggest(word, candidates) !== undefined && candidates.length <= 8
    ? `${hint} (${noun}: ${candidates.map(clip).join(', ')})`
    : hint;
}
