/**
 * The analysis's queues against closed forms: one stationary pool must give Erlang C or Erlang A
 * exactly, a week of two periods the arrival-weighted mean of the two, and the abandonment fed
 * back through a retry loop the fixed point of the equation it solves.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { erlangA, erlangC, mmc } from '../queueing/erlang.js';
import { analyze } from './analyze.js';
import { diffAnalyses } from './diff.js';
import { writeAnalysis, writeDiff } from './report/write.js';

const model = (text: string): Model => {
  const result = parse(text, { file: 'queue.yaml' });
  if (!result.model) throw new Error(JSON.stringify(result.diagnostics));
  return result.model;
};

/** One pool of c agents, exponential service of mean `service` minutes, optional patience and retry. */
const onePool = (o: {
  rate: string;
  capacity?: number;
  service: number;
  patience?: string;
  retry?: number;
  extra?: string;
}) => `
name: One pool
arrivals: { rate: ${o.rate}${o.extra ?? ''} }
organization: { departments: [{ id: d, name: D, visibility: frontstage, roles: [{ id: agent, name: Agent }] }] }
resources:
  - id: agents
    name: Agents
    role: agent
    ${o.capacity ? `capacity: ${o.capacity}` : ''}
    ${o.patience ? `patience: ${o.patience}` : ''}
    serviceLevel: 80% in 20 s
    ${o.retry ? 'abandon: retry' : ''}
stages: [{ id: s, name: S }]
steps:
  - { id: serve, name: Is served, stage: s, channel: phone, pool: agents, duration: exp(${o.service} min), next: served }
${o.retry ? `  - { id: retry, name: Tries again, stage: s, wait: { duration: 1 h }, next: [{ to: serve, p: ${o.retry} }, { to: gave-up, p: ${1 - o.retry} }] }` : ''}
ends:
  - { id: served, name: Served, outcome: success }
  - { id: gave-up, name: Gave up, outcome: exit }
start: serve
`;

describe('queues in the analysis', () => {
  it('equals Erlang C on one M/M/c pool without patience, service level included', () => {
    const a = analyze(model(onePool({ rate: '100/h', capacity: 10, service: 5 })));
    const [pool] = a.queues.pools;
    const exact = mmc(100 / 3600, 12 / 3600, 10);
    const c = erlangC(10, 100 / 12);
    expect(pool?.basis).toBe('approximate');
    expect(pool?.offeredLoad).toBeCloseTo(100 / 12, 9);
    expect(pool?.utilisation).toBeCloseTo(exact.utilisation, 9);
    expect(pool?.waitProbability).toBeCloseTo(c, 9);
    expect(pool?.meanWait).toBeCloseTo(exact.wait, 6);
    expect(pool?.abandonment).toBe(0);
    // P(W <= t) = 1 - C e^{-(c mu - lambda) t}
    expect(pool?.serviceLevel?.achieved).toBeCloseTo(1 - c * Math.exp((-(10 * 12 - 100) / 3600) * 20), 9);
    expect(a.queues.metrics?.overall.queueWait).toBeCloseTo(exact.wait, 6);
    expect(a.queues.metrics?.overall.time).toBeCloseTo(300 + exact.wait, 6);
  });

  it('in a diff, shows what a change of staff does to the queues, which the exact metrics leave out', () => {
    const base = model(onePool({ rate: '150/h', capacity: 10, service: 5, patience: 'exp(4 min)' }));
    const more = model(onePool({ rate: '150/h', capacity: 12, service: 5, patience: 'exp(4 min)' }));
    const diff = diffAnalyses(base, analyze(base), analyze(more), { id: 'more', name: 'Two more' });
    expect(diff.metrics.every((m) => m.verdict === 'same')).toBe(true);
    const [before, after] = [
      erlangA(150 / 3600, 12 / 3600, 10, 1 / 240),
      erlangA(150 / 3600, 12 / 3600, 12, 1 / 240),
    ];
    const gaveUp = diff.queues?.metrics.find((m) => m.key === 'ends.gave-up');
    expect(gaveUp?.base).toBeCloseTo(before.abandonment, 9);
    expect(gaveUp?.scenario).toBeCloseTo(after.abandonment, 9);
    expect(gaveUp?.verdict).toBe('better');
    const abandonment = diff.queues?.pools[0]?.metrics.find((m) => m.key === 'abandonment');
    expect(abandonment?.change).toBeCloseTo(after.abandonment - before.abandonment, 9);
    expect(writeDiff(base, diff, 'text')).toContain('With the queues (approximate)');
  });

  it('equals Erlang A on one M/M/c+M pool with patience, service level by its chain', () => {
    const a = analyze(model(onePool({ rate: '150/h', capacity: 10, service: 5, patience: 'exp(4 min)' })));
    const [pool] = a.queues.pools;
    const exact = erlangA(150 / 3600, 12 / 3600, 10, 1 / 240);
    expect(pool?.abandonment).toBeCloseTo(exact.abandonment, 9);
    expect(pool?.meanWait).toBeCloseTo(exact.wait, 6);
    expect(pool?.utilisation).toBeCloseTo(exact.utilisation, 9);
    expect(a.queues.metrics?.overall.ends['gave-up']).toBeCloseTo(exact.abandonment, 9);
    expect(a.queues.metrics?.overall.ends.served).toBeCloseTo(1 - exact.abandonment, 9);
    // Answered within 20 s lies between no one waiting and everyone who waits being answered at once.
    expect(pool?.serviceLevel?.achieved).toBeGreaterThan(1 - (pool?.waitProbability ?? 1));
    expect(pool?.serviceLevel?.achieved).toBeLessThan(1);
  });

  it('weights two periods of the week (SIPP) by their arrivals', () => {
    // Days (08:00-20:00) bring twice the night's arrivals per hour and have 14 agents, nights 6.
    const text = onePool({
      rate: '60/h',
      service: 6,
      patience: 'exp(5 min)',
      extra:
        ', profile: [{ days: mon-sun, hours: "00:00-24:00", weight: 1 }, { days: mon-sun, hours: "08:00-20:00", weight: 1 }]',
    }).replace(
      '    \n',
      '    schedule: [{ days: mon-sun, hours: "00:00-24:00", capacity: 6 }, { days: mon-sun, hours: "08:00-20:00", capacity: 8 }]\n',
    );
    const a = analyze(model(text));
    const [pool] = a.queues.pools;
    // Mean weight over the day is 1.5, so the rates are 80/h by day and 40/h by night.
    const day = erlangA(80 / 3600, 10 / 3600, 14, 1 / 300);
    const night = erlangA(40 / 3600, 10 / 3600, 6, 1 / 300);
    const [nDay, nNight] = [80 * 12, 40 * 12];
    const mean = (f: (x: typeof day) => number) => (nDay * f(day) + nNight * f(night)) / (nDay + nNight);
    expect(pool?.abandonment).toBeCloseTo(
      mean((x) => x.abandonment),
      9,
    );
    expect(pool?.meanWait).toBeCloseTo(
      mean((x) => x.wait),
      6,
    );
    const busy = 12 * (14 * day.utilisation + 6 * night.utilisation);
    expect(pool?.utilisation).toBeCloseTo(busy / (12 * 14 + 12 * 6), 9);
  });

  it('feeds abandonment back to a fixed point: those who retry come back to the same queue', () => {
    // Retrying with probability r, the queue's arrivals solve lambda = lambda0 / (1 - r A(lambda)).
    const r = 0.6;
    const a = analyze(
      model(onePool({ rate: '110/h', capacity: 8, service: 5, patience: 'exp(3 min)', retry: r })),
    );
    const [pool] = a.queues.pools;
    const lambda = (pool?.arrivalsPerHour ?? 0) / 3600;
    const exact = erlangA(lambda, 12 / 3600, 8, 1 / 180);
    expect(a.queues.fixedPoint.converged).toBe(true);
    expect(lambda).toBeCloseTo(110 / 3600 / (1 - r * exact.abandonment), 7);
    expect(pool?.abandonment).toBeCloseTo(exact.abandonment, 6);
    // Giving up for good: each visit abandons with A and then leaves with 1 - r.
    const gone = (exact.abandonment * (1 - r)) / (1 - r * exact.abandonment);
    expect(a.queues.metrics?.overall.ends['gave-up']).toBeCloseTo(gone, 5);
    expect(lambda).toBeGreaterThan(110 / 3600);
  });

  it('says a queue without patience and with more work than staff grows without bound', async () => {
    const m = model(onePool({ rate: '100/h', capacity: 8, service: 5 }));
    const a = analyze(m);
    const [pool] = a.queues.pools;
    expect(pool?.meanWait).toBeNull();
    expect(pool?.overloaded).toEqual(['Mon 00:00-Sun 24:00']);
    expect(a.queues.warnings.join('\n')).toMatch(/Agents: more work than staff and no patience set/);
    const json = JSON.parse(await writeAnalysis(m, a, 'json'));
    expect(json.queues.pools[0].meanWait).toBeNull();
    const text = await writeAnalysis(m, a, 'text');
    expect(text).toMatch(/without bound \(overloaded\)/);
    expect(text).not.toMatch(/Infinity|NaN/);
  });

  it('names the missing arrival rate instead of guessing a load', () => {
    const a = analyze(
      model(onePool({ rate: '100/h', capacity: 8, service: 5 }).replace('arrivals: { rate: 100/h }\n', '')),
    );
    expect(a.queues.pools).toEqual([]);
    expect(a.queues.warnings[0]).toMatch(/no arrival rate.*arrivals: \{ rate: 60\/h \}/);
    expect(a.queues.metrics).toBeUndefined();
  });

  it('marks every section of the JSON and the text as exact or approximate', async () => {
    const m = model(onePool({ rate: '100/h', capacity: 10, service: 5 }));
    const a = analyze(m);
    const json = JSON.parse(await writeAnalysis(m, a, 'json'));
    expect(json.basis).toEqual({
      metrics: 'exact',
      findings: 'exact',
      lineOfSight: 'exact',
      coverage: 'exact',
      queues: 'approximate',
    });
    expect(json.queues.basis).toBe('approximate');
    expect(json.queues.pools[0].basis).toBe('approximate');
    const text = await writeAnalysis(m, a, 'text');
    expect(text).toMatch(/The journey, per customer \(exact, without queues\)/);
    expect(text).toMatch(/Queues at the pools \(approximate\)/);
    expect(text).toMatch(/Agents +100 +8.33 +83.3% +48.8% +87.8 s +0% +56.4% in 20 s \(target 80%\)/);
  });
});
