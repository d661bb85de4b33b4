/**
 * A log whose activity column holds ids is refused by `log discover`, `log journeys`, `log
 * conformance` and `log calibrate` after one count, in the library, the CLI (exit 1, the hint, no stack) and the API (422); a log at the
 * bound is analysed, and its listing on the terminal names the most frequent and counts the rest.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { buildServer } from '../server/app.js';
import { linesight } from '../testing/cli.js';
import { idLogCsv } from '../testing/id-log.js';
import { calibrate } from './calibrate.js';
import { conformance } from './conformance.js';
import { discover } from './discover.js';
import { importLog } from './import-log.js';
import { journeyAnalytics } from './journeys.js';
import { type EventStore, openStore } from './store.js';
import { MOST_ANALYSED_ACTIVITIES, TooManyActivitiesError } from './too-many-activities.js';

const MMC = fileURLToPath(new URL('../../examples/mmc.yaml', import.meta.url));
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
  copyFileSync(MMC, join(dir, 'mmc.yaml'));
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
  it('is refused by discover, journeys, conformance and calibration, saying how many and what to do', async () => {
    const model = load(MMC).model as Model;
    const analyses: [string, () => Promise<unknown>][] = [
      ['discover', () => discover(store, 'ids')],
      ['journeys', () => journeyAnalytics(store, 'ids')],
      ['conformance', () => conformance(store, 'ids', model)],
      ['calibrate', () => calibrate(store, 'ids', model, { base: 'mmc.yaml' })],
    ];
    for (const [command, analysis] of analyses) {
      const refused = await refusal(analysis());
      expect(refused).toBeInstanceOf(TooManyActivitiesError);
      expect(refused.message).toBe(
        `the log 'ids' has more than 50,000 activities, more than log ${command} takes`,
      );
      expect(refused.hint).toContain('--activity');
    }
  });

  it('is analysed at the bound', async () => {
    const d = await discover(store, 'bound', { top: 1 });
    expect(Object.keys(d.end)).toHaveLength(MOST_ANALYSED_ACTIVITIES / 10);
    const j = await journeyAnalytics(store, 'bound');
    expect(j.contacts.inbound).toHaveLength(MOST_ANALYSED_ACTIVITIES);
    const c = await conformance(store, 'bound', load(MMC).model as Model);
    expect(c.unmappedActivities).toHaveLength(MOST_ANALYSED_ACTIVITIES);
  }, 60_000);
});

describe('as users meet it', () => {
  beforeAll(() => store.close());

  it('the CLI refuses with exit 1 and the hint, and lists the most frequent of many', async () => {
    const refused = await linesight('log', 'journeys', '--log', 'ids', '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "the log 'ids' has more than 50,000 activities, more than log journeys takes",
    );
    expect(refused.stderr).toContain('hint: a column of ids');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const listed = await linesight('log', 'discover', '--log', 'bound', '--db', db, '--top', '1');
    expect(listed.code).toBe(0);
    const starts = listed.stdout.split('Start activities\n')[1]?.split('\n\n')[0] ?? '';
    // 25 activities under the table's two heading lines, then how many more.
    expect(starts.split('\n')).toHaveLength(2 + 25 + 1);
    expect(starts).toContain('... and 4,975 more (--json lists them all)');
    const checked = await linesight('log', 'conformance', '--log', 'bound', '--db', db, '-m', MMC);
    expect(checked.stdout).toMatch(
      /not mapped: (E\d+, ){24}E\d+ and 49,975 more \(--json lists them all\)\n/,
    );
  }, 60_000);

  it('the API answers 422 with the hint', async () => {
    const app = buildServer({ workspace: dir, workers: 1 });
    try {
      const asked = (route: string) =>
        route === 'discover' || route === 'journeys'
          ? app.inject(`/api/logs/ids/${route}`)
          : app.inject({ method: 'POST', url: `/api/logs/ids/${route}`, payload: { model: 'mmc.yaml' } });
      for (const route of ['discover', 'journeys', 'conformance', 'calibrate']) {
        const r = await asked(route);
        expect(r.statusCode).toBe(422);
        expect(r.json().error).toBe(
          `the log 'ids' has more than 50,000 activities, more than log ${route} takes`,
        );
        expect(r.json().hint).toContain('--activity');
      }
    } finally {
      await app.close();
    }
  });
});
