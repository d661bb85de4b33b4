/**
 * Where journeys start and end, checked against the model: a week of order journeys simulated
 * from examples/order-departments.yaml fits; the same log with every customer's first event
 * removed does not (its first moves are not the model's starts), nor one in which 60% instead of
 * 10% of consumers start on the phone (flagged for consumers, with the phone start's z, and not
 * for business buyers). Without segments in the log, the segments' starts are mixed by share.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { eventLogCsv, type SimulatedEvent, simulateEventLog } from '../simulation/event-log.js';
import { type Conformance, conformance, START } from './conformance.js';
import { importLog } from './import-log.js';
import { endFit, oneModelledPlace, startFit } from './start-end-fit.js';
import { type EventStore, openStore } from './store.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'linesight-start-end-'));
let store: EventStore;
let model: Model;
const fit: Record<string, Conformance> = {};

/** Each customer's events, in order. */
function byCustomer(events: SimulatedEvent[]): SimulatedEvent[][] {
  const out = new Map<string, SimulatedEvent[]>();
  for (const e of events) out.set(e.customer, [...(out.get(e.customer) ?? []), e]);
  return [...out.values()];
}

beforeAll(async () => {
  model = load(EXAMPLE).model as Model;
  const name = (id: string) => model.steps.find((s) => s.id === id)?.name as string;
  const events = simulateEventLog(model, { horizon: 7 * 86400, seed: 5 });
  const journeys = byCustomer(events);
  // Consumers who start on the web, turned into callers until 60% of consumers start on the phone.
  const consumers = journeys.filter((j) => j[0]?.segment === 'consumer');
  const phone = consumers.filter((j) => j[0]?.activity === name('ivr-presales')).length;
  let toTurn = Math.round(0.6 * consumers.length) - phone;
  const phoned = journeys.map((j) => {
    const first = j[0] as SimulatedEvent;
    if (first.segment !== 'consumer' || first.activity !== name('browse-catalogue') || toTurn <= 0) return j;
    toTurn--;
    return [{ ...first, activity: name('ivr-presales'), channel: 'ivr' }, ...j.slice(1)];
  });
  const unsegmented = journeys.map((j) => j.map((e) => ({ ...e, segment: '' })));
  const logs = { simulated: journeys, headless: journeys.map((j) => j.slice(1)), phoned, unsegmented };
  store = await openStore(':memory:');
  for (const [log, list] of Object.entries(logs)) {
    const file = join(dir, `${log}.csv`);
    writeFileSync(file, eventLogCsv(list.flat()));
    await importLog(store, file, { log, onError: 'fail' });
    fit[log] = await conformance(store, log, model);
  }
}, 60_000);
afterAll(() => store?.close());

describe('conformance of where journeys start and end', () => {
  it('finds a log simulated from the model fitting its starts and ends, segment by segment', () => {
    const r = fit.simulated as Conformance;
    expect(r.fitness).toBe(1);
    expect(r.starts.map((s) => [s.segment, s.verdict])).toEqual([
      ['consumer', 'fits'],
      ['business', 'fits'],
    ]);
    expect(r.ends.map((s) => [s.segment, s.verdict])).toEqual([
      ['consumer', 'fits'],
      ['business', 'fits'],
    ]);
    for (const s of [...r.starts, ...r.ends]) {
      expect(s.p).toBeGreaterThan(0.001);
      for (const place of s.places) expect(Math.abs(place.z ?? 99)).toBeLessThan(4);
    }
    const consumers = r.starts.find((s) => s.segment === 'consumer');
    expect(consumers?.places.map((p) => [p.step, p.modelledShare])).toEqual([
      ['browse-catalogue', 0.9],
      ['ivr-presales', 0.1],
    ]);
  });

  it("sets a log that names no segments against the segments' starts mixed by their shares", () => {
    const r = fit.unsegmented as Conformance;
    expect(r.starts).toHaveLength(1);
    expect(r.starts[0]?.segment).toBeUndefined();
    expect(r.starts[0]?.verdict).toBe('fits');
    // 70% consumers of whom 90% browse first, 30% business buyers of whom 70% do.
    expect(r.starts[0]?.places.find((p) => p.step === 'browse-catalogue')?.modelledShare).toBe(0.84);
    expect(r.ends[0]?.places.length).toBeGreaterThan(5);
  });

  it('does not fit a log whose first events were all removed', () => {
    const r = fit.headless as Conformance;
    expect(r.fitness).toBeLessThan(1);
    expect(r.fittingCases).toBeLessThan(0.5);
    expect(r.notInModel.some((d) => d.from === START && d.to === 'product-page')).toBe(true);
    for (const s of r.starts) {
      expect(s.verdict).toBe('differs');
      expect(s.places.find((p) => p.step === 'product-page')?.z).toBeNull();
    }
  });

  it('flags consumers of whom 60% instead of 10% start on the phone, and only them', () => {
    const r = fit.phoned as Conformance;
    const consumers = r.starts.find((s) => s.segment === 'consumer');
    expect(consumers?.verdict).toBe('differs');
    const ivr = consumers?.places.find((p) => p.step === 'ivr-presales');
    expect(ivr?.observedShare).toBeCloseTo(0.6, 3);
    expect(ivr?.modelledShare).toBe(0.1);
    expect(ivr?.z).toBeGreaterThan(50);
    expect(r.starts.find((s) => s.segment === 'business')?.verdict).toBe('fits');
  });
});

describe('the start and end tests on counts', () => {
  it('rejects starts off by a few standard errors and keeps those within them', () => {
    const modelled = new Map([
      ['a', 0.5],
      ['b', 0.5],
    ]);
    expect(
      startFit(
        new Map([
          ['a', 520],
          ['b', 480],
        ]),
        modelled,
      ).verdict,
    ).toBe('fits');
    const off = startFit(
      new Map([
        ['a', 560],
        ['b', 440],
      ]),
      modelled,
    );
    expect(off.verdict).toBe('differs');
    expect(off.places[0]?.z).toBeCloseTo(120 / Math.sqrt(1000), 3);
    expect(off.chiSquare).toBeCloseTo(14.4, 6);
  });

  it('gives no verdict where no journey reaches a mapped step, and numbers JSON can hold', () => {
    const none = startFit(new Map(), new Map([['a', 1]]));
    expect(none).toMatchObject({ count: 0, verdict: 'none', chiSquare: 0, df: 0, p: 1 });
    expect(none.places.map((p) => [p.step, p.observed, p.expected])).toEqual([['a', 0, 0]]);
    expect(endFit(new Map(), new Map(), new Map([['a', 0.5]])).verdict).toBe('none');
    // One journey is something to test.
    expect(startFit(new Map([['a', 1]]), new Map([['a', 1]])).verdict).toBe('fits');
  });

  it('rejects journeys ending where the model sends nobody', () => {
    const visits = new Map([
      ['a', 100],
      ['b', 100],
    ]);
    const endP = new Map([['a', 0.5]]);
    expect(endFit(visits, new Map([['a', 50]]), endP).verdict).toBe('fits');
    expect(
      endFit(
        visits,
        new Map([
          ['a', 50],
          ['b', 1],
        ]),
        endP,
      ).verdict,
    ).toBe('differs');
    expect(endFit(visits, new Map([['a', 80]]), endP).verdict).toBe('differs');
  });

  it('sets the journeys the model expects at each place beside those observed', () => {
    const starts = startFit(
      new Map([
        ['a', 560],
        ['b', 440],
      ]),
      new Map([
        ['a', 0.7],
        ['b', 0.3],
      ]),
    );
    expect(starts.places.map((p) => [p.step, p.observed, p.expected])).toEqual([
      ['a', 560, 700],
      ['b', 440, 300],
    ]);
    // 120 visits to a, of which the model ends 25%; b never ends, yet 3 journeys end there.
    const ends = endFit(
      new Map([
        ['a', 120],
        ['b', 40],
      ]),
      new Map([
        ['a', 45],
        ['b', 3],
      ]),
      new Map([['a', 0.25]]),
    );
    expect(ends.places.map((p) => [p.step, p.observed, p.expected])).toEqual([
      ['a', 45, 30],
      ['b', 3, 0],
    ]);
  });
});

describe('a model with one place for every journey', () => {
  it('quotes no chi-square on 0 degrees of freedom: the journeys elsewhere decide, and are counted', () => {
    const off = startFit(
      new Map([
        ['apply', 16],
        ['call', 2],
      ]),
      new Map([['apply', 1]]),
    );
    expect([off.df, off.verdict]).toEqual([0, 'differs']);
    expect(oneModelledPlace({ ...off })).toBe(
      'the model has one place for them, so no chi-square; 2 are elsewhere',
    );
    const on = startFit(new Map([['apply', 18]]), new Map([['apply', 1]]));
    expect([on.df, on.verdict]).toEqual([0, 'fits']);
    expect(oneModelledPlace({ ...on })).toBe(
      'the model has one place for them, so no chi-square; none is elsewhere',
    );
    // With two places the chi-square is the test.
    const two = startFit(
      new Map([
        ['apply', 9],
        ['call', 9],
      ]),
      new Map([
        ['apply', 0.5],
        ['call', 0.5],
      ]),
    );
    expect(oneModelledPlace({ ...two })).toBeUndefined();
  });
});
