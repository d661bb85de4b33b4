/**
 * Text that fits: widths measured with the font the PNGs are drawn in (DejaVu Sans, whose
 * metrics are close to Verdana's, so a label that fits here fits in the wider fallbacks too),
 * and labels wrapped into lines that fit a box, cut with an ellipsis when they run out of room.
 */
import { createRequire } from 'node:module';
import { DEJAVU_SANS, DEJAVU_SANS_BOLD, type FontWidths } from './dejavu-widths.js';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** Generic stacks, so a viewer without DejaVu still draws a sans-serif close to it. */
export const FONT_FAMILY = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, Helvetica, sans-serif";

type Weight = keyof typeof FONT_FILES;

/**
 * The fonts' widths as scripts/font-widths.mjs read them from the files: parsing the fonts with
 * opentype.js at every render took 80 to 100 ms of its start.
 */
const FONTS: Record<Weight, FontWidths> = { regular: DEJAVU_SANS, bold: DEJAVU_SANS_BOLD };
const tables = new Map<Weight, Map<number, number>>();

/** Each code point the font draws, with its width. */
function widthsOf(weight: Weight): Map<number, number> {
  let table = tables.get(weight);
  if (!table) {
    table = new Map();
    for (const [first = 0, ...widths] of FONTS[weight].runs)
      for (const [k, width] of widths.entries()) table.set(first + k, width);
    tables.set(weight, table);
  }
  return table;
}

/** Width in pixels of `text` at `size` px. */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
  const { unitsPerEm, missing } = FONTS[weight];
  const table = widthsOf(weight);
  let units = 0;
  for (const char of text) units += table.get(char.codePointAt(0) as number) ?? missing;
  return (units / unitsPerEm) * size;
}

/** Whether the bundled font draws `char` (one code point), rather than an empty box. */
export function hasGlyph(char: string): boolean {
  return widthsOf('regular').has(char.codePointAt(0) as number);
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `width`; words longer than a line are
 * split, and text that does not fit ends in an ellipsis (the full text stays in the SVG title).
 */
export function wrap(
  text: string,
  width: number,
  size: number,
  maxLines: number,
  weight: Weight = 'regular',
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  const fits = (s: string) => textWidth(s, size, weight) <= width;
  for (let word of words) {
    // Lines past the last shown change nothing: the last shown is whole once another begins.
    if (lines.length > maxLines) break;
    while (lines.length <= maxLines && !fits(word)) {
      const [head, tail] = splitWord(word, fits);
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

/**
 * A word too long for a line, split: after the last hyphen, slash, dot or underscore that leaves
 * a first part that fits ("northwind-" / "supplies.example"), else hyphenated where it fits.
 * Widths grow with the prefix, so the longest prefix that fits is found by halving, not by
 * measuring every prefix from the end (a name of a 4,000-character word took minutes to draw);
 * a cut never falls inside a character written as two UTF-16 units.
 */
function splitWord(word: string, fits: (s: string) => boolean): [string, string] {
  const last = word.length - 1;
  const fitting = longest(last, (cut) => fits(word.slice(0, cut)));
  for (let cut = Math.min(fitting, last); cut > 1; cut--)
    if ('-/._'.includes(word[cut - 1] as string)) return [word.slice(0, cut), word.slice(cut)];
  let cut = Math.min(
    longest(last, (n) => fits(`${word.slice(0, n)}-`)),
    last,
  );
  if (cut < 2) cut = 1;
  if (isHighSurrogate(word.charCodeAt(cut - 1))) cut = cut > 1 ? cut - 1 : 2;
  return [`${word.slice(0, cut)}-`, word.slice(cut)];
}

/** The largest n in [0, most] for which `fits(n)` holds, `fits` true up to some n and false after. */
function longest(most: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = most;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
