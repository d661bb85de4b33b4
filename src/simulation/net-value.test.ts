/**
 * A model's value over its replications, as written and with each assumption at its ends, is
 * worked out with the contact costs and the leavers counted once where the assumptions share them:
 * every figure must be the one the replication's own pricing gives, to the last bit.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withAssumption } from '../model/economics.js';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { compileModel } from './compile.js';
import { modelValue, valueParts } from './net-value.js';
import { runReplication } from './replication.js';

const ORDERS = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));

describe("a model's value", () => {
  const model = load(ORDERS).model as Model;
  const economics = model.economics;
  if (!economics) throw new Error('the departments example has economics');
  const m = compileModel(model);
  const runs = [0, 1, 2].map((replication) =>
    runReplication(m, { seed: 7, replication, horizon: 10 * 86400, warmup: 86400 }),
  );
  const value = modelValue(model, m, runs);

  it('is each replication priced alone, as written and with every assumption at its ends', () => {
    expect(value?.perReplication).toEqual(runs.map((r) => valueParts(model, m, r, economics)));
    const keys = value?.assumptions.map((a) => a.key) ?? [];
    // Beliefs about leaving and the amounts it is priced with are both among them.
    expect(keys).toEqual(expect.arrayContaining(['leaving.afterFailure', 'leaving.afterAbandon']));
    expect(keys.some((k) => k.startsWith('margin'))).toBe(true);
    expect(keys.some((k) => k.startsWith('contactCost'))).toBe(true);
    for (const a of value?.assumptions ?? []) {
      const alone = (at: number) =>
        runs.map((r) => valueParts(model, m, r, withAssumption(economics, a.key, at)).net);
      expect(value?.variants[a.key], a.key).toEqual({ low: alone(a.low), high: alone(a.high) });
    }
  });

  it('moves with each belief about leaving, which changes who leaves', () => {
    const base = value?.perReplication.map((p) => p.net) ?? [];
    for (const key of ['leaving.afterFailure', 'leaving.afterAbandon']) {
      const variant = value?.variants[key];
      // A higher chance of leaving loses more customers, in every replication.
      variant?.high.forEach((net, i) => {
        expect(net, key).toBeLessThan(base[i] as number);
        expect(variant.low[i], key).toBeGreaterThan(base[i] as number);
      });
    }
  });
});
