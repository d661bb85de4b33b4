/**
 * Whether a YAML text may nest past a depth, by one linear pass over its characters: flow
 * brackets ([ and {) outside quoted scalars and comments, and sequence or mapping-key indicators
 * ("- ", "? ") in a row on one line. It errs on the safe side (a bracket inside a plain scalar
 * counts too), for deciding whether a slower, recursive parser may be handed the text: `yaml`
 * takes seconds on a hundred thousand levels, which no model has.
 */
const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const DOUBLE = 34;
const SINGLE = 39;

/** Characters after which a quote opens a quoted scalar (elsewhere it is part of a plain one). */
const OPENS_SCALAR = new Set([
  NEWLINE,
  58 /* : */,
  44 /* , */,
  91 /* [ */,
  123 /* { */,
  45 /* - */,
  63 /* ? */,
]);

export function mayNestPast(text: string, limit: number): boolean {
  let flow = 0;
  let quote = 0;
  let indicators = 0;
  let lineStart = true;
  /** The last character that was not a space or tab. */
  let last = NEWLINE;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === DOUBLE && quote === DOUBLE) quote = 0;
      else if (c === 92 /* \ */ && quote === DOUBLE) i++;
      else if (c === SINGLE && quote === SINGLE) {
        if (text.charCodeAt(i + 1) === SINGLE) i++;
        else quote = 0;
      }
      last = c;
      continue;
    }
    if (c === NEWLINE) {
      lineStart = true;
      indicators = 0;
      last = NEWLINE;
      continue;
    }
    if (c === SPACE || c === TAB) continue;
    const next = text.charCodeAt(i + 1);
    if (lineStart && (c === 45 || c === 63) && (next === SPACE || next === TAB || Number.isNaN(next))) {
      if (++indicators > limit) return true;
      last = c;
      continue;
    }
    lineStart = false;
    if ((c === DOUBLE || c === SINGLE) && OPENS_SCALAR.has(last)) quote = c;
    else if (c === 91 || c === 123) {
      if (++flow > limit) return true;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
    else if (
      c === 35 /* # */ &&
      (text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB || last === NEWLINE)
    ) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    last = c;
  }
  return false;
}
