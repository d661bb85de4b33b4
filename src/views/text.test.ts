/** Wrapping text into boxes: every word kept, long words split where a reader expects it. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type opentype from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, hasGlyph, textWidth, wrap } from './text.js';

describe('textWidth', () => {
  it('measures every character as the font files say (scripts/font-widths.mjs made the table)', () => {
    const { parse } = createRequire(import.meta.url)('opentype.js') as typeof opentype;
    for (const weight of ['regular', 'bold'] as const) {
      const bytes = readFileSync(FONT_FILES[weight]);
      const font = parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), {
        lowMemory: true,
      });
      const drawn = Object.keys(font.tables.cmap?.glyphIndexMap ?? {}).map(Number);
      expect(drawn.length).toBeGreaterThan(5000);
      // Every character the font draws, and some it lacks (a box is drawn for them).
      const chars = [...drawn, 0x0378, 0x4e2d, 0x1f600, 0x10ffff].map((c) => String.fromCodePoint(c));
      const size = font.unitsPerEm;
      const wrong = chars.filter((c) => textWidth(c, size, weight) !== font.charToGlyph(c).advanceWidth);
      expect(wrong, `${weight}: widths unlike the font's: run node scripts/font-widths.mjs`).toEqual([]);
      if (weight === 'regular')
        expect(chars.filter((c) => hasGlyph(c) !== font.charToGlyphIndex(c) > 0)).toEqual([]);
    }
    expect(textWidth('Wait 5 min', 11)).toBeCloseTo(textWidth('Wait', 11) + textWidth(' 5 min', 11), 10);
  });
});

describe('wrap', () => {
  it('breaks a long name after its own hyphen or dot rather than inside a word', () => {
    const lines = wrap('northwind-supplies.example web shop', 90, 11, Number.POSITIVE_INFINITY, 'bold');
    expect(lines[0]).toBe('northwind-');
    expect(lines.join(' ').replace('- ', '-').replace('. ', '.')).toBe('northwind-supplies.example web shop');
    for (const l of lines) expect(textWidth(l, 11, 'bold')).toBeLessThanOrEqual(90);
  });

  it('hyphenates a word with no break in it, and keeps every letter', () => {
    const lines = wrap('Unbelievablylongword', 60, 11, Number.POSITIVE_INFINITY);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((l) => l.endsWith('-'))).toBe(true);
    expect(lines.map((l) => l.replace(/-$/, '')).join('')).toBe('Unbelievablylongword');
    for (const l of lines) expect(textWidth(l, 11)).toBeLessThanOrEqual(60);
  });

  it('ends in an ellipsis only when asked for fewer lines than the text needs', () => {
    expect(wrap('one two three four five six', 40, 11, 2).at(-1)?.endsWith('…')).toBe(true);
    expect(wrap('one two three four five six', 40, 11, Number.POSITIVE_INFINITY).join(' ')).toBe(
      'one two three four five six',
    );
  });

  it('wraps as measuring every prefix from the end did, in as many lines as are shown', () => {
    const word = fc
      .array(fc.constantFrom('a', 'm', 'W', 'i', '-', '/', '.', '_', '7'), { minLength: 1, maxLength: 90 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 20, max: 160 }),
        fc.constantFrom(1, 2, 3, Number.POSITIVE_INFINITY),
        (words, width, maxLines) => {
          const text = words.join(' ');
          expect(wrap(text, width, 11, maxLines)).toEqual(everyPrefixWrap(text, width, 11, maxLines));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('never cuts a character written as two UTF-16 units in half', () => {
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (let width = 14; width <= 120; width += 3)
      for (const word of [`xx${'😀'.repeat(30)}`, '𝐀'.repeat(40), '🇫🇷'.repeat(20)]) {
        const lines = wrap(word, width, 11, Number.POSITIVE_INFINITY);
        for (const line of lines) expect(line).not.toMatch(lone);
        expect(lines.map((l) => l.replace(/-$/, '')).join('')).toBe(word);
      }
  });
});

/** The wrapping before halving: each prefix measured from the end (the oracle for ASCII text). */
function everyPrefixWrap(text: string, width: number, size: number, maxLines: number): string[] {
  const fits = (s: string) => textWidth(s, size) <= width;
  const split = (word: string): [string, string] => {
    for (let cut = word.length - 1; cut > 1; cut--)
      if ('-/._'.includes(word[cut - 1] as string) && fits(word.slice(0, cut)))
        return [word.slice(0, cut), word.slice(cut)];
    let cut = word.length - 1;
    while (cut > 1 && !fits(`${word.slice(0, cut)}-`)) cut--;
    return [`${word.slice(0, cut)}-`, word.slice(cut)];
  };
  const lines: string[] = [];
  let current = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (!fits(word)) {
      const [head, tail] = split(word);
      if (current) {
        lines.push(current);
        current = '';
      }
      lines.push(head);
      word = tail;
    }
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (!fits(last) && last.length > 1) last = `${last.slice(0, -2)}…`;
  kept[maxLines - 1] = last;
  return kept;
}
