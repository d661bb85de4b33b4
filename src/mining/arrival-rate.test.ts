import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { parseRate } from '../model/units.js';
import { arrivalRate } from './arrival-rate.js';
import { calibrate } from './calibrate.js';
import { importLog } from './import-log.js';
import { discoverLogModel } from './log-model.js';
import { openStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-arrival-rate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A log of `customers` customers whose first events are `gapMs` apart, two events each. */
async function storedLog(customers: number, gapMs: number) {
  const start = Date.parse('2024-03-01T08:00:00Z');
  const at = (ms: number) => new Date(start + ms).toISOString();
  const rows = Array.from(
    { length: customers },
    (_, i) => `c${i},Browse,${at(i * gapMs)}\nc${i},Order,${at(i * gapMs + 60_000)}`,
  );
  const file = join(dir, `log-${customers}-${gapMs}.csv`);
  writeFileSync(file, `case,activity,timestamp\n${rows.join('\n')}\n`);
  const store = await openStore(':memory:');
  await importLog(store, file, { log: 'web', onError: 'fail' });
  return store;
}

describe('the arrival rate a log shows', () => {
  it('is the customers after the first over the span of first events, per hour, or per day or week when fewer come', () => {
    expect(arrivalRate(101, 3600)).toEqual({ rate: '100/h' });
    expect(arrivalRate(2, 3600)).toEqual({ rate: '1/h' });
    // 3 in 7 hours: 0.4286/h is 10.29 a day.
    expect(arrivalRate(4, 7 * 3600)).toEqual({ rate: '10.29/d' });
    // 4,579 in 1,420 days (a help desk): 3.225 a day.
    expect(arrivalRate(4580, 1420 * 86400)).toEqual({ rate: '3.225/d' });
    // 3 in 30 days: 0.7/week; fewer than one a week stays per week.
    expect(arrivalRate(4, 30 * 86400)).toEqual({ rate: '0.7/week' });
    // Whatever the unit, the model reads the rate the log shows (per second, to 4 figures).
    for (const [customers, seconds] of [
      [4, 7 * 3600],
      [4580, 1420 * 86400],
      [4, 30 * 86400],
      [1001, 3600],
    ] as const) {
      const read = parseRate(arrivalRate(customers, seconds).rate);
      expect(read.ok && read.value / ((customers - 1) / seconds)).toBeCloseTo(1, 3);
    }
  });

  it('is the most a model takes when the log shows more, and says what it showed', () => {
    expect(arrivalRate(2, 0.001)).toEqual({ rate: '1000000/h', capped: 3_600_000 });
    expect(arrivalRate(1_000_001, 3600)).toEqual({ rate: '1000000/h' });
  });

  it('gives a discovered model and a calibration that load, with a warning, from customers a millisecond apart', async () => {
    const store = await storedLog(50, 1);
    try {
      const found = await discoverLogModel(store, 'web');
      expect(found.errors).toEqual([]);
      expect(found.warnings.join('\n')).toContain('arrive at 3,600,000/h, more than a model takes');
      const model = parse(found.text, { file: join(dir, 'discovered.yaml') }).model as Model;
      expect(model.segments[0]?.arrivals?.rate).toBeCloseTo(1e6 / 3600, 9);

      const example = fileURLToPath(new URL('../../examples/mmc.yaml', import.meta.url));
      const calibration = await calibrate(store, 'web', load(example).model as Model, {
        base: relative(dir, example),
        mapping: { Browse: 'serve', Order: 'serve' },
      });
      expect(calibration.notes.join('\n')).toContain('more than a model takes');
      // The overlay, applied to its base, loads and sets the most rate there is.
      const overlay = join(dir, 'calibrated.yaml');
      writeFileSync(overlay, stringify(calibration.scenario));
      expect(load(overlay).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const { linesight: _l, kind: _k, base: _b, ...scenario } = calibration.scenario;
      const applied = parse(
        stringify({ ...(load(example).document?.data as object), scenarios: [scenario] }),
        {
          file: example,
          scenario: 'calibrated',
        },
      );
      expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(applied.model?.segments[0]?.arrivals?.rate).toBeCloseTo(1e6 / 3600, 9);
    } finally {
      store.close();
    }
  });
});
