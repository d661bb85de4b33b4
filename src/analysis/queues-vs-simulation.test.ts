/**
 * The analysis's queues against the simulator, on every example and on a help line with an
 * arrival profile and shifts (fixtures/help-line-shifts.yaml). The bounds are the ones the
 * reports and README state:
 *
 * - the share of customers ending at each end within 3 points;
 * - the time a customer spends in queues within 15% or 10 s;
 * - each pool's utilisation within 6 points and its abandonment within 20 points (SIPP takes each
 *   period afresh: the rush when a closed line reopens spills into the next periods in truth).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { simulate } from '../simulation/simulate.js';
import { EXAMPLES } from '../testing/example-models.js';
import { analyze } from './analyze.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/help-line-shifts.yaml', import.meta.url));
const WEEK = 7 * 86400;
const files = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(EXAMPLES, f)),
  FIXTURE,
];

describe('queues in the analysis against the simulation', () => {
  for (const file of files) {
    it(`agrees within the stated bounds on ${file.split('/').pop()}`, async () => {
      const model = load(file).model as Model;
      const a = analyze(model);
      // Four replications of four weeks (two for the busy M/M/c example) after a day's warm-up.
      const weeks = model.id === 'mmc' ? 2 : 4;
      const sim = await simulate(model, { replications: 4, horizon: weeks * WEEK, warmup: 86400, seed: 17 });
      const withQueues = a.queues.metrics ?? a.metrics;
      if (model.resources.length === 0) expect(a.queues.pools).toEqual([]);
      for (const end of model.ends) {
        const simulated = sim.overall[`end:${end.id}`]?.mean ?? Number.NaN;
        expect(Math.abs((withQueues.overall.ends[end.id] ?? 0) - simulated), `end ${end.id}`).toBeLessThan(
          0.03,
        );
      }
      const wait = sim.overall.queueWait?.mean ?? Number.NaN;
      expect(Math.abs(withQueues.overall.queueWait - wait), 'queue wait').toBeLessThan(
        Math.max(10, 0.15 * wait),
      );
      for (const pool of a.queues.pools) {
        const utilisation = sim.overall[`utilisation:${pool.pool}`]?.mean ?? Number.NaN;
        const abandonment = sim.overall[`queueAbandonment:${pool.pool}`]?.mean ?? 0;
        expect(Math.abs((pool.utilisation ?? 0) - utilisation), `${pool.pool} utilisation`).toBeLessThan(
          0.06,
        );
        expect(Math.abs(pool.abandonment - abandonment), `${pool.pool} abandonment`).toBeLessThan(0.2);
      }
    }, 60000);
  }
});
