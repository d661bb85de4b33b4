/**
 * The contact-center KPIs against Erlang C's closed form on M/M/c settings: with W the wait of an
 * arriving customer, P(W <= t) = 1 - C(c, a) exp(-(c mu - lambda) t), ASA = C(c, a) / (c mu - lambda),
 * P(W > 0) = C(c, a) and occupancy a / c. The 95% intervals (widened to 99%, as in
 * simulation.test.ts, for several fixed-seed checks at once) must cover the closed form.
 */
import { describe, expect, it } from 'vitest';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { hourExposure } from './contact-center.js';
import { simulate } from './index.js';
import { erlangC } from './stats.js';
import { UnknownKpiError } from './unknown-kpi.js';

const DAY = 86400;
const examples = new URL('../../examples/', import.meta.url).pathname;

function queueModel(lambda: number, mu: number, c: number, target: string): Model {
  const text = `
name: M/M/${c}
arrivals: { rate: ${lambda}/h }
organization: { departments: [{ id: desk, name: Desk, visibility: frontstage, roles: [{ id: agent, name: Agent }] }] }
resources: [{ id: agents, name: Agents, role: agent, capacity: ${c}, serviceLevel: "${target}" }]
stages: [{ id: s, name: Served }]
steps: [{ id: serve, name: Is served, stage: s, channel: phone, pool: agents, duration: "exp(${60 / mu} min)", next: served }]
ends: [{ id: served, name: Served, outcome: success }]
start: serve
`;
  const result = parse(text, { file: 'queue.yaml' });
  if (!result.model) throw new Error(JSON.stringify(result.diagnostics));
  return result.model;
}

const covers = (e: { mean: number; halfWidth: number }, exact: number, what: string) =>
  expect(
    Math.abs(e.mean - exact),
    `${what}: simulated ${e.mean} ± ${e.halfWidth}, exact ${exact}`,
  ).toBeLessThanOrEqual(e.halfWidth * 1.37);

describe('contact-center KPIs against Erlang C', () => {
  const mmc = () => {
    const model = load(`${examples}mmc.yaml`).model as Model;
    const agents = model.resources[0] as Model['resources'][number];
    return { ...model, resources: [{ ...agents, serviceLevel: { share: 0.8, within: 20 } }] };
  };
  it.each([
    ['examples/mmc.yaml with 80% in 20 s', mmc, 100, 12, 10, 20],
    ['M/M/1, lambda 48/h, mu 60/h, 80% in 1 min', () => queueModel(48, 60, 1, '80% in 1 min'), 48, 60, 1, 60],
    [
      'M/M/20, lambda 200/h, mu 12/h, 90% in 30 s',
      () => queueModel(200, 12, 20, '90% in 30 s'),
      200,
      12,
      20,
      30,
    ],
  ])('%s: service level, ASA, P(wait) and occupancy', async (_, build, lambdaH, muH, c, t) => {
    const r = await simulate(build(), { replications: 20, horizon: 30 * DAY, warmup: 2 * DAY, seed: 11 });
    const lambda = lambdaH / 3600;
    const mu = muH / 3600;
    const C = erlangC(c, lambda / mu);
    const pool = r.contactCenter[0];
    expect(pool?.target?.within).toBe(t);
    const o = pool?.overall;
    if (!o) throw new Error('no contact-center KPIs');
    covers(o.serviceLevel, 1 - C * Math.exp(-(c * mu - lambda) * t), 'service level');
    covers(o.speedOfAnswer, C / (c * mu - lambda), 'average speed of answer');
    covers(o.waitProbability, C, 'P(wait > 0)');
    covers(o.occupancy, lambda / mu / c, 'occupancy');
    expect(o.abandonment.mean).toBe(0);
    covers(o.contactsPerHour, lambdaH, 'contacts per hour');
    // The KPI list (what-if, --sweep --target, --precision-kpis) carries the same figures.
    expect(r.overall['serviceLevel:agents']).toEqual(o.serviceLevel);
    expect(r.overall['speedOfAnswer:agents']).toEqual(o.speedOfAnswer);
    expect(r.overall['waitProbability:agents']).toEqual(o.waitProbability);
    // Every hour of a stationary queue has the same answer: the hourly figures cover it too, at a looser level.
    const hour = pool?.hours[100];
    if (!hour) throw new Error('no hour 100');
    expect(Math.abs(hour.serviceLevel.mean - o.serviceLevel.mean)).toBeLessThanOrEqual(
      hour.serviceLevel.halfWidth * 2,
    );
    expect(hour.staff.mean).toBeCloseTo(c, 9);
  });

  it('a pool without a target reports no service level but its other KPIs', async () => {
    const model = load(`${examples}mmc.yaml`).model as Model;
    const r = await simulate(model, { replications: 2, horizon: 3 * DAY, warmup: DAY, seed: 1 });
    const o = r.contactCenter[0]?.overall;
    expect(o?.serviceLevel.n).toBe(0);
    expect(o?.speedOfAnswer.mean).toBeGreaterThan(0);
    expect(r.contactCenter[0]?.target).toBeUndefined();
    // No target, no service level KPI: a sweep's target on it says how to set one.
    expect(r.kpis.map((k) => k.key)).not.toContain('serviceLevel:agents');
    expect(r.overall['speedOfAnswer:agents']).toEqual(o?.speedOfAnswer);
    const error = new UnknownKpiError(
      'serviceLevel:agents',
      r.kpis.map((k) => k.key),
    );
    expect(error.hint).toMatch(
      /the pool 'agents' has no service level target.*resources\.agents\.serviceLevel/,
    );
  });

  it('counts each hour of the week the window covers, cutting at warm-up and horizon', () => {
    const seconds = hourExposure(1800, 8 * DAY);
    expect(seconds[0]).toBe(1800 + 3600);
    expect(seconds[1]).toBe(2 * 3600);
    expect(seconds.reduce((a, b) => a + b, 0)).toBe(8 * DAY - 1800);
  });
});
