/**
 * `linesight log import` as a user meets it: a file whose name does not say its format is read as
 * the one named with --format, and a file of which nothing could be read fails the command.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesight } from '../../testing/cli.js';
import { EVENT_LOGS } from '../../testing/data.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-log-import-'));
const db = join(dir, 'events.duckdb');

describe('linesight log import', () => {
  it('reads a file as the format named with --format, and names the formats when the name says none', async () => {
    const file = join(dir, 'p2p-export');
    copyFileSync(join(EVENT_LOGS, 'ocel2', 'ocel20_example.sqlite'), file);
    const unnamed = await linesight('log', 'import', file, '--case-type', 'Invoice', '--db', db);
    expect(unnamed.code).toBe(1);
    expect(unnamed.stderr).toContain('--format xes|csv|ocel-json|ocel-xml|ocel-sqlite');
    const named = await linesight(
      'log',
      'import',
      file,
      '--format',
      'ocel-sqlite',
      '--case-type',
      'Invoice',
      '--db',
      db,
    );
    expect(named.stderr).toBe('');
    expect(named.code).toBe(0);
    // The events of the example that relate to no invoice are counted as skipped rows.
    const [summary, ...notes] = named.stdout.trimEnd().split('\n');
    expect(summary).toBe(
      `${file} -> log 'p2p-export': 9 events, 3 cases; 4 rows skipped; 0 duplicate events already in the store, not added`,
    );
    // What the file holds and a journey of invoices does not use is named, not dropped unsaid.
    expect(notes).toEqual([
      "  note: 4 events relate to no object of the type 'Invoice', so belong to no case: left out, and counted as skipped",
      expect.stringMatching(/^ {2}note: 7 object-to-object relations read and not used .*Invoice to Payment/),
      expect.stringMatching(
        /^ {2}note: attributes of objects other than the case type 'Invoice' read and not stored: Purchase Order/,
      ),
    ]);
    const wrong = await linesight('log', 'import', file, '--format', 'parquet', '--db', db);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("'parquet' is invalid");
  });

  it('fails with the first problems when no row of a file could be read', async () => {
    const file = join(dir, 'unreadable.csv');
    writeFileSync(file, 'case_id,activity,timestamp\nc1,Call,never\nc2,Mail,later\n');
    const r = await linesight('log', 'import', file, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `linesight: error: ${file}: none of its 2 events could be imported; line 2, timestamp: "never" is not a timestamp; line 3, timestamp: "later" is not a timestamp`,
    );
  });
});
