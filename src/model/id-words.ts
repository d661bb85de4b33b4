/**
 * A name in the words an id is made of: lower-case ASCII letters and digits, dashes between.
 * Accents are dropped from their letters ("Händler" → "handler"), not cut into words of their
 * own ("ha-ndler"): the accent is a mark of its own once the name is decomposed.
 */

/** Letters that decompose into no base letter and mark, spelled as ASCII. */
const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

export function idWords(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (c) => SPELLED[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
