import { UNNAMED_FAILURE } from './unnamed-failure.js';

/**
 * A failure's name: its cause up to the first comma or semicolon, short enough for a label. A
 * bracket the cut leaves open goes ("The page does not answer (rare" was a name), and a name too
 * long loses its asides in brackets before it is cut.
 */
export function failName(cause: string | undefined): string {
  if (!cause) return UNNAMED_FAILURE;
  const clause = (cause.split(/[;,:]/)[0] ?? cause).trim();
  let first = clause.replace(/\s*\([^)]*$/, '') || clause;
  if (first.length > 48) first = first.replace(/\s*\([^)]*\)/g, '');
  return first.length > 48 ? `${first.slice(0, 47).trimEnd()}…` : first;
}
