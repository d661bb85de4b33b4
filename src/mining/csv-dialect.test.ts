/**
 * A wide CSV (exports of CRMs and contact-center platforms carry hundreds of columns) is read
 * with its dialect sniffed on its first lines: every row and every column of it must come in as
 * DuckDB's own sniff of the whole file would have read them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerWidth, sniffedLines, WIDE_COLUMNS } from './csv-dialect.js';
import { importLog } from './import-log.js';
import { type EventStore, openStore, queryRows } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-dialect-'));
let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => store.close());

const COLUMNS = 300;
const write = (name: string, lines: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};
/** A header of case, activity, timestamp and extra columns x3.. up to `COLUMNS` fields. */
const header = (d: string) =>
  ['case', 'activity', 'timestamp', ...Array.from({ length: COLUMNS - 3 }, (_, i) => `x${i + 3}`)].join(d);
const row = (d: string, i: number, note = `n${i}`) =>
  [
    `c${i % 40}`,
    `A${i % 4}`,
    `2024-01-01T${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
    note,
    ...Array.from({ length: COLUMNS - 4 }, (_, k) => String((i * 7 + k) % 13)),
  ].join(d);

describe('a wide CSV', () => {
  it('is sniffed on a sample of its first lines, fewer the wider it is', () => {
    const file = write('width.csv', [header(';'), row(';', 0)]);
    expect(headerWidth(file)).toBe(COLUMNS);
    expect(sniffedLines(COLUMNS)).toBeLessThan(1_000);
    expect(sniffedLines(2_000)).toBe(50);
    expect(sniffedLines(WIDE_COLUMNS - 1)).toBe(20_480);
  });

  it('reads every row and column, a quoted field past the sample included', async () => {
    const d = ';';
    const late = sniffedLines(COLUMNS) + 20;
    const lines = [header(d)];
    for (let i = 0; i < late + 10; i++) lines.push(row(d, i, i === late ? '"call back; after 5"' : `n${i}`));
    const file = write('wide.csv', lines);
    const report = await importLog(store, file, { log: 'wide', onError: 'fail' });
    expect(report).toMatchObject({ events: late + 10, skipped: 0 });
    const stored = await queryRows(
      store,
      `select activity, attributes->>'x3' as note, attributes->>'x${COLUMNS - 1}' as last
       from events where log = 'wide' order by seq`,
    );
    expect(stored).toHaveLength(late + 10);
    expect(stored[late]).toEqual({
      activity: `A${late % 4}`,
      note: 'call back; after 5',
      last: String((late * 7 + COLUMNS - 5) % 13),
    });
    expect(stored[1]).toEqual({ activity: 'A1', note: 'n1', last: String((7 + COLUMNS - 5) % 13) });
  });

  it('keeps an unquoted inch mark as it is', async () => {
    const lines = [header(',')];
    for (let i = 0; i < 60; i++) lines.push(row(',', i, i === 55 ? '27" screen' : `n${i}`));
    const file = write('inch.csv', lines);
    const report = await importLog(store, file, { log: 'inch', onError: 'fail' });
    expect(report.events).toBe(60);
    const [stored] = await queryRows(
      store,
      "select attributes->>'x3' as note from events where log = 'inch' and seq = 55",
    );
    expect(stored?.note).toBe('27" screen');
  });
});
