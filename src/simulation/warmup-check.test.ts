/**
 * The warm-up check's decisions on wait series made to order (20 replications of 500 batches of 5
 * customers, a batch a minute), so that each outcome is certain rather than a seed's luck: a
 * start-up that settles is a warm-up too short; a run whose waits rise to its end is too short,
 * even when its replications swing too widely for the gap to pass chance.
 */
import { describe, expect, it } from 'vitest';
import { standardNormal } from './normal.js';
import { Stream } from './random.js';
import { warmupWarnings } from './run-warnings.js';
import type { WaitSeriesData } from './wait-series.js';
import { checkWarmup } from './warmup-check.js';

const REPLICATIONS = 20;
const BATCHES = 500;
const BATCH = 5;
const HORIZON = BATCHES * 60;

/** Replication r's series whose batch j has mean wait `level(j, r)`. */
function series(level: (j: number, r: number) => number): WaitSeriesData[] {
  return Array.from({ length: REPLICATIONS }, (_, r) => ({
    batch: BATCH,
    sums: Float64Array.from({ length: BATCHES }, (_, j) => BATCH * Math.max(0, level(j, r))),
    counts: new Float64Array(BATCHES).fill(BATCH),
    starts: Float64Array.from({ length: BATCHES }, (_, j) => j * 60),
  }));
}

/** Normal noise of the given sd, the same for every run of the test. */
function noise(sd: number, name: string): (j: number, r: number) => number {
  const draws = Array.from({ length: REPLICATIONS }, (_, r) => {
    const stream = new Stream(r, name);
    return Float64Array.from({ length: BATCHES }, () => sd * standardNormal(stream));
  });
  return (j, r) => draws[r]?.[j] ?? 0;
}

describe('the warm-up check', () => {
  it('calls a warm-up too short when the waits rise for the first 50 batches and then settle', () => {
    const jitter = noise(20, 'settles');
    const data = series((j, r) => 100 + 100 * Math.min(1, j / 50) + jitter(j, r));
    const check = checkWarmup(data, 0);
    expect(check?.tooShort).toBe(false);
    expect(check?.biased).toBe(true);
    expect(check?.settlesAt).toBeGreaterThanOrEqual(35 * 60);
    expect(check?.settlesAt).toBeLessThanOrEqual(60 * 60);
    const [warning] = warmupWarnings(check, HORIZON);
    expect(warning?.kind).toBe('warm-up');
    expect(warning?.message).toMatch(/too low/);
    expect(warning?.remedies[0]?.warmup).toMatch(/min$/);
    // A warm-up past the start-up: nothing to say.
    const after = checkWarmup(data, 60 * 60);
    expect(after?.biased).toBe(false);
    expect(warmupWarnings(after, HORIZON)).toEqual([]);
  });

  it('calls a run too short when its waits rise to the end, though its replications swing too widely to pass chance', () => {
    // Under the rise from 1,000 to 1,200 s, half the replications end 300 s higher and half 300 s
    // lower: the pooled series is the rise alone, so MSER keeps only its last tenth, and each
    // replication's gap to that tenth is the rise's -90 s give or take 270.
    const data = series(
      (j, r) => 1000 + 200 * (j / BATCHES) + (j >= 0.9 * BATCHES ? (r % 2 ? 300 : -300) : 0),
    );
    const check = checkWarmup(data, 0);
    expect(check?.tooShort).toBe(true);
    expect(check?.biased).toBe(false);
    expect(check?.rising).toBe(true);
    const [warning] = warmupWarnings(check, HORIZON);
    expect(warning?.kind).toBe('run-too-short');
    expect(warning?.message).toMatch(/still rising when it ended/);
    expect(warning?.message).toMatch(/at least [\d.]+% too low/);
    // The same replications without the rise, or falling to the end instead (a start from empty
    // reads low, not high): nothing to say.
    for (const slope of [0, -200]) {
      const other = checkWarmup(
        series((j, r) => 1200 + slope * (j / BATCHES) + (j >= 0.9 * BATCHES ? (r % 2 ? 300 : -300) : 0)),
        0,
      );
      expect(other?.rising).toBe(false);
      expect(warmupWarnings(other, HORIZON)).toEqual([]);
    }
  });
});
