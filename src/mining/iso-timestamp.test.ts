/**
 * The digit-by-digit reading of the common timestamp shape gives what the general reading gives,
 * for every text it reads, and reads every text of that shape whose fields are in range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './iso-timestamp.js';
import { generalTimestamp, parseTimestamp } from './timestamp-text.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A timestamp's fields, some of them out of range (hour 24, day 31 of any month, year 0999). */
const fields = fc.record({
  year: fc.oneof(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 0, max: 9999 })),
  month: fc.integer({ min: 0, max: 13 }),
  day: fc.integer({ min: 0, max: 32 }),
  separator: fc.constantFrom('T', ' ', 't', '_'),
  hour: fc.integer({ min: 0, max: 25 }),
  minute: fc.integer({ min: 0, max: 60 }),
  second: fc.option(fc.integer({ min: 0, max: 61 })),
  fraction: fc.option(fc.stringMatching(/^\d{1,11}$/)),
  zone: fc.constantFrom('', 'Z', 'z', '+00', '-00', '+05:30', '-0300', '+1', '+05:', '-12:00', '+14', ' '),
  time: fc.boolean(),
  around: fc.constantFrom('', ' ', '\t'),
});

type Fields = typeof fields extends fc.Arbitrary<infer F> ? F : never;

function textOf(f: Fields): string {
  const date = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
  if (!f.time) return `${f.around}${date}${f.around}`;
  const seconds = f.second === null ? '' : `:${pad(f.second)}${f.fraction === null ? '' : `.${f.fraction}`}`;
  return `${f.around}${date}${f.separator}${pad(f.hour)}:${pad(f.minute)}${seconds}${f.zone}${f.around}`;
}

const inRange = (f: Fields) =>
  f.year >= 1000 &&
  f.month >= 1 &&
  f.month <= 12 &&
  f.day >= 1 &&
  f.day <= new Date(Date.UTC(f.year, f.month, 0)).getUTCDate() &&
  f.hour <= 23 &&
  f.minute <= 59 &&
  (f.second ?? 0) <= 59 &&
  (f.fraction?.length ?? 0) <= 9 &&
  f.around === '' &&
  (!f.time || ['T', ' '].includes(f.separator)) &&
  (!f.time || !['z', '+1', '+05:', ' '].includes(f.zone));

describe('a timestamp of the common shape, read digit by digit', () => {
  it('gives the general reading, offset and microseconds alike, whenever it reads a text', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const text = textOf(f);
        const fast = isoTimestamp(text);
        if (fast !== undefined) expect(fast, text).toEqual(generalTimestamp(text));
        // Every text of the shape with its fields in range is read here, not by the general reading.
        if (inRange(f)) expect(fast, text).toBeDefined();
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2011-10-01T00:38:44.546+02:00', Date.UTC(2011, 8, 30, 22, 38, 44, 546) * 1000, 120],
    ['2012-10-09T14:50:17+00:00', Date.UTC(2012, 9, 9, 14, 50, 17) * 1000, 0],
    ['1970-01-01T01:00:41.000+01:00', 41_000_000, 60],
    ['2024-02-29 10:00:00.1234567', Date.UTC(2024, 1, 29, 10) * 1000 + 123_456, null],
    ['2016-01-12', Date.UTC(2016, 0, 12) * 1000, null],
    ['2024-01-01T10:00-0300', Date.UTC(2024, 0, 1, 13) * 1000, -180],
  ])('reads %s', (text, us, offset) => {
    expect(isoTimestamp(text)).toEqual({ us: BigInt(us), offset });
  });

  it('leaves other shapes and fields out of range to the general reading', () => {
    for (const text of [
      '2024-02-30',
      '2024-01-01T24:00:00',
      ' 2024-01-01',
      '2024-01-01 10:00:00 EST',
      '0999-01-01',
    ])
      expect(isoTimestamp(text), text).toBeUndefined();
    // The general reading still reads what it can of them.
    expect(parseTimestamp('2024-01-01 10:00:00 ')).toEqual(generalTimestamp('2024-01-01 10:00:00'));
    expect(parseTimestamp('soon')).toBeUndefined();
  });
});
