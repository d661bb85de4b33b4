/** The work a simulation is, known before it runs: what the server's limits and the CLI's notice read. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workNotice } from '../cli/commands/simulate-progress.js';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { simulate } from './simulate.js';
import { describeWork, estimateWork, roughDuration } from './work.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const example = (name: string) => load(`${EXAMPLES}${name}`).model as Model;

describe('estimateWork', () => {
  it('expects the customers and step visits a simulation then makes, within sampling error', async () => {
    for (const name of ['mmc.yaml', 'order-departments.yaml']) {
      const model = example(name);
      // A whole week: arrival profiles make a weekday busier than the weekly mean the estimate uses.
      const options = { replications: 2, horizon: 7 * 86400, warmup: 0, seed: 3, workers: 1 };
      const work = estimateWork(model, options);
      const run = await simulate(model, options);
      expect(run.work.customers / work.customers, name).toBeGreaterThan(0.95);
      expect(run.work.customers / work.customers, name).toBeLessThan(1.05);
      // Every step visit is at least one event of the simulator.
      expect(work.stepVisits, name).toBeLessThanOrEqual(run.work.events * 1.05);
      expect(work.stepVisits, name).toBeGreaterThanOrEqual(work.customers);
    }
  });

  it('says up front that a model of a million customers an hour is most of an hour of work', () => {
    const text = readFileSync(`${EXAMPLES}mmc.yaml`, 'utf8')
      .replace('rate: 100/h', 'rate: 1e6/h')
      .replace('capacity: 10', 'capacity: 100000');
    const model = parse(text, { file: `${EXAMPLES}big.yaml` }).model as Model;
    const work = estimateWork(model, { replications: 20, horizon: 30 * 86400 });
    expect(describeWork(work)).toBe(
      'about 14.4 billion customers and 14.4 billion step visits (20 replications of 30 d)',
    );
    expect(roughDuration(work, 2)).toBe('about 40 min');
    expect(workNotice(work, 2)).toContain('fewer --replications or a shorter --horizon');
    // The CLI's own default run of the example is short: nothing to say.
    expect(workNotice(estimateWork(example('mmc.yaml'), { replications: 20, horizon: 30 * 86400 }), 2)).toBe(
      undefined,
    );
  });
});
