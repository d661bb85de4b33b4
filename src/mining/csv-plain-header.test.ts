/**
 * A plain CSV's header names are given to read_csv only where they are the names DuckDB's sniffer
 * would give; any other header is left to it (a name trimmed, an empty one numbered, a repeated one
 * suffixed, or text outside ASCII, which DuckDB reads by the file's encoding).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plainHeaderNames } from './csv-plain-header.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-plain-header-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (text: string | Buffer) => {
  const file = join(dir, `h${n++}.csv`);
  writeFileSync(file, text);
  return file;
};

describe("a plain CSV's header names", () => {
  it.each([
    ['commas', 'case_id,activity,timestamp\nc1,A,2024-01-01\n', ',', ['case_id', 'activity', 'timestamp']],
    [
      'tabs and inner spaces',
      'Case ID\tActivity name\tTime\nc1\tA\t2024-01-01\n',
      '\t',
      ['Case ID', 'Activity name', 'Time'],
    ],
    ['CRLF line ends', 'case;activity;time\r\nc1;A;2024-01-01\r\n', ';', ['case', 'activity', 'time']],
    [
      'a UTF-8 byte order mark',
      '\uFEFFcase,activity,time\nc1,A,2024-01-01\n',
      ',',
      ['case', 'activity', 'time'],
    ],
    ['the header alone, no line break', 'case|activity|time', '|', ['case', 'activity', 'time']],
  ])('are read from a header with %s', (_name, text, delimiter, names) => {
    expect(plainHeaderNames(write(text), delimiter)).toEqual(names);
  });

  it.each([
    ['an empty name', 'case,,time\nc1,A,2024-01-01\n'],
    ['a name DuckDB would trim', 'case, activity,time\nc1,A,2024-01-01\n'],
    ['a name twice', 'case,activity,activity\nc1,A,B\n'],
    ['a name outside ASCII', 'case,activité,time\nc1,A,2024-01-01\n'],
    ['a header longer than 64 KiB', `${'x'.repeat(70_000)},b\n1,2\n`],
  ])('are left to the sniffer for %s', (_name, text) => {
    expect(plainHeaderNames(write(text), ',')).toBeUndefined();
  });
});
