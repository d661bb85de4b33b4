import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { eventLogCsv, simulateEventLog } from '../simulation/event-log.js';
import { simulate } from '../simulation/simulate.js';
import { importLog } from './import-log.js';
import { discoverLogModel, type LogModel } from './log-model.js';
import { type EventStore, openStore } from './store.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));
const DAYS = 14;
const dir = mkdtempSync(join(tmpdir(), 'linesight-log-model-'));
let store: EventStore;
let truth: Model;
let found: LogModel;
let discovered: Model;

beforeAll(async () => {
  truth = load(EXAMPLE).model as Model;
  const file = join(dir, 'orders.csv');
  const t0 = Date.now();
  writeFileSync(file, eventLogCsv(simulateEventLog(truth, { horizon: DAYS * 86400, seed: 11 })));
  store = await openStore(':memory:');
  await importLog(store, file, { log: 'orders', onError: 'fail' });
  const t1 = Date.now();
  found = await discoverLogModel(store, 'orders', whatTheTeamKnows(truth));
  console.log('sim+import', t1 - t0, 'discover', Date.now() - t1);
  writeFileSync('/tmp/lm/discovered.yaml', found.text);
  const fileOut = join(dir, 'discovered.yaml');
  writeFileSync(fileOut, found.text);
  discovered = load(fileOut).model as Model;
}, 60_000);
afterAll(() => store?.close());

/** Who serves which step, and which last steps are a success: what a team writes with --roles and --ends. */
function whatTheTeamKnows(model: Model) {
  const outcome = new Map(model.ends.map((e) => [e.id, e.outcome]));
  const ends = new Map<string, string>();
  for (const s of model.steps) {
    const targets = [...Object.values(s.next), ...Object.values(s.fail?.next ?? {})].flat().map((b) => b.to);
    const kinds = new Set(targets.filter((t) => outcome.has(t)).map((t) => outcome.get(t)));
    if (kinds.size === 1) ends.set(s.name, [...kinds][0] as string);
  }
  const roles = new Map(model.steps.filter((s) => s.role).map((s) => [s.name, s.role as string]));
  return { ends, roles };
}

describe('log model', () => {
  it('writes a model that validates', () => {
    expect(found.errors).toEqual([]);
    console.log(found.notes, found.warnings);
  });
  it('kpis', async () => {
    const opts = { replications: 2, horizon: DAYS * 86400, warmup: 0, seed: 3, workers: 1 };
    const a = await simulate(truth, opts);
    const b = await simulate(discovered, opts);
    for (const k of a.kpis.map((k) => k.key)) console.log(k, a.overall[k]?.mean, b.overall[k]?.mean);
  }, 60_000);
});
