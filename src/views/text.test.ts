/** Wrapping text into boxes: every word kept, long words split where a reader expects it. */
import { describe, expect, it } from 'vitest';
import { textWidth, wrap } from './text.js';

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
});
