import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { EXAMPLES } from '../testing/example-models.js';
import { compileModel } from './compile.js';
import { REHEARSAL_ARRIVALS, REHEARSAL_PAYS_ALONE, rehearse, rehearses } from './rehearsal.js';
import { runReplication } from './replication.js';

/** examples/mmc.yaml with its customers arriving at `rate` (a quantity such as 30/min). */
function mmcAt(rate: string): Model {
  const text = readFileSync(`${EXAMPLES}mmc.yaml`, 'utf8').replace('rate: 100/h', `rate: ${rate}`);
  const model = parse(text, { file: `${EXAMPLES}mmc-rehearsal.yaml` }).model;
  if (!model) throw new Error('the changed example must load');
  return model;
}

describe('rehearsal before a thread simulates', () => {
  it('takes about two thousand arrivals at any rate, and a day of them at a slow one', () => {
    // Poisson counts: five standard deviations above 2,000 is 2,224.
    for (const rate of ['30/min', '20/s', '200/s']) {
      const arrivals = rehearse(compileModel(mmcAt(rate)));
      expect(arrivals, rate).toBeGreaterThan(REHEARSAL_ARRIVALS * 0.85);
      expect(arrivals, rate).toBeLessThan(REHEARSAL_ARRIVALS * 1.12);
    }
    const slow = rehearse(compileModel(mmcAt('2/h')));
    expect(slow).toBeGreaterThan(20);
    expect(slow).toBeLessThan(80);
  });

  it('comes before every run on more than one thread, and on one from the run it pays for', () => {
    expect(rehearses(100, 2)).toBe(true);
    expect(rehearses(REHEARSAL_PAYS_ALONE - 1, 1)).toBe(false);
    expect(rehearses(REHEARSAL_PAYS_ALONE, 1)).toBe(true);
  });

  it('does nothing for a model without arrivals', () => {
    const compiled = compileModel(mmcAt('100/h'));
    expect(rehearse({ ...compiled, interarrival: compiled.interarrival.map(() => null) })).toBe(0);
  });

  it('leaves the replications after it as they were without it', () => {
    const compiled = compileModel(mmcAt('100/h'));
    const options = { horizon: 3 * 86400, warmup: 86400, seed: 5, replication: 2 };
    const before = runReplication(compiled, options);
    rehearse(compiled);
    const after = runReplication(compiled, options);
    expect(after.arrivals).toBeGreaterThan(1000);
    expect(Buffer.from(after.sums.buffer)).toEqual(Buffer.from(before.sums.buffer));
    expect(Buffer.from(after.contact.buffer)).toEqual(Buffer.from(before.contact.buffer));
    expect(after.events).toBe(before.events);
  });
});
