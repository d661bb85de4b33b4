/**
 * Calibration checked against the model that made the log: a fortnight of order journeys
 * simulated from examples/order-departments.yaml, imported as CSV, calibrated, and the overlay
 * applied. Every estimate must land within its sampling error of the value the log was made
 * from: arrival rate, segment shares, where journeys start, branch probabilities per segment,
 * failure rates told apart from the other ways on, and durations.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { meanOf } from '../model/distribution.js';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { compileModel } from '../simulation/compile.js';
import { eventLogCsv, simulateEventLog } from '../simulation/event-log.js';
import { type Calibration, calibrate } from './calibrate.js';
import { conformance, END } from './conformance.js';
import { importLog } from './import-log.js';
import { type EventStore, openStore } from './store.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));
const DAYS = 14;
const dir = mkdtempSync(join(tmpdir(), 'linesight-calibrate-'));
let store: EventStore;
let truth: Model;
let fitted: Model;
let calibration: Calibration;
/** Visits per step and segment that led somewhere (not given up in the queue), from the log. */
let visits: Map<string, number>;

beforeAll(async () => {
  truth = load(EXAMPLE).model as Model;
  const file = join(dir, 'orders.csv');
  writeFileSync(file, eventLogCsv(simulateEventLog(truth, { horizon: DAYS * 86400, seed: 11 })));
  store = await openStore(':memory:');
  await importLog(store, file, { log: 'orders', onError: 'fail' });
  calibration = await calibrate(store, 'orders', truth, { base: relative(dir, EXAMPLE) });
  // The overlay as a file validates against its base; applied, it gives the calibrated model.
  const overlay = join(dir, 'calibrated.yaml');
  writeFileSync(overlay, stringify(calibration.scenario));
  expect(load(overlay).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { linesight: _l, kind: _k, base: _b, ...scenario } = calibration.scenario;
  const applied = parse(stringify({ ...(load(EXAMPLE).document?.data as object), scenarios: [scenario] }), {
    file: EXAMPLE,
    scenario: 'calibrated',
  });
  expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  fitted = applied.model as Model;
  const names = new Map(truth.steps.map((s) => [s.name, s.id]));
  visits = new Map(
    (
      await store.connection.runAndReadAll(
        `select activity, segment, count(*) as n from events
         where log = 'orders' and json_extract_string(attributes, '$.outcome') = 'completed' group by all`,
      )
    )
      .getRowObjectsJS()
      .map((r) => [`${names.get(String(r.activity))}/${r.segment}`, Number(r.n)]),
  );
}, 120_000);
afterAll(() => store.close());

/** Within 4.5 standard errors of a proportion p estimated from n trials (and the 4-decimal rounding). */
const withinSampling = (estimate: number, p: number, n: number) =>
  Math.abs(estimate - p) <= 4.5 * Math.sqrt((p * (1 - p)) / n) + 1e-4;

describe('calibration from a log simulated from order-departments.yaml', () => {
  it('recovers the arrival rate and the segment shares', () => {
    const customers = Number(/from (\d+) cases/.exec(calibration.notes.join('\n'))?.[1]);
    const rate = fitted.arrivals?.rate as number;
    const trueRate = truth.arrivals?.rate as number;
    // Poisson: the count over the fortnight has a standard deviation of its square root.
    expect(Math.abs(rate - trueRate) / trueRate).toBeLessThan(4.5 / Math.sqrt(customers));
    for (const s of truth.segments) {
      const share = fitted.segments.find((x) => x.id === s.id)?.share as number;
      expect(withinSampling(share, s.share, customers)).toBe(true);
    }
  });

  it('recovers when in the week customers arrive, hour by hour', () => {
    const customers = Number(/from (\d+) cases/.exec(calibration.notes.join('\n'))?.[1]);
    const hourly = (model: Model) => {
      // The simulator's own reading of a profile: a weight per minute of the week, mean 1.
      const minutes = compileModel(model).arrivalWeights[0]?.weights as Float64Array;
      return Array.from(
        { length: 168 },
        (_, h) => minutes.slice(h * 60, h * 60 + 60).reduce((a, b) => a + b, 0) / 60,
      );
    };
    const made = hourly(truth);
    const fitted_ = hourly(fitted);
    const perHour = customers / 168;
    expect(fitted.arrivals?.profile?.length).toBeGreaterThan(24);
    for (let h = 0; h < 168; h++) {
      const w = made[h] as number;
      // A Poisson count of customers in that hour of the week, over the fortnight.
      const se = Math.sqrt(w * perHour) / perHour;
      expect(Math.abs((fitted_[h] as number) - w), `hour ${h}`).toBeLessThanOrEqual(4.5 * se + 0.01);
    }
  });

  it('recovers where journeys start, per segment', () => {
    for (const s of truth.segments) {
      const n = visits.get(`${truth.start[s.id]?.[0]?.to}/${s.id}`) ?? 0;
      expect(n).toBeGreaterThan(100);
      for (const b of truth.start[s.id] ?? []) {
        const p = fitted.start[s.id]?.find((x) => x.to === b.to)?.p as number;
        expect(withinSampling(p, b.p, DAYS * 24 * (truth.arrivals?.rate ?? 0) * s.share * 3600)).toBe(true);
      }
    }
  });

  it('recovers each step’s branch probabilities and failure rate within their sampling error', () => {
    let checked = 0;
    let failures = 0;
    for (const step of truth.steps) {
      const after = fitted.steps.find((s) => s.id === step.id);
      if (!after) throw new Error(`${step.id} is missing`);
      const f = step.fail?.p ?? 0;
      let trials = 0;
      for (const s of truth.segments) {
        const n = visits.get(`${step.id}/${s.id}`) ?? 0;
        trials += n;
        if (n < 400) continue;
        for (const b of step.next[s.id] ?? []) {
          const estimate = after.next[s.id]?.find((x) => x.to === b.to)?.p as number;
          // The normal flow is seen on the visits that did not fail.
          if (!withinSampling(estimate, b.p, n * (1 - f)))
            throw new Error(`${step.id} > ${b.to} for ${s.id}: ${estimate}, made with ${b.p} (${n} visits)`);
          checked++;
        }
      }
      if (step.fail && after.fail && trials >= 400 && after.fail.p !== step.fail.p) {
        // Estimated only where failures go somewhere the normal flow does not; the rest is kept.
        expect(withinSampling(after.fail.p, f, trials * 0.5)).toBe(true);
        failures++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(failures).toBeGreaterThan(8);
  });

  it('fits durations where the times between contacts are the step’s own', () => {
    const estimated = fitted.steps.filter(
      (s) => s.duration && truth.steps.find((t) => t.id === s.id)?.duration !== s.duration,
    );
    expect(estimated.length).toBeGreaterThan(5);
    for (const s of estimated) {
      const made = truth.steps.find((t) => t.id === s.id)?.duration;
      if (!made || !s.duration) continue;
      expect(Math.abs(meanOf(s.duration) - meanOf(made)) / meanOf(made)).toBeLessThan(0.1);
    }
  });

  it('finds the log fits the model that made it, branch by branch and segment by segment', async () => {
    const fit = await conformance(store, 'orders', truth);
    expect(fit.unmappedActivities).toEqual([]);
    // Every move is one the model has (contacts given up in a queue go where the queue sends them).
    expect(fit.notInModel).toEqual([]);
    expect(fit.fitness).toBe(1);
    expect(fit.fittingCases).toBe(1);
    const checked = fit.branches.filter((b) => b.moves >= 400);
    expect(new Set(checked.map((b) => b.segment))).toEqual(new Set(['consumer', 'business']));
    expect(checked.length).toBeGreaterThan(40);
    for (const b of checked)
      expect(
        withinSampling(b.observed, b.modelled, b.moves),
        `${b.segment} ${b.step} > ${b.to}: ${b.observed} against ${b.modelled}`,
      ).toBe(true);
  });

  it('without segments in the log, keeps the flows that differ by segment', async () => {
    const file = join(dir, 'orders-no-segments.csv');
    const csv = readFileSync(join(dir, 'orders.csv'), 'utf8');
    writeFileSync(
      file,
      csv.replace(
        /^customer,activity,timestamp,channel,segment,outcome/,
        'customer,activity,timestamp,channel,customer_type,outcome',
      ),
    );
    await importLog(store, file, { log: 'pooled', onError: 'fail' });
    const pooled = await calibrate(store, 'pooled', truth, { base: 'order-departments.yaml' });
    const changed = (pooled.scenario.changes as { set: string }[]).map((c) => c.set);
    const differs = (flow: Record<string, unknown>) =>
      new Set(Object.values(flow).map((b) => JSON.stringify(b))).size > 1;
    for (const step of truth.steps) {
      if (differs(step.next)) expect(changed).not.toContain(`steps.${step.id}.next`);
      if (step.fail && differs(step.fail.next)) expect(changed).not.toContain(`steps.${step.id}.fail.next`);
    }
    expect(changed).not.toContain('start');
    expect(changed.some((c) => c.endsWith('.next'))).toBe(true);
    expect(pooled.notes.join('\n')).toContain('flows that differ by segment are kept');
  });

  it('says what it kept and why', () => {
    const notes = calibration.notes.join('\n');
    expect(notes).toContain('given up in the queue');
    expect(notes).toContain('durations of the');
    expect(END).toBe('(end)');
  });
});
