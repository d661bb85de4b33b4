/**
 * Text sorted as DuckDB and ClickHouse sort it, by the bytes of its UTF-8: the order every merged
 * and sorted answer of the event stores relies on to be the same on each engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteOrder } from './shard-discovery.js';

/** What the stores do: compare the UTF-8 bytes (a lone surrogate written as U+FFFD). */
const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

// Texts that share beginnings and differ where UTF-16 and UTF-8 order part: code points past
// U+FFFF (surrogate pairs), U+E000-U+FFFF, lone surrogates, and plain letters.
const PIECES = [
  'a',
  'b',
  'é',
  '\u{E000}',
  '\u{FFFD}',
  '\u{FFFF}',
  '😀',
  '😁',
  '\u{10000}',
  '\ud83d',
  '\ude00',
  '',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join(''));

describe('byte order', () => {
  it('orders as the UTF-8 bytes do, for texts that differ where UTF-16 order does not', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(Math.sign(byteOrder(a, b))).toBe(bytes(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('orders any text as its UTF-8 bytes do', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(byteOrder(a, b))).toBe(bytes(a, b));
        expect(Math.sign(byteOrder(a, a))).toBe(0);
      }),
    );
  });

  it('puts a code point past U+FFFF after U+FFFF, where UTF-16 puts it before', () => {
    expect('😀' < '\u{FFFF}').toBe(true);
    expect(byteOrder('😀', '\u{FFFF}')).toBe(1);
    expect([`b`, '😀', '\u{E000}', 'a'].sort(byteOrder)).toEqual(['a', 'b', '\u{E000}', '😀']);
  });
});
