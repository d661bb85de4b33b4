/**
 * A plain CSV's dialect is found in JS, and DuckDB's sniffer skipped: the file must read exactly as
 * the sniffer would have had it read, and any file that is not plain must be left to the sniffer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainDialect } from './csv-plain-dialect.js';
import { namedColumns, plainHeaderNames } from './csv-plain-header.js';
import { type EventStore, openStore, queryRows } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-plain-'));
let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

let made = 0;
const write = (text: string) => {
  const file = join(dir, `f${made++}.csv`);
  writeFileSync(file, text);
  return file;
};
const lines = (d: string, n: number, end = '\n') =>
  [
    ['case', 'activity', 'timestamp'].join(d),
    ...Array.from({ length: n }, (_, i) =>
      [`c${i % 7}`, `Step ${i % 3}`, `2024-01-0${1 + (i % 9)} 10:00`].join(d),
    ),
  ].join(end) + end;

/** Rows of about 90 bytes: 20,000 of them pass the MiB the file is read by. */
const wide = (d: string, n: number) =>
  lines(d, n)
    .split('\n')
    .map((line, i) => (i === 0 ? `${line}${d}note` : line && `${line}${d}${'n'.repeat(60)}`))
    .join('\n');

/** The rows as read_csv gives them, with the options given or sniffed. */
async function read(file: string, options?: string): Promise<string> {
  const rows = await queryRows(
    store,
    `select * from read_csv('${file}', all_varchar = true, header = true${options ? `, ${options}` : ''})`,
  );
  return JSON.stringify(rows);
}

describe('a plain CSV', () => {
  it.each([
    ['commas', lines(',', 50)],
    ['semicolons', lines(';', 50)],
    ['tabs', lines('\t', 50)],
    ['pipes', lines('|', 50)],
    ['CRLF line ends', lines(',', 50, '\r\n')],
    ['a UTF-8 byte order mark', `\uFEFF${lines(',', 50)}`],
    ['no line break after the last line', lines(',', 50).trimEnd()],
    ['more rows than the sniffer samples', lines(',', 25_000)],
    // The file is read a MiB at a time: lines go on across the reads.
    ['a sample longer than a read', wide(',', 20_000)],
  ])('with %s reads as DuckDB sniffs it', async (_name, text) => {
    const file = write(text);
    const plain = plainDialect(file);
    expect(plain).toBeDefined();
    expect(await read(file, plain?.options)).toBe(await read(file));
    // With the header's names given too, DuckDB reads the file without sniffing it, the same.
    const names = plain && plainHeaderNames(file, plain.delimiter);
    expect(names).toBeDefined();
    expect(await read(file, `${plain?.options}, ${namedColumns(names || [])}`)).toBe(await read(file));
  });

  it('past the sample, keeps what the sniffer saw: a quote there is a character, as sniffed', async () => {
    const file = write(`${lines(',', 21_000)}c1,"Step" late,2024-02-01 10:00\n`);
    const given = plainDialect(file)?.options;
    expect(given).toBe("delim = ',', quote = '', escape = ''");
    expect(await read(file, given)).toBe(await read(file));
  });
});

describe('a file that is not plain is left to the sniffer', () => {
  it.each([
    ['a quoted field', `${lines(',', 5)}c1,"A, B",2024-01-01 10:00\n`],
    ['an apostrophe', `${lines(',', 5)}c1,Customer's call,2024-01-01 10:00\n`],
    ['a backslash', `${lines(',', 5)}c1,A\\B,2024-01-01 10:00\n`],
    ['a comment line', `# exported 2024-01-01\n${lines(',', 5)}`],
    ['two delimiters in the header', `case,activity;x,timestamp\nc1,A;1,2024-01-01\n`],
    ['a row with a field more', `${lines(',', 5)}c1,A,2024-01-01 10:00,extra\n`],
    ['a row with a field less', `${lines(',', 5)}c1,2024-01-01 10:00\n`],
    ['a quote past the first MiB read', `${wide(',', 15_000)}c1,"A",2024-01-01 10:00,n\n`],
    ['a blank line', `${lines(',', 5)}\n${lines(',', 3).split('\n').slice(1).join('\n')}`],
    ['a delimiter of another kind in a row', `${lines(',', 5)}c1,A;B,2024-01-01 10:00\n`],
    ['a last line, without a line break, with a field less', `${lines(',', 5)}c1,2024-01-01`],
    ['a header alone', 'case,activity,timestamp\n'],
    ['one column', 'case\nc1\nc2\n'],
    ['a line longer than DuckDB reads', `${lines(',', 3)}c1,${'z'.repeat(2_000_100)},2024-01-01 10:00\n`],
  ])('%s', (_name, text) => {
    expect(plainDialect(write(text))).toBeUndefined();
  });
});
