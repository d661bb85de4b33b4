/** Journey analytics, conformance and calibration on small logs whose answers are worked out by hand. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { calibrate } from './calibrate.js';
import { conformance } from './conformance.js';
import { importCsv } from './import-csv.js';
import { journeyAnalytics } from './journeys.js';
import { type EventStore, openStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
let store: EventStore;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => store.close());

const at = (day: number, hour: number) => new Date(Date.UTC(2024, 0, day, hour)).toISOString();

/**
 * 100 customers. 40 read product page X; 30 of them call within a day. Of the 60 others, 6 call.
 * So P(call) = 0.36, P(call within a day | page X) = 0.75, lift = 0.75 / 0.36.
 */
function driverLog(): string {
  const rows = ['customer,activity,timestamp,channel'];
  for (let i = 0; i < 100; i++) {
    rows.push(`c${i},Browse catalogue,${at(1, 9)},web`);
    if (i < 40) rows.push(`c${i},Read product page X,${at(1, 10)},web`);
    if (i < 30 || (i >= 40 && i < 46)) rows.push(`c${i},Call sales,${at(1, 14)},phone`);
    // Two customers call again about the same thing within the week, one after the window.
    if (i < 2) rows.push(`c${i},Call sales,${at(3, 9)},phone`);
    if (i === 2) rows.push(`c${i},Call sales,${at(20, 9)},phone`);
  }
  const file = join(dir, 'drivers.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('journey analytics', () => {
  it('finds the call driver with its support, confidence and lift, repeats and channel switches', async () => {
    await importCsv(store, driverLog(), 'drivers', { onError: 'fail', columns: { case: 'customer' } });
    const j = await journeyAnalytics(store, 'drivers', { driverWindow: 86400, repeatWindow: 7 * 86400 });
    const driver = j.drivers.find((d) => d.driver === 'Read product page X' && d.contact === 'Call sales');
    expect(driver).toMatchObject({ customers: 30, support: 0.3, confidence: 0.75 });
    expect(driver?.lift).toBeCloseTo(0.75 / 0.36, 10);
    expect(j.drivers[0]).toEqual(driver);
    const calls = j.repeats.find((r) => r.topic === 'Call sales');
    expect(calls).toMatchObject({ contacts: 36 + 3, repeats: 2 });
    expect(j.switches).toEqual([{ from: 'web', to: 'phone', count: 36 }]);
    expect(j.switchingCustomers).toBeCloseTo(0.36, 12);
  });
});

const model = (): Model => {
  const text = `
name: Order by phone
stages: [{ id: s, name: S }]
steps:
  - { id: browse, name: Browse catalogue, stage: s, next: [{ to: call, p: 0.5 }, { to: left, p: 0.5 }] }
  - { id: call, name: Call sales, stage: s, duration: 5 min, next: ordered }
ends: [{ id: ordered, name: Ordered, outcome: success }, { id: left, name: Left, outcome: exit }]
start: browse
arrivals: { rate: 10/h }
`;
  const file = join(dir, 'order.yaml');
  writeFileSync(file, text);
  return load(file).model as Model;
};

describe('conformance and calibration', () => {
  it('measures fitness and names what customers do that the model lacks', async () => {
    const r = await conformance(store, 'drivers', model(), { 'Read product page X': 'browse' });
    // Moves per customer: (start) > browse > (browse) > (call) > (end). "browse > browse" (the
    // product page mapped onto browse) is not in the model; the rest are. Every customer starts at
    // browse, where the model starts them.
    expect(r.unmappedActivities).toEqual([]);
    expect(r.notInModel).toEqual([
      { from: 'browse', to: 'browse', count: 40 },
      { from: 'call', to: 'call', count: 3 },
    ]);
    expect(r.moves).toBe(100 + 100 + 40 + 39);
    expect(r.allowed).toBe(r.moves - 43);
    expect(r.fitness).toBeCloseTo((279 - 43) / 279, 12);
    expect(r.starts).toMatchObject([{ count: 100, verdict: 'fits', places: [{ step: 'browse', z: 0 }] }]);
    expect(r.branches.find((b) => b.step === 'browse' && b.to === 'call')).toMatchObject({
      modelled: 0.5,
      moves: 140,
    });
  });

  it('writes a calibrated overlay that applies to the model', async () => {
    const m = model();
    const { scenario, notes } = await calibrate(store, 'drivers', m, { base: 'order.yaml' });
    const file = join(dir, 'calibrated.yaml');
    writeFileSync(file, stringify(scenario));
    const applied = load(file);
    expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const changes = scenario.changes as { set: string; value: unknown }[];
    // 36 of 100 customers who browse call: browse's branches become 0.36 call, 0.64 left.
    const byTarget = (list: { to: string; p: number }[]) =>
      [...list].sort((a, b) => a.to.localeCompare(b.to));
    expect(
      byTarget(changes.find((c) => c.set === 'steps.browse.next')?.value as { to: string; p: number }[]),
    ).toEqual([
      { to: 'call', p: 0.36 },
      { to: 'left', p: 0.64 },
    ]);
    expect(changes.find((c) => c.set === 'arrivals.rate')).toBeUndefined();
    expect(notes.join(' ')).toContain('100 cases');
    const withCalibration = parse(
      stringify({
        ...JSON.parse(JSON.stringify(load(join(dir, 'order.yaml')).document?.data)),
        scenarios: [{ ...scenario, kind: undefined, base: undefined, linesight: undefined }],
      }),
      { file: join(dir, 'x.yaml'), scenario: 'calibrated' },
    );
    expect(byTarget(withCalibration.model?.steps[0]?.next.customers ?? [])).toEqual([
      { to: 'call', p: 0.36 },
      { to: 'left', p: 0.64 },
    ]);
  });
});
