import { describe, expect, it } from 'vitest';
import { csvHeader } from './csv-header';

describe("a CSV file's column names, read in the browser", () => {
  it('are the first line split at its delimiter, quotes taken off', () => {
    expect(csvHeader('Order,Step,When\n1,a,2024-01-01\n')).toEqual(['Order', 'Step', 'When']);
    expect(csvHeader('\uFEFFcase;"activity; name";"the ""time"""\r\nc1;a;b\r\n')).toEqual([
      'case',
      'activity; name',
      'the "time"',
    ]);
    expect(csvHeader('a\tb\tc, with comma\n')).toEqual(['a', 'b', 'c, with comma']);
    expect(csvHeader('x|y\n')).toEqual(['x', 'y']);
  });

  it('are none for an empty file, and a single column is one name', () => {
    expect(csvHeader('')).toEqual([]);
    expect(csvHeader('\n1\n')).toEqual([]);
    expect(csvHeader('events\n1\n')).toEqual(['events']);
  });
});
