/**
 * Analyses at once on one store, as the server runs them when several people ask together: each
 * keeps its own working tables, so every answer equals the one it gives alone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { eventLogCsv, simulateEventLog } from '../simulation/event-log.js';
import { calibrate } from './calibrate.js';
import { conformance } from './conformance.js';
import { discover } from './discover.js';
import { importLog } from './import-log.js';
import { journeyAnalytics } from './journeys.js';
import { discoverLogModel } from './log-model.js';
import { type EventStore, openStore } from './store.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));
let store: EventStore;
let model: Model;

beforeAll(async () => {
  model = load(EXAMPLE).model as Model;
  const dir = mkdtempSync(join(tmpdir(), 'linesight-concurrent-'));
  store = await openStore(':memory:');
  for (const [log, seed] of [
    ['a', 1],
    ['b', 2],
  ] as const) {
    const file = join(dir, `${log}.csv`);
    writeFileSync(file, eventLogCsv(simulateEventLog(model, { horizon: 3 * 86400, seed })));
    await importLog(store, file, { log, onError: 'fail' });
  }
});

afterAll(async () => {
  store?.close();
});

/** Every analysis that works in temporary tables, on one log. */
const analyses = (log: string) => [
  () => discover(store, log),
  () => conformance(store, log, model),
  () => calibrate(store, log, model, { base: 'order-departments.yaml' }),
  () => discoverLogModel(store, log),
  () => journeyAnalytics(store, log),
];

describe('analyses at once on one store', () => {
  it('give the answers each gives alone', async () => {
    const alone: unknown[] = [];
    for (const log of ['a', 'b']) for (const run of analyses(log)) alone.push(await run());
    const together = await Promise.all(['a', 'b'].flatMap((log) => analyses(log).map((run) => run())));
    expect(together).toEqual(alone);
    // The two logs differ, so equal answers are not two copies of one.
    expect(together[0]).not.toEqual(together[5]);
  });
});
