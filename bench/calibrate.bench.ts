/**
 * Calibrating a model from its event log, as the README's tour does: two weeks of order journeys
 * simulated from examples/order-departments.yaml (about 129,000 events of 22,000 customers),
 * imported once, then calibrated. Run with `npm run bench`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { calibrate } from '../src/mining/calibrate.js';
import { importLog } from '../src/mining/import-log.js';
import { openStore } from '../src/mining/store.js';
import { load } from '../src/model/load.js';
import type { Model } from '../src/model/model.js';
import { eventLogCsv, simulateEventLog } from '../src/simulation/event-log.js';

const MODEL = new URL('../examples/order-departments.yaml', import.meta.url).pathname;

describe('calibration', async () => {
  const model = load(MODEL).model as Model;
  const dir = mkdtempSync(join(tmpdir(), 'linesight-calibrate-bench-'));
  const file = join(dir, 'orders.csv');
  writeFileSync(file, eventLogCsv(simulateEventLog(model, { horizon: 14 * 86400, seed: 1 })));
  const store = await openStore(':memory:');
  await importLog(store, file, { log: 'orders', onError: 'fail' });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  bench(
    'calibrate examples/order-departments.yaml from two weeks of its orders',
    async () => {
      await calibrate(store, 'orders', model, { base: MODEL });
    },
    { iterations: 5, time: 0 },
  );
});
