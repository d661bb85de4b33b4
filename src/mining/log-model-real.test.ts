/**
 * Journey models discovered from real logs (testdata/eventlogs: a helpdesk's tickets, a
 * municipality's receipt phase, the running example) validate, simulate, and are models their
 * logs fit: every move the log shows is one the model makes, and journeys start where it starts
 * them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { simulate } from '../simulation/simulate.js';
import { EVENT_LOGS } from '../testing/data.js';
import { conformance } from './conformance.js';
import { importLog } from './import-log.js';
import { discoverLogModel } from './log-model.js';
import { type EventStore, openStore } from './store.js';

const LOGS = { helpdesk: 'helpdesk.xes.gz', receipt: 'receipt.csv', example: 'running-example.xes' };
const dir = mkdtempSync(join(tmpdir(), 'linesight-log-model-real-'));
let store: EventStore;

beforeAll(async () => {
  store = await openStore(':memory:');
  for (const [log, file] of Object.entries(LOGS))
    await importLog(store, join(EVENT_LOGS, file), { log, onError: 'fail' });
}, 60_000);
afterAll(() => store?.close());

describe('journey models discovered from real logs', () => {
  for (const log of Object.keys(LOGS))
    it(`${log}: validates, simulates, and its log fits it`, async () => {
      const found = await discoverLogModel(store, log);
      expect(found.errors).toEqual([]);
      const file = join(dir, `${log}.yaml`);
      writeFileSync(file, found.text);
      const loaded = load(file);
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const model = loaded.model as Model;
      const run = await simulate(model, {
        replications: 1,
        horizon: 30 * 86400,
        warmup: 0,
        seed: 1,
        workers: 1,
      });
      expect(run.overall.customers?.mean).toBeGreaterThan(0);
      const fit = await conformance(store, log, model);
      expect(fit.unmappedActivities).toEqual([]);
      expect(fit.fitness).toBe(1);
      expect(fit.starts.every((s) => s.verdict === 'fits')).toBe(true);
    });
});
