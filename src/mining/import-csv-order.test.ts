/**
 * A large file's events are stored in whatever order DuckDB's threads finish them (see
 * storedInAnyOrder); they must be the same events, numbered in the file's order, as a small
 * file's stored in order. Checked here on a file made large by lowering the threshold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storedCsv } from '../testing/stored-csv.js';
import { openStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-csv-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 300,000 events of 20,000 customers, each row carrying its line; line 150,002 has no timestamp. */
async function writeLog(file: string): Promise<void> {
  const writer = await openStore(':memory:');
  await writer.connection.run(`copy (
      select 'C' || (i % 20000) as case_id, 'Step ' || (hash(i) % 7) as activity,
        case when i = 150000 then 'not a time'
             else strftime(timestamp '2024-01-01' + to_seconds(i // 20000 * 3600 + hash(i * 7) % 3000), '%Y-%m-%dT%H:%M:%SZ') end as timestamp,
        i + 2 as line
      from range(300000) t(i)) to '${file}' (header, delimiter ',')`);
  writer.close();
}

const stored = (file: string, unorderedFrom?: number) =>
  storedCsv(
    join(dir, `${unorderedFrom ?? 'ordered'}.duckdb`),
    file,
    unorderedFrom === undefined ? {} : { unorderedFrom },
  );

describe('a large CSV stored in any order', () => {
  it('holds the same events as one stored in order, numbered in file order', async () => {
    const file = join(dir, 'events.csv');
    await writeLog(file);
    const [ordered, unordered] = [await stored(file), await stored(file, 0)];
    expect(unordered.report).toEqual(ordered.report);
    expect(unordered.report.skipped).toBe(1);
    expect(unordered.report.problems[0]?.line).toBe(150_002);
    expect(unordered.events.length).toBe(299_999);
    expect(unordered.events).toEqual(ordered.events);
    // seq follows the file: each event's line (kept as an attribute) rises with it.
    const lines = unordered.events.map((e) => Number(JSON.parse(String(e.attributes)).line));
    expect(lines.every((line, i) => i === 0 || line > (lines[i - 1] as number))).toBe(true);
  });
});
