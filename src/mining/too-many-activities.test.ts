/**
 * A log whose activity column holds ids is refused by `log discover` and `log journeys` after one
 * count, in the library, the CLI (exit 1, the hint, no stack) and the API (422); a log at the
 * bound is analysed, and its listing on the terminal names the most frequent and counts the rest.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server/app.js';
import { linesight } from '../testing/cli.js';
import { idLogCsv } from '../testing/id-log.js';
import { discover } from './discover.js';
import { importLog } from './import-log.js';
import { journeyAnalytics } from './journeys.js';
import { type EventStore, openStore } from './store.js';
import { MOST_ANALYSED_ACTIVITIES, TooManyActivitiesError } from './too-many-activities.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-too-many-'));
// Where `linesight serve` on `dir` finds its store.
const db = join(dir, '.linesight', 'events.duckdb');
let store: EventStore;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the analysis was not refused');
    },
    (e: unknown) => e as TooManyActivitiesError,
  );

beforeAll(async () => {
  store = await openStore(db);
  for (const [log, n] of [
    ['ids', MOST_ANALYSED_ACTIVITIES + 1],
    ['bound', MOST_ANALYSED_ACTIVITIES],
  ] as const) {
    const file = join(dir, `${log}.csv`);
    writeFileSync(file, idLogCsv(n));
    await importLog(store, file, { log, onError: 'fail' });
  }
}, 60_000);

afterAll(() => store?.close());

describe('a log with more activities than an analysis takes', () => {
  it('is refused by discover and journeys, saying how many and what to do', async () => {
    const byDiscover = await refusal(discover(store, 'ids'));
    expect(byDiscover).toBeInstanceOf(TooManyActivitiesError);
    expect(byDiscover.message).toBe(
      "the log 'ids' has 50,001 activities, more than log discover takes (at most 50,000)",
    );
    expect(byDiscover.hint).toContain('--activity');
    const byJourneys = await refusal(journeyAnalytics(store, 'ids'));
    expect(byJourneys).toBeInstanceOf(TooManyActivitiesError);
    expect(byJourneys.message).toBe(
      "the log 'ids' has 50,001 activities, more than log journeys takes (at most 50,000)",
    );
  });

  it('is analysed at the bound', async () => {
    const d = await discover(store, 'bound', { top: 1 });
    expect(Object.keys(d.end)).toHaveLength(MOST_ANALYSED_ACTIVITIES / 10);
    const j = await journeyAnalytics(store, 'bound');
    expect(j.contacts.inbound).toHaveLength(MOST_ANALYSED_ACTIVITIES);
  }, 60_000);
});

describe('as users meet it', () => {
  beforeAll(() => store.close());

  it('the CLI refuses with exit 1 and the hint, and lists the most frequent of many', async () => {
    const refused = await linesight('log', 'journeys', '--log', 'ids', '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("the log 'ids' has 50,001 activities, more than log journeys takes");
    expect(refused.stderr).toContain('hint: a column of ids');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const listed = await linesight('log', 'discover', '--log', 'bound', '--db', db, '--top', '1');
    expect(listed.code).toBe(0);
    const starts = listed.stdout.split('Start activities\n')[1]?.split('\n\n')[0] ?? '';
    // 25 activities under the table's two heading lines, then how many more.
    expect(starts.split('\n')).toHaveLength(2 + 25 + 1);
    expect(starts).toContain('... and 4,975 more (--json lists them all)');
  }, 60_000);

  it('the API answers 422 with the hint', async () => {
    const app = buildServer({ workspace: dir, workers: 1 });
    try {
      for (const route of ['discover', 'journeys']) {
        const r = await app.inject(`/api/logs/ids/${route}`);
        expect(r.statusCode).toBe(422);
        expect(r.json().error).toBe(
          `the log 'ids' has 50,001 activities, more than log ${route} takes (at most 50,000)`,
        );
        expect(r.json().hint).toContain('--activity');
      }
    } finally {
      await app.close();
    }
  });
});
