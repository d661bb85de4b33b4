import { idWords } from '../model/id-words.js';

/** A name made into an id: letters, digits and dashes, starting with a letter. */
export function slug(text: string): string {
  const s = idWords(text).slice(0, 60).replace(/-+$/, '');
  return /^[a-z]/.test(s) ? s : `x-${s || 'unnamed'}`;
}
