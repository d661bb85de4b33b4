import { describe, expect, it } from 'vitest';
import { csvHeader, fileCsvHeader } from './csv-header';

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

  it('are read whole from a file whose header is longer than a first read', async () => {
    // 5,000 columns of 24-character names: a header of 125,000 bytes.
    const names = Array.from({ length: 5_000 }, (_, i) => `attribute_${String(i).padStart(13, '0')}`);
    const file = new Blob([`${names.join(',')}\n${names.map(() => '1').join(',')}\n`]);
    const header = await fileCsvHeader(file);
    expect(header).toHaveLength(5_000);
    expect(header[4_999]).toBe(names[4_999]);
    expect(await fileCsvHeader(new Blob(['case,activity,time']))).toEqual(['case', 'activity', 'time']);
  });
});
