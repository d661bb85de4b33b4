import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { load } from '../model/load.js';
import { inliningFor } from './inlining-budget.js';
import { simulate } from './simulate.js';
import { sweep } from './sweep.js';

vi.mock('./inlining-budget.js', async (original) => ({
  ...(await original<typeof import('./inlining-budget.js')>()),
  inliningFor: vi.fn(),
}));

const MODEL = fileURLToPath(new URL('../../examples/mmc.yaml', import.meta.url));
const DAY = 86400;
// examples/mmc.yaml: 100 arrivals an hour.
const PER_SECOND = 100 / 3600;

describe('a sweep and the inlining budget', () => {
  beforeEach(() => vi.mocked(inliningFor).mockClear());

  it("is judged on the whole sweep's customers, which its warm threads run with the code compiled for the first value", async () => {
    const { model } = load(MODEL);
    if (!model) throw new Error('examples/mmc.yaml must load');
    const options = { replications: 2, horizon: DAY, warmup: DAY / 10, seed: 1, workers: 1 };
    const result = await sweep(
      (capacity) => ({
        ...model,
        resources: model.resources.map((r) => (r.id === 'agents' ? { ...r, capacity } : r)),
      }),
      { path: 'resources.agents.capacity', from: 9, to: 11 },
      undefined,
      options,
    );
    expect(result.points.map((p) => p.value)).toEqual([9, 10, 11]);
    const oneValue = options.replications * DAY * PER_SECOND;
    const calls = vi.mocked(inliningFor).mock.calls;
    expect(calls).toHaveLength(3);
    for (const [customers, threads] of calls) {
      expect(customers).toBeCloseTo(3 * oneValue, 6);
      expect(threads).toBe(1);
    }
    // A simulation on its own is judged on its own customers.
    vi.mocked(inliningFor).mockClear();
    await simulate(model, options);
    expect(vi.mocked(inliningFor).mock.calls[0]?.[0]).toBeCloseTo(oneValue, 6);
  }, 60_000);
});
