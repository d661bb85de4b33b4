/** A view option that names nothing or cannot be drawn: what was asked, and what could have been. */
import { didYouMean } from '../model/suggest.js';

export class RenderOptionError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** The closest choice, when one is close; else a nudge to check the spelling. */
export const hintFor = (word: string, choices: readonly string[], noun: string) => {
  const hint = didYouMean(word, choices, noun);
  return hint.startsWith('did you mean') ? hint : 'check the spelling';
};
