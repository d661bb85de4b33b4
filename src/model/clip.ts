/**
 * What a message quotes of a user's text: all of it when it is short, its start and its length
 * when it is not, so that a 10 MB id makes a one-line message instead of a 10 MB one.
 */
import { grouped } from '../text/grouped.js';

/** Text up to this long is quoted whole. */
const WHOLE = 120;
/** Of longer text, this much is quoted. */
const START = 80;

export function clip(text: string): string {
  if (text.length <= WHOLE) return text;
  // A pair of UTF-16 halves (an emoji) is kept whole or left out, never cut in two.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(START - 1)) ? START - 1 : START;
  return `${text.slice(0, end)}… (${grouped(text.length)} characters)`;
}

/** A list as a message names it: the first few, and how many more there are. */
export function fewOf(items: readonly string[], most = 8): string {
  const shown = items.slice(0, most).join(', ');
  return items.length > most ? `${shown} and ${items.length - most} more` : shown;
}
