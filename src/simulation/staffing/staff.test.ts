/**
 * `staff` on a hotline with a weekly arrival profile (fixtures/hotline.yaml): the staffing it
 * writes as a scenario meets the service level in every hour of the week when the scenario is
 * simulated, and one agent fewer in an hour does not meet it beyond doubt. Checking all 168
 * hours one by one would take minutes, so three hours chosen before the run are checked: Monday
 * 08:00-09:00 (the line opens), Wednesday 10:00-11:00 (the peak) and Saturday 10:00-11:00.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../model/edits/apply.js';
import { parse } from '../../model/load.js';
import type { Model } from '../../model/model.js';
import { simulate } from '../simulate.js';
import { shiftsOf } from './hourly-schedule.js';
import { scenarioEdit } from './scenario-edit.js';
import { fewestAgents } from './service-level.js';
import { lowForAllHours, StaffingError, staffModel } from './staff.js';
import { staffingScenario } from './staffing-scenario.js';
import { unprovenText } from './unproven-text.js';

const file = new URL('./fixtures/hotline.yaml', import.meta.url).pathname;
const text = readFileSync(file, 'utf8');
const model = parse(text, { file }).model as Model;
const options = { replications: 10, days: 14, seed: 1, workers: 1 };
const run = { replications: 10, horizon: 15 * 86400, warmup: 86400, seed: 1, workers: 1 };
const CHECKED = [8, 2 * 24 + 10, 5 * 24 + 10];

describe('staffing at least cost', () => {
  it('meets the target in every hour when its scenario is simulated; one fewer in an hour does not beyond doubt', async () => {
    const result = await staffModel(model, options);
    expect(result.verified).toBe(true);
    const pool = result.pools[0];
    if (!pool) throw new Error('the hotline pool was not staffed');
    // Closed when nobody calls: night and Sunday.
    expect(pool.staff[3]).toBe(0);
    expect(pool.staff[6 * 24 + 12]).toBe(0);

    const scenario = staffingScenario(result, 'least-cost');
    const written = applyEdit(text, scenarioEdit(text, scenario)).text;
    expect(written).toContain('# A hotline with a weekly arrival profile');
    const staffed = parse(written, { file, scenario: 'least-cost' }).model as Model;
    expect(staffed.resources[0]?.capacity).toBe(Math.max(...pool.staff));
    expect(staffed.resources[0]?.schedule).toEqual(shiftsOf(pool.staff));
    const r = await simulate(staffed, run);
    const hours = r.contactCenter[0]?.hours ?? [];
    for (const [h, k] of hours.entries()) {
      if (pool.staff[h] === 0) continue;
      expect(k.serviceLevel.mean, `hour ${h} with ${pool.staff[h]} agents`).toBeGreaterThanOrEqual(0.8);
    }

    for (const h of CHECKED) {
      const fewer = pool.staff.slice();
      fewer[h] = (fewer[h] as number) - 1;
      const agents = { ...(model.resources[0] as Model['resources'][number]), schedule: shiftsOf(fewer) };
      const less = await simulate({ ...model, resources: [agents] }, run);
      // One fewer does not meet the target beyond doubt by the bound a trim is kept by (95% for
      // all the week's hours at once). At 95% for the hour alone it may: 24 agents at Wednesday's
      // peak answer 82% ± 4% in time over 40 replications where Erlang C, taking the hour as
      // stationary, asks 25; ten replications cannot show that saving beyond doubt, so it is kept.
      const level = less.contactCenter[0]?.hours[h]?.serviceLevel;
      expect(level ? lowForAllHours(level) : 1, `hour ${h} with ${fewer[h]} agents`).toBeLessThan(0.8);
    }
    // The savings left untaken: hours where one fewer (in the trial of one fewer everywhere) met
    // the target on average but not beyond doubt; each kept at its staff, and said with its level.
    expect(pool.unproven.length).toBeGreaterThan(0);
    for (const u of pool.unproven) {
      expect(u.serviceLevel, `hour ${u.hour}`).toBeGreaterThanOrEqual(0.8);
      expect(pool.staff[u.hour]).toBeGreaterThan(0);
      expect(pool.missing).not.toContain(u.hour);
    }
    expect(unprovenText(pool, options.replications)).toMatch(
      /^In \d+ hours one member fewer met the target on average but not beyond doubt, so the member was kept: \w{3} \d{2}:00-\d{2}:00 \(\d+(\.\d)?%\).*More replications \(e\.g\. 40\) may show the saving\.$/,
    );
    // Cheaper than today's schedule, which staffs the peak all day.
    expect(pool.cost?.staffed).toBeLessThan(pool.cost?.today as number);
  }, 120_000);

  it('staffs no hour of a flat day below Erlang C on a short, noisy run (11 where 12 are needed passed by luck)', async () => {
    const mmc = readFileSync(new URL('../../../examples/mmc.yaml', import.meta.url).pathname, 'utf8').replace(
      '    cost: 30 EUR/h',
      '    cost: 30 EUR/h\n    serviceLevel: 80% in 20 s',
    );
    const flat = parse(mmc, { file: 'mmc.yaml' }).model as Model;
    const result = await staffModel(flat, { replications: 3, days: 7, seed: 1, workers: 1 });
    const pool = result.pools[0];
    expect(pool?.formula.every((n) => n === 12)).toBe(true);
    const below = (pool?.staff ?? []).flatMap((n, h) => (n < 12 ? [h] : []));
    expect(below).toEqual([]);
  }, 60_000);

  it('keeps no hour below the formula on two replications, whose hours all answered in time by luck, and says why', async () => {
    // The starter's agents at about half an Erlang an hour: two replications of an hour that both
    // answered every caller within 20 s have no spread, and kept one agent where Erlang C needs two.
    const starter = readFileSync(
      new URL('../../../templates/journey.yaml', import.meta.url).pathname,
      'utf8',
    ).replace('    cost: 32 EUR/h', '    cost: 32 EUR/h\n    serviceLevel: 80% in 20 s');
    const light = parse(starter, { file: 'journey.yaml' }).model as Model;
    const few = await staffModel(light, { replications: 2, days: 7, seed: 1, workers: 1 });
    const pool = few.pools[0] as NonNullable<(typeof few.pools)[number]>;
    expect(pool.staff.filter((n, h) => n < (pool.formula[h] as number))).toEqual([]);
    expect(few.caution).toContain('With 2 replications');
    expect(
      (await staffModel(light, { replications: 5, days: 7, seed: 1, workers: 1 })).caution,
    ).toBeUndefined();
  }, 60_000);

  it('staffs a pool of a hundred and more to its target in every hour, noon too, which carries the backlog of the peak', async () => {
    // Ten times the calls: 213 agents in the 10-12 peak by Erlang C, 121 from noon. The 92 who
    // leave at noon finish their calls first, so noon's callers queue behind a backlog no
    // stationary formula sees. One member a check (as before) left noon at 52% after 8 checks.
    const busy = parse(text.replace('rate: 40/h', 'rate: 400/h'), { file }).model as Model;
    const result = await staffModel(busy, { ...options, days: 7 });
    const pool = result.pools[0] as NonNullable<(typeof result.pools)[number]>;
    expect(result.verified).toBe(true);
    expect(pool.missing).toEqual([]);
    for (const [h, level] of pool.serviceLevel.entries())
      if (level !== null) expect(level, `hour ${h}`).toBeGreaterThanOrEqual(0.8);
    const noon = [0, 1, 2, 3, 4].map((day) => day * 24 + 12);
    for (const h of noon) expect(pool.staff[h], `hour ${h}`).toBeGreaterThan((pool.formula[h] as number) + 5);
  }, 120_000);

  it('stops at its rounds when no one follows its progress, and says how many it ran', async () => {
    // The busy hotline misses in its first check: with no progress callback the count was skipped,
    // and the library's staffing ran check after check without end.
    const busy = parse(text.replace('rate: 40/h', 'rate: 400/h'), { file }).model as Model;
    const result = await staffModel(busy, { ...options, days: 1, rounds: 2 });
    expect(result.rounds).toBe(2);
    expect(result.verified).toBe(false);
  }, 60_000);

  it("staffs by the patience the simulator gives the customers: their segment's before the pool's", async () => {
    // Customers patient for 1 min in a pool whose own patience is 30 min: the simulator makes them
    // give up after a minute, and the formula must staff for that (Erlang A), not for 30 min.
    const mmc = readFileSync(new URL('../../../examples/mmc.yaml', import.meta.url).pathname, 'utf8')
      .replace(
        '  rate: 100/h\n',
        '  rate: 100/h\nsegments:\n  - { id: all, name: All, patience: exp(1 min) }\n',
      )
      .replace(
        '    cost: 30 EUR/h',
        '    cost: 30 EUR/h\n    patience: exp(30 min)\n    serviceLevel: 80% in 20 s',
      )
      .replace('ends:\n', 'ends:\n  - { id: abandoned, name: Gave up, outcome: exit }\n');
    const impatient = parse(mmc, { file: 'mmc.yaml' }).model as Model;
    const target = { share: 0.8, within: 20 };
    const forOneMinute = fewestAgents(100 / 3600, 1 / 300, 1 / 60, target).agents;
    expect(forOneMinute).toBeLessThan(fewestAgents(100 / 3600, 1 / 300, 1 / 1800, target).agents);
    const result = await staffModel(impatient, { replications: 2, days: 1, seed: 1, workers: 1, rounds: 1 });
    expect(result.pools[0]?.formula.every((n) => n === forOneMinute)).toBe(true);
  });

  it('skips a pool without a service level with a note, and refuses a pool that does not exist', async () => {
    const { serviceLevel: _, ...agents } = model.resources[0] as Model['resources'][number];
    const bare = { ...model, resources: [agents] };
    const result = await staffModel(bare, options);
    expect(result.pools).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/no service level target/);
    await expect(staffModel(model, { ...options, pools: ['agnets'] })).rejects.toThrow(StaffingError);
  });
});
