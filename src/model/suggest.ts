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
  // Most typos are one edit away from a name: those are found in one cheap pass, before any
  // candidate's full distance (which, for every unknown reference of a file with thousands of
  // steps, took seconds).
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  const near = nearest(target, list);
  if (near !== undefined) return near;
  const allowed = Math.max(2, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of list) {
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

/** The first candidate equal to the target (lower-cased), else the first one edit away, if any. */
function nearest(target: string, candidates: readonly string[]): string | undefined {
  let one: string | undefined;
  for (const candidate of candidates) {
    // Lower case never shortens a word: one already two longer cannot come within one edit.
    if (candidate.length > target.length + 1) continue;
    const d = withinOne(target, candidate.toLowerCase());
    if (d === 0) return candidate;
    if (d === 1 && one === undefined) one = candidate;
  }
  return one;
}

/** 0 for equal texts, 1 for texts one edit apart (an insertion, deletion, substitution or swap of neighbours), else 2. */
export function withinOne(a: string, b: string): number {
  if (a === b) return 0;
  // Asked of every candidate for every unknown name: no pair made per call.
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  if (long.length - short.length > 1) return 2;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (short.length !== long.length) return sameFrom(short, i, long, i + 1) ? 1 : 2;
  if (sameFrom(short, i + 1, long, i + 1)) return 1;
  const swapped =
    i + 1 < short.length &&
    short.charCodeAt(i) === long.charCodeAt(i + 1) &&
    short.charCodeAt(i + 1) === long.charCodeAt(i) &&
    sameFrom(short, i + 2, long, i + 2);
  return swapped ? 1 : 2;
}

/** Whether a from `i` and b from `j` are the same to their ends. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
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
  // Three rows of the scratch space, every cell past the band `beyond` (no arrays made per call:
  // a model with thousands of unknown references asks this millions of times).
  const rows = scratchRows(cols);
  rows.fill(beyond, 0, 3 * cols);
  let before = 0;
  let previous = cols;
  let current = 2 * cols;
  for (let j = 0; j <= Math.min(limit, long.length); j++) rows[previous + j] = j;
  let previousMin = 0;
  for (let i = 1; i <= short.length; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(long.length, i + limit);
    rows[current + lo - 1] = lo === 1 && i <= limit ? i : beyond;
    if (hi < long.length) rows[current + hi + 1] = beyond;
    let rowMin = rows[current + lo - 1] as number;
    for (let j = lo; j <= hi; j++) {
      const cost = short.charCodeAt(i - 1) === long.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(
        (rows[previous + j] as number) + 1,
        (rows[current + j - 1] as number) + 1,
        (rows[previous + j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        short.charCodeAt(i - 1) === long.charCodeAt(j - 2) &&
        short.charCodeAt(i - 2) === long.charCodeAt(j - 1)
      )
        v = Math.min(v, (rows[before + j - 2] as number) + 1);
      rows[current + j] = Math.min(v, beyond);
      if (v < rowMin) rowMin = v;
    }
    // Every later cell builds on this row or the one before it (a swap reaches back two rows).
    if (rowMin > limit && previousMin > limit) return beyond;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(rows[previous + long.length] as number, beyond);
}

/** Scratch space for editDistance's three rows, grown to the longest word asked about. */
let scratch = new Int32Array(3 * 64);
function scratchRows(cols: number): Int32Array {
  if (scratch.length < 3 * cols) scratch = new Int32Array(3 * cols * 2);
  return scratch;
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
