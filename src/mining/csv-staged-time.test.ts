/**
 * A plain CSV's times are read as it is staged (import-csv.ts, STAGED_TIME); any other CSV's in
 * the insert. Both ways must store the same instants and UTC offsets and skip the same rows at the
 * same lines, and a file with a column of the staged times' names must keep it as its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storedCsv } from '../testing/stored-csv.js';
import { dropStagedCsv, stageCsv } from './import-csv.js';
import { openStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-staged-time-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TIMES = [
  '2024-01-01T10:00:00+02:00',
  '2024-01-01 10:00:00',
  '2024-01-01T10:00:00Z',
  'never',
  '2024-03-10 01:30:00-0500',
  '2024-01-01',
  '2024-01-01 10:00:00.123456+00',
  '',
  '2024-06-01 12:00:00 +01',
  '2024-06-01 12:00:00+01',
];

const csv = (name: string, rows: string[][]) => {
  const file = join(dir, name);
  writeFileSync(file, `${rows.map((r) => r.join(',')).join('\n')}\n`);
  return file;
};
const header = ['case_id', 'activity', 'timestamp'];
const body = TIMES.map((t, i) => [`c${i % 3}`, `Step ${i}`, t]);
const quoted = (rows: string[][]) => rows.map((r) => r.map((v) => `"${v}"`));

/** The file staged alone: whether its times were read with it. */
async function timed(file: string): Promise<boolean> {
  const store = await openStore(':memory:');
  try {
    return (await stageCsv(store, file, 'skip')).timedColumns !== undefined;
  } finally {
    await dropStagedCsv(store);
    store.close();
  }
}

const imported = (file: string) => storedCsv(`${file}.duckdb`, file);

describe('times read as a CSV is staged', () => {
  it('are the instants and offsets the insert reads from a file DuckDB sniffs, bad rows at the same lines', async () => {
    const plain = csv('plain.csv', [header, ...body]);
    const sniffed = csv('quoted.csv', quoted([header, ...body]));
    expect(await timed(plain)).toBe(true);
    expect(await timed(sniffed)).toBe(false);
    const [a, b] = [await imported(plain), await imported(sniffed)];
    expect(a.report).toEqual(b.report);
    expect(a.report.skipped).toBe(3);
    expect(a.report.problems.map((p) => p.line)).toEqual([5, 9, 10]);
    expect(a.events).toEqual(b.events);
    expect(a.events.map((e) => e.tz_offset_min)).toEqual([120, null, 0, -300, null, 0, 60]);
    expect(a.events[0]?.ts_us).toBe(BigInt(Date.UTC(2024, 0, 1, 8)) * 1000n);
  });

  it('are not read with the file when a column has their name: that column stays the file’s own', async () => {
    const file = csv('named.csv', [
      [...header, 'linesight_staged_time_us'],
      ...body.map((r, i) => [...r, `x${i}`]),
    ]);
    expect(await timed(file)).toBe(false);
    const { report, events } = await imported(file);
    expect(report.events).toBe(7);
    expect(events.map((e) => JSON.parse(String(e.attributes)).linesight_staged_time_us)).toEqual([
      'x0',
      'x1',
      'x2',
      'x4',
      'x5',
      'x6',
      'x9',
    ]);
  });
});
