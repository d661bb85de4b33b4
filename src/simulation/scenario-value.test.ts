/**
 * Whether a change pays, on a model small enough to work out by hand: one step, served by a pool,
 * that fails 20 % of the time (10 % in the scenario, which also pays two more agents).
 *
 * Per month (MONTH / 3600 = 730.5 h) with 10 arrivals an hour, N = 7305 customers:
 *   margin   10 EUR x 0.1 N more orders                     = +7,305 EUR
 *   leaving  100 EUR x 50 % x 0.1 N fewer failures          = +36,525 EUR
 *   staff    2 agents x 20 EUR/h x 730.5 h                  = -29,220 EUR
 *   net                                                     = +14,610 EUR
 * and the scenario breaks even when a customer's value is (29,220 - 7,305) / 365.25 = 60 EUR.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import type { ModelValue } from './net-value.js';
import { scenarioValue } from './scenario-value.js';
import { simulate } from './simulate.js';
import { whatIf } from './whatif.js';

const MODEL = (economics: string) => `
name: One step that fails
currency: EUR
arrivals: { rate: 10/h }
organization:
  departments:
    - { id: service, name: Service, visibility: frontstage, roles: [{ id: agent, name: Agent }] }
resources:
  - { id: agents, name: Agents, role: agent, capacity: 1, cost: 20 EUR/h }
stages: [{ id: buy, name: Buy }]
steps:
  - id: order
    name: Orders by phone
    stage: buy
    channel: phone
    pool: agents
    duration: 1 min
    fail: { p: 0.2, next: lost }
    next: ordered
ends:
  - { id: ordered, name: Ordered, outcome: success }
  - { id: lost, name: Lost, outcome: exit }
start: order
${economics}
scenarios:
  - id: better
    name: Fewer failures, two more agents
    changes:
      - { set: steps.order.fail.p, value: 0.1 }
      - { set: resources.agents.capacity, value: 3 }
`;

const ECONOMICS = `
economics:
  margin: 10 EUR
  contactCost: { phone: 1 EUR }
  leaving: { afterFailure: 50% }
  customerValue: { value: 100 EUR, low: 20 EUR, high: 150 EUR }
`;

function models(economics: string): [Model, Model] {
  const base = parse(MODEL(economics), { file: 'fails.yaml' });
  const better = parse(MODEL(economics), { file: 'fails.yaml', scenario: 'better' });
  expect(base.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return [base.model as Model, better.model as Model];
}

const options = { replications: 10, horizon: 30 * 86400, warmup: 0, seed: 7, workers: 1 };

describe('whether a change pays', () => {
  it('gives the net value per month that the hand calculation gives, with the parts that make it', async () => {
    const [base, better] = models(ECONOMICS);
    const result = await whatIf(base, [better], options);
    const value = result.scenarios[0]?.value;
    expect(value?.currency).toBe('EUR');
    expect(value?.perMonth.low).toBeLessThan(14_610);
    expect(value?.perMonth.high).toBeGreaterThan(14_610);
    expect(Math.abs((value?.perMonth.mean ?? 0) - 14_610)).toBeLessThan(0.1 * 14_610);
    expect(value?.verdict).toBe('pays');
    const part = (key: string) => value?.parts.find((p) => p.key === key)?.perMonth;
    // Staff are paid for their shifts: the one part known exactly.
    expect(part('staff')?.mean).toBeCloseTo(-29_220, 6);
    expect(Math.abs((part('orders')?.mean ?? 0) - 7_305)).toBeLessThan(0.1 * 7_305);
    expect(Math.abs((part('leaving')?.mean ?? 0) - 36_525)).toBeLessThan(0.1 * 36_525);
    // Every customer calls once in both: the contacts cost the same.
    expect(part('contacts')?.mean).toBe(0);
  });

  it('lists the assumptions with their values and places, and flips the verdict past the break-even', async () => {
    const [base, better] = models(ECONOMICS);
    const value = (await whatIf(base, [better], options)).scenarios[0]?.value;
    expect(value?.assumptions.map((a) => [a.key, a.value, a.source])).toEqual([
      ['margin', '10 EUR', 'economics.margin in fails.yaml'],
      ['contactCost.phone', '1 EUR', 'economics.contactCost.phone in fails.yaml'],
      ['leaving.afterFailure', '50%', 'economics.leaving.afterFailure in fails.yaml'],
      ['customerValue', '100 EUR', 'economics.customerValue in fails.yaml'],
    ]);
    const at = (key: string) => value?.sensitivity.find((s) => s.key === key);
    // At 20 EUR a customer (below the break-even of 60 EUR) the scenario costs: about -14,610 EUR.
    expect(at('customerValue')).toMatchObject({
      lowValue: '20 EUR',
      lowVerdict: 'costs',
      highVerdict: 'pays',
    });
    expect(at('customerValue')?.verdictChanges).toBe(true);
    expect(Number.parseFloat(at('customerValue')?.breakEven ?? '')).toBeGreaterThan(54);
    expect(Number.parseFloat(at('customerValue')?.breakEven ?? '')).toBeLessThan(66);
    // The margin, from 5 to 15 EUR by default, moves the value by 730.5 EUR a euro and never flips it.
    expect(at('margin')).toMatchObject({ lowValue: '5 EUR', highValue: '15 EUR', verdictChanges: false });
    expect((at('margin')?.high ?? 0) - (at('margin')?.low ?? 0)).toBeGreaterThan(0.85 * 7_305);
    expect((at('margin')?.high ?? 0) - (at('margin')?.low ?? 0)).toBeLessThan(1.15 * 7_305);
  });

  it('leaves a model without economics as it was: the same KPIs, and no value', async () => {
    const [base, better] = models('');
    const [withBase, withBetter] = models(ECONOMICS);
    const plain = await whatIf(base, [better], options);
    expect(plain.scenarios[0]).not.toHaveProperty('value');
    expect(plain.baseline).not.toHaveProperty('value');
    const priced = await whatIf(withBase, [withBetter], options);
    expect(priced.scenarios[0]?.differences).toEqual(plain.scenarios[0]?.differences);
  });

  it('reads leaving by experience score from the customers’ own scores', async () => {
    // Every customer who is served without a failure scores the same; a flat table makes a
    // known share leave: 10 % of all customers, whatever their score.
    const [base] = models(`
economics:
  leaving: { byExperience: [{ score: 0, p: 10% }, { score: 100, p: 10% }] }
  customerValue: 100 EUR
`);
    const result = await simulate(base, { ...options, replications: 2 });
    const customers = result.perReplication.customers ?? [];
    const leaving = result.value?.perReplication.map((p) => p.leaving) ?? [];
    for (const [i, n] of customers.entries())
      expect(leaving[i]).toBeCloseTo((-0.1 * 100 * n * (365.25 * 86400)) / 12 / (30 * 86400), 6);
  });
});

describe('a break-even', () => {
  /** Four replications of a scenario worth about 1,000 a month, and an assumption (a contact's cost) at its ends. */
  const valued = (net: number[], low: number[], high: number[]): ModelValue => ({
    assumptions: [
      {
        key: 'cost',
        label: 'Cost of a chat',
        unit: 'money',
        value: 0.3,
        low: 0.15,
        high: 0.45,
        stated: false,
        path: 'economics.contactCost.chat',
      },
    ],
    perReplication: net.map((n) => ({ orders: n, contacts: 0, staff: 0, leaving: 0, net: n })),
    variants: { cost: { low, high } },
  });
  const model = { currency: 'EUR', file: 'm.yaml' } as Model;
  const base = valued([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]);

  it("is given where the value moves across the range beyond the replications' noise", () => {
    const other = valued([1000, 1100, 900, 1000], [1200, 1290, 1110, 1200], [800, 910, 690, 800]);
    const at = scenarioValue(model, base, model, other)?.sensitivity[0];
    // 1,000 at 0.30 EUR, falling by 400 over 0.30 EUR: 0 at 1.05 EUR.
    expect(at?.breakEven).toBe('1.05 EUR');
  });

  it('is not given where the value moves across the range by less than its noise', () => {
    // The same value at both ends but for noise of a few euros: its slope put the break-even at thousands.
    const other = valued([1000, 1100, 900, 1000], [999, 1101, 899, 1002], [1001, 1098, 902, 999]);
    expect(scenarioValue(model, base, model, other)?.sensitivity[0]?.breakEven).toBeUndefined();
  });

  it('is not given past a hundred times the range, where a value that barely moves puts it', () => {
    // Falling by 0.40 over 0.30 EUR in every replication: 0 at 750 EUR a chat, 0.30 EUR today.
    const other = valued(
      [1000, 1100, 900, 1000],
      [1000.2, 1100.2, 900.2, 1000.2],
      [999.8, 1099.8, 899.8, 999.8],
    );
    expect(scenarioValue(model, base, model, other)?.sensitivity[0]?.breakEven).toBeUndefined();
  });
});
