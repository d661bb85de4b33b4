/**
 * An import whose log has more activities than the analyses take says so when the log goes in:
 * in the library's report, on the terminal, in --json and from the API, with what to do; a log
 * the analyses take gets no such note, and the count stops one past the larger bound.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server/app.js';
import { linesight } from '../testing/cli.js';
import { idLogCsv } from '../testing/id-log.js';
import { manyActivitiesNote } from './activities-note.js';
import { duckDbActivityCount } from './duckdb-activity-count.js';
import { importLog } from './import-log.js';
import { type EventStore, openStore } from './store.js';
import {
  ACTIVITIES_COUNTED_UP_TO,
  MOST_ANALYSED_ACTIVITIES,
  MOST_DISCOVERED_STEPS,
} from './too-many-activities.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-activities-note-'));
let store: EventStore;

beforeAll(async () => {
  store = await openStore(join(dir, 'events.duckdb'));
});
afterAll(() => store?.close());

describe('the note on a log of many activities', () => {
  it('is said past the bound of log model, and past that of every analysis, never below', () => {
    expect(manyActivitiesNote('web', MOST_DISCOVERED_STEPS)).toBeUndefined();
    expect(manyActivitiesNote('web', MOST_DISCOVERED_STEPS + 1)).toMatch(
      /^the log 'web' now has 5,001 activities: more than log model discovers a model for \(a step each, at most 5,000\)\. .*--activity/,
    );
    expect(manyActivitiesNote('ids', MOST_ANALYSED_ACTIVITIES)).toContain(
      '50,000 activities: more than log model',
    );
    expect(manyActivitiesNote('ids', ACTIVITIES_COUNTED_UP_TO)).toMatch(
      /^the log 'ids' now has more than 50,000 activities: more than log discover, journeys, conformance and calibrate take \(50,000\) and log model \(5,000\)/,
    );
  });

  it('comes with the import of a log of ids, counted no further than one past the bound', async () => {
    const file = join(dir, 'ids.csv');
    writeFileSync(file, idLogCsv(ACTIVITIES_COUNTED_UP_TO + 500));
    const report = await importLog(store, file, { log: 'ids', onError: 'fail' });
    expect(report.events).toBe(ACTIVITIES_COUNTED_UP_TO + 500);
    expect(report.notes).toEqual([
      expect.stringContaining("the log 'ids' now has more than 50,000 activities"),
    ]);
    // 50,501 activities, counted to one past the bound.
    expect(await duckDbActivityCount(store, 'ids')).toBe(ACTIVITIES_COUNTED_UP_TO);
  }, 60_000);

  it('is left out for a log the analyses take, and counts the log, not the file, when appended to', async () => {
    const few = join(dir, 'few.csv');
    writeFileSync(few, idLogCsv(MOST_DISCOVERED_STEPS));
    expect((await importLog(store, few, { log: 'grows', onError: 'fail' })).notes).toBeUndefined();
    // Five more events of new activities: the log, not this file, passes the bound.
    const more = join(dir, 'more.csv');
    writeFileSync(
      more,
      idLogCsv(MOST_DISCOVERED_STEPS + 5)
        .split('\n')
        .slice(-6)
        .join('\n')
        .replace(/^/, 'case_id,activity,timestamp\n'),
    );
    const appended = await importLog(store, more, { log: 'grows', onError: 'fail' });
    expect(appended.events).toBe(5);
    expect(appended.notes).toEqual([expect.stringContaining("the log 'grows' now has 5,005 activities")]);
  }, 60_000);

  it('is printed by the CLI and sent by the API', async () => {
    const file = join(dir, 'web.csv');
    writeFileSync(file, idLogCsv(MOST_DISCOVERED_STEPS + 1));
    const cli = await linesight('log', 'import', file, '--db', join(dir, 'cli.duckdb'));
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain("  note: the log 'web' now has 5,001 activities: more than log model");
    const app = buildServer({ workspace: dir });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/logs?name=web&format=csv',
        headers: { 'content-type': 'text/csv' },
        payload: idLogCsv(MOST_DISCOVERED_STEPS + 1),
      });
      expect(response.statusCode, response.body).toBeLessThan(300);
      expect(response.json().notes).toEqual([
        expect.stringContaining("the log 'web' now has 5,001 activities"),
      ]);
    } finally {
      await app.close();
    }
  }, 60_000);
});
