/**
 * Customers whose journey outlasts the run: every one who arrived in the window is followed to
 * the end however long the journey takes (a 90-day wait once cut off a fifth of the customers
 * and their end, unsaid); those a run still cannot finish are reported; a journey longer than
 * the window counted is said to leave Little's law unmet, with settings under which it holds.
 */
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../model/units.js';
import { parsedModel } from '../testing/parsed-model.js';
import { simulate } from './index.js';

const DAY = 86400;

const model = (text: string) => parsedModel(text, 'drain.yaml');

/** A fifth of the applications wait 90 days for the authority and are rejected; the rest are approved at once. */
const authority = model(`
name: Authority
arrivals: { rate: 100/h }
stages: [{ id: s, name: S }]
steps:
  - { id: apply, name: Applies, stage: s, channel: web, duration: 5 min, next: [{ to: wait, p: 0.2 }, { to: ok, p: 0.8 }] }
  - { id: wait, name: Waits for the authority, stage: s, channel: mail, duration: 1 min, wait: { duration: 90 d }, next: rejected }
ends:
  - { id: ok, name: Approved, outcome: success }
  - { id: rejected, name: Rejected, outcome: exit }
start: apply
`);

/** One step of one day on average: `duration` gives its spread (a tail of months, or none to speak of). */
const oneStep = (duration: string) =>
  model(`
name: One step
arrivals: { rate: 10/h }
stages: [{ id: s, name: S }]
steps: [{ id: case, name: Case handled, stage: s, channel: mail, duration: "${duration}", next: done }]
ends: [{ id: done, name: Done, outcome: success }]
start: case
`);

describe('a journey longer than the run', () => {
  it('follows every customer to the end: a fifth are rejected, as the model says', async () => {
    const r = await simulate(authority, { replications: 3, horizon: 7 * DAY, warmup: DAY, seed: 1 });
    const rejected = r.overall['end:rejected'];
    expect(rejected).toBeDefined();
    expect(Math.abs((rejected?.mean ?? 0) - 0.2)).toBeLessThanOrEqual(rejected?.halfWidth ?? 0);
    expect(r.warnings.map((w) => w.kind)).not.toContain('unfinished');
  });

  it("says the window is too short for Little's law, and under the settings it gives the law holds", async () => {
    const short = await simulate(authority, { replications: 3, horizon: 7 * DAY, warmup: DAY, seed: 1 });
    const warning = short.warnings.find((w) => w.kind === 'run-too-short');
    expect(warning?.message).toContain('more than half of the 6 d counted');
    expect(short.little.inSystem).toBeLessThan(0.5 * short.little.lambdaTimesTime);
    const remedy = warning?.remedies[0];
    const seconds = (option: string | undefined) => {
      const parsed = parseDuration(option);
      return parsed.ok ? parsed.value : Number.NaN;
    };
    const [horizon, warmup] = [seconds(remedy?.horizon), seconds(remedy?.warmup)];
    expect(warmup).toBeGreaterThanOrEqual(3 * 90 * DAY);
    const long = await simulate(authority, { replications: 3, horizon, warmup, seed: 1 });
    expect(long.warnings.map((w) => w.kind)).not.toContain('run-too-short');
    expect(long.little.inSystem / long.little.lambdaTimesTime).toBeCloseTo(1, 1);
  }, 30_000);
});

it('reports the customers a run could not finish, never dropping them unsaid', async () => {
  const r = await simulate(oneStep('lognormal(1 d, 100 d)'), {
    replications: 3,
    horizon: 7 * DAY,
    warmup: DAY,
    seed: 1,
  });
  const warning = r.warnings.find((w) => w.kind === 'unfinished');
  expect(warning?.message).toMatch(
    /^\d+(\.\d+)? customers a replication \([\d.]+% of those who arrived\) were still in the journey 60 d after the horizon/,
  );
  // A run whose every customer finishes says nothing.
  const fine = await simulate(oneStep('exp(1 d)'), {
    replications: 3,
    horizon: 7 * DAY,
    warmup: DAY,
    seed: 1,
  });
  expect(fine.warnings.map((w) => w.kind)).not.toContain('unfinished');
});
