/**
 * The analysis on small models whose answers are worked out by hand, and against a Monte Carlo
 * walk of the same chain on random models.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { randomModel } from '../testing/random-model.js';
import { analyze } from './analyze.js';
import { journeyChain, movesOf } from './journey-chain.js';
import { solve } from './markov.js';
import { journeyMetrics } from './metrics.js';

const model = (text: string, tolerate = false): Model => {
  const result = parse(text, {
    file: 'hand.yaml',
    ...(tolerate ? { tolerate: ['no-path-to-end'] as const } : {}),
  });
  if (!result.model) throw new Error(JSON.stringify(result.diagnostics));
  return result.model;
};

const chainOf = (fails: number[]) => `
name: A chain of fail points
stages: [{ id: s, name: S }]
steps:
${fails.map((p, i) => `  - { id: s${i}, name: Step ${i}, stage: s, fail: { p: ${p}, next: ${i + 1 < fails.length ? `s${i + 1}` : 'done'} }, next: ${i + 1 < fails.length ? `s${i + 1}` : 'done'} }`).join('\n')}
ends: [{ id: done, name: Done, outcome: success }]
start: s0
`;

describe('worked by hand', () => {
  it('the chance of at least one failure along a chain is 1 - the product of the successes', () => {
    const m = journeyMetrics(model(chainOf([0.1, 0.2, 0.3]))).overall;
    expect(m.anyFailure).toBeCloseTo(1 - 0.9 * 0.8 * 0.7, 12);
    expect(m.anyFailureByEnd.done).toBeCloseTo(0.496, 12);
    expect(m.failures).toBeCloseTo(0.6, 12);
    expect(m.steps).toBeCloseTo(3, 12);
  });

  it.each([0.2, 0.5, 0.9])('a loop with return probability %f is visited 1/(1-p) times', (p) => {
    const m = model(`
name: A repeat contact
stages: [{ id: s, name: S }]
organization: { departments: [{ id: cc, name: Contact center, visibility: frontstage, roles: [{ id: agent, name: Agent }] }] }
steps:
  - { id: call, name: Calls, stage: s, channel: phone, role: agent, next: [{ to: call, p: ${p} }, { to: done }] }
ends: [{ id: done, name: Done, outcome: success }]
start: call
`);
    const metrics = journeyMetrics(m).overall;
    expect(metrics.visits.call).toBeCloseTo(1 / (1 - p), 10);
    expect(metrics.contacts).toBeCloseTo(1 / (1 - p), 10);
    expect(metrics.calls).toBeCloseTo(1 / (1 - p), 10);
    const repeat = analyze(m).findings.find((f) => f.kind === 'repeat-visits');
    expect(repeat?.evidence.repeatsPer1000).toBeCloseTo((1000 * p) / (1 - p), 1);
  });

  it('counts hand-offs behind a step and spots ping-pong', () => {
    const m = model(`
name: Hand-offs
stages: [{ id: s, name: S }]
organization:
  departments:
    - { id: sales, name: Sales, visibility: frontstage, roles: [{ id: rep, name: Rep }] }
    - { id: credit, name: Credit }
    - { id: stock, name: Stock }
steps:
  - id: order
    name: Orders
    stage: s
    channel: phone
    role: rep
    backstage:
      - { id: check-credit, name: Check credit, department: credit }
      - { id: confirm, name: Confirm, department: sales }
      - { id: reserve, name: Reserve stock, department: stock }
    next: [{ to: order, p: 0.5 }, { to: done }]
ends: [{ id: done, name: Done, outcome: success }]
start: order
`);
    const a = analyze(m);
    expect(a.metrics.overall.handoffs).toBeCloseTo(3 * 2, 10);
    const handoffs = a.findings.find((f) => f.kind === 'handoffs');
    expect(handoffs).toMatchObject({
      severity: 'high',
      evidence: { handoffs: 3, chain: 'sales > credit > sales > stock' },
      title: expect.stringContaining('ping-pong'),
    });
    const sight = Object.fromEntries(a.lineOfSight.map((s) => [s.department, s.distance]));
    expect(sight).toEqual({ sales: 0, credit: 1, stock: 3 });
  });

  it('counts information given again', () => {
    const m = model(`
name: Say it again
stages: [{ id: s, name: S }]
steps:
  - { id: a, name: Gives the order number online, stage: s, asks: [order-number], next: [{ to: b, p: 0.4 }, { to: done }] }
  - { id: b, name: Calls and gives it again, stage: s, asks: [order-number, name], next: done }
ends: [{ id: done, name: Done, outcome: success }]
start: a
`);
    const finding = analyze(m).findings.find((f) => f.id === 'repeated-information:order-number');
    expect(finding?.evidence.timesAgainPer1000).toBeCloseTo(400, 6);
    expect(analyze(m).findings.some((f) => f.id === 'repeated-information:name')).toBe(false);
  });

  it('reports a loop with no way out as a finding, with finite figures', () => {
    const m = model(
      `
name: Stuck
stages: [{ id: s, name: S }]
steps:
  - { id: a, name: Starts, stage: s, next: [{ to: b, p: 0.3 }, { to: done }] }
  - { id: b, name: Is sent on, stage: s, next: c }
  - { id: c, name: Is sent back, stage: s, next: b }
ends: [{ id: done, name: Done, outcome: success }]
start: a
`,
      true,
    );
    const a = analyze(m);
    expect(a.findings[0]).toMatchObject({
      kind: 'trapped-loop',
      severity: 'critical',
      evidence: { trappedPer1000: 300 },
    });
    expect(a.findings[0]?.steps.sort()).toEqual(['b']);
    expect(a.metrics.overall.trapped).toBeCloseTo(0.3, 12);
    expect(a.metrics.overall.ends.done).toBeCloseTo(0.7, 12);
    expect(Number.isFinite(a.metrics.overall.steps)).toBe(true);
  });

  it('finds a failure with no way back to a successful end', () => {
    const m = model(`
name: Lost
stages: [{ id: s, name: S }]
steps:
  - { id: pay, name: Pays, stage: s, fail: { p: 0.1, severity: critical, next: gave-up }, next: paid }
ends: [{ id: paid, name: Paid, outcome: success }, { id: gave-up, name: Gave up, outcome: exit }]
start: pay
`);
    expect(analyze(m).findings.find((f) => f.kind === 'no-recovery')).toMatchObject({
      severity: 'high',
      evidence: { recoveryProbability: 0, lostPer1000: 100 },
    });
  });
});

/** A seeded walk of the same chain: what a simulator without queues would see. */
function monteCarlo(m: Model, segment: string, walks: number, seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const byId = new Map(m.steps.map((s) => [s.id, s]));
  const pick = <T extends { p: number }>(options: T[]) => {
    let u = random();
    for (const o of options) {
      u -= o.p;
      if (u < 0) return o;
    }
    return options[options.length - 1] as T;
  };
  const ends: Record<string, number> = {};
  let steps = 0;
  let stepsSq = 0;
  let failed = 0;
  for (let w = 0; w < walks; w++) {
    let at = pick(m.start[segment] ?? []).to;
    let n = 0;
    let anyFailure = false;
    while (byId.has(at)) {
      const step = byId.get(at) as Model['steps'][number];
      n++;
      const move = pick(movesOf(step, segment));
      if (move.failure) anyFailure = true;
      at = move.to;
    }
    ends[at] = (ends[at] ?? 0) + 1;
    steps += n;
    stepsSq += n * n;
    if (anyFailure) failed++;
  }
  const mean = steps / walks;
  // Rounding can make a zero variance slightly negative.
  return {
    ends,
    mean,
    se: Math.sqrt(Math.max(0, stepsSq / walks - mean * mean) / walks),
    anyFailure: failed / walks,
  };
}

describe('random models (properties)', () => {
  const options = fc.record({
    seed: fc.integer({ min: 1, max: 100000 }),
    steps: fc.integer({ min: 2, max: 40 }),
    segments: fc.integer({ min: 1, max: 3 }),
  });

  it('end probabilities sum to 1 for every segment', () => {
    fc.assert(
      fc.property(options, (o) => {
        const m = parse(stringify(randomModel(o)), { file: 'r.yaml' }).model as Model;
        for (const s of journeyMetrics(m).segments)
          expect(Object.values(s.ends).reduce((a, b) => a + b, 0) + s.trapped).toBeCloseTo(1, 9);
      }),
      { numRuns: 40 },
    );
  });

  it('the exact metrics agree with a Monte Carlo walk of the same chain, within its confidence interval', () => {
    fc.assert(
      fc.property(options, (o) => {
        const m = parse(stringify(randomModel(o)), { file: 'r.yaml' }).model as Model;
        const segment = m.segments[0]?.id as string;
        const exact = journeyMetrics(m, [segment]).segments[0] as ReturnType<
          typeof journeyMetrics
        >['segments'][number];
        const walks = 20000;
        const mc = monteCarlo(m, segment, walks, o.seed);
        // 4.5 standard errors: a false alarm in about one run in 150,000 per check.
        expect(Math.abs(mc.mean - exact.steps)).toBeLessThanOrEqual(4.5 * mc.se + 1e-9);
        for (const [end, exactP] of Object.entries(exact.ends)) {
          const estimate = (mc.ends[end] ?? 0) / walks;
          // A sure end may come out a rounding above 1 (1 + 2^-52), which made the bound NaN.
          const p = Math.min(1, exactP);
          // Plus one walk's worth: near 0 or 1 the count is too discrete for the normal bound.
          expect(Math.abs(estimate - p)).toBeLessThanOrEqual(
            4.5 * Math.sqrt((p * (1 - p)) / walks) + 1 / walks,
          );
        }
        const q = Math.min(1, exact.anyFailure);
        expect(Math.abs(mc.anyFailure - q)).toBeLessThanOrEqual(
          4.5 * Math.sqrt((q * (1 - q)) / walks) + 1e-9,
        );
      }),
      { numRuns: 15 },
    );
  });

  it('the dense and the sparse solvers agree', () => {
    fc.assert(
      fc.property(options, (o) => {
        const m = parse(stringify(randomModel(o)), { file: 'r.yaml' }).model as Model;
        const chain = journeyChain(m, m.segments[0]?.id as string).chain;
        const dense = solve(chain, 'dense');
        const sparse = solve(chain);
        for (let i = 0; i < chain.size; i++) expect(sparse.visits[i]).toBeCloseTo(dense.visits[i] ?? 0, 8);
      }),
      { numRuns: 20 },
    );
  });
});

describe('the examples', () => {
  const examples = new URL('../../examples/', import.meta.url).pathname;
  const loadExample = async (name: string, scenario?: string) => {
    const { load } = await import('../model/load.js');
    const result = load(`${examples}${name}`, scenario ? { scenario } : {});
    if (!result.model) throw new Error(`${name} must load`);
    return result.model;
  };
  const preOrderContacts = (m: Model) => {
    const byStage = journeyMetrics(m).overall.byStage;
    return (byStage.research?.contacts ?? 0) + (byStage['review-options']?.contacts ?? 0);
  };

  it('better product pages mean fewer pre-order contacts than today', async () => {
    const base = await loadExample('order-departments.yaml');
    const better = await loadExample('order-departments.yaml', 'better-product-pages');
    expect(preOrderContacts(better)).toBeLessThan(preOrderContacts(base) * 0.95);
  });

  it('the comparison with the competitor names the stages where each is ahead', async () => {
    const { compareJourneys } = await import('./compare.js');
    const c = compareJourneys(
      await loadExample('order-departments.yaml'),
      await loadExample('competitor.yaml'),
    );
    expect(c.stages.map((s) => s.stage)).toEqual([
      'research',
      'review-options',
      'place-order',
      'revise-or-ask',
      'receive',
      'exchange-or-return',
    ]);
    expect(c.stagesTheyLead.length).toBeGreaterThan(0);
    expect(c.stagesWeLead.length).toBeGreaterThan(0);
    for (const s of c.stages) {
      for (const m of s.metrics) {
        // Ahead only by more than half the third significant digit: what reads the same is even.
        const slack = 0.005 * 10 ** Math.floor(Math.log10(Math.max(m.ours, m.theirs, 1e-300))) + 1e-9;
        expect(m.ahead).toBe(m.ours < m.theirs - slack ? 'us' : m.ours > m.theirs + slack ? 'them' : 'even');
        if (m.ahead === 'even' && m.key !== 'time') expect(m.oursText).toBe(m.theirsText);
        if (m.ahead === 'them') expect(m.gap).toBeCloseTo(m.ours - m.theirs, 12);
      }
    }
  });

  it('an unrated effort is no effortless step: where a side leaves steps unrated, no one is ahead on effort', async () => {
    const { compareJourneys } = await import('./compare.js');
    const { comparisonSections } = await import('./report/sections.js');
    const ours = await loadExample('order-departments.yaml');
    const theirs = await loadExample('competitor.yaml');
    const unrate = (stage: string, all: boolean) => {
      let first = true;
      return theirs.steps.map((s) => {
        if (s.stage !== stage || (!all && !first)) return s;
        first = false;
        const { effort: _, ...rest } = s;
        return rest;
      });
    };
    const partly = compareJourneys(ours, { ...theirs, steps: unrate('research', false) });
    const effortOf = (c: typeof partly, stage: string) =>
      c.stages.find((s) => s.stage === stage)?.metrics.find((m) => m.key === 'effort');
    expect(effortOf(partly, 'research')?.ahead).toBe('unrated');
    expect(effortOf(partly, 'research')?.theirsText).toMatch(/^[\d.]+ \(1 step unrated\)$/);
    expect(effortOf(partly, 'research')?.gap).toBe(0);
    // Every other stage and metric is compared as before.
    const before = compareJourneys(ours, theirs);
    expect(effortOf(partly, 'place-order')).toEqual(effortOf(before, 'place-order'));
    expect(partly.overall.find((m) => m.key === 'effort')?.ahead).toBe('unrated');
    expect(partly.overall.find((m) => m.key === 'steps')).toEqual(
      before.overall.find((m) => m.key === 'steps'),
    );
    // A stage with no step rated says so; the lead counts leave effort out.
    const none = compareJourneys(ours, { ...theirs, steps: unrate('research', true) });
    expect(effortOf(none, 'research')?.theirsText).toBe('not rated');
    const research = none.stages.find((s) => s.stage === 'research');
    expect([...(research?.oursAhead ?? []), ...(research?.theirsAhead ?? [])]).not.toContain('effort');
    const row = comparisonSections(none)[0]?.rows.find((r) => r[0] === 'Research' && r[1] === 'Effort');
    expect(row?.slice(3, 6)).toEqual(['not rated', 'cannot tell: steps unrated', '']);
  });

  it("a stage one journey lacks is nobody's lead: it is named as only ours or only theirs", async () => {
    const { compareJourneys } = await import('./compare.js');
    const { comparisonSections } = await import('./report/sections.js');
    const ours = await loadExample('order-departments.yaml');
    const theirs = await loadExample('competitor.yaml');
    // Their journey without its returns stage: the customer never leaves it for one.
    const without = {
      ...theirs,
      stages: theirs.stages.filter((s) => s.id !== 'exchange-or-return'),
    };
    const stepsThere = new Set(theirs.steps.filter((s) => s.stage === 'exchange-or-return').map((s) => s.id));
    without.steps = theirs.steps
      .filter((s) => !stepsThere.has(s.id))
      .map((s) => ({
        ...s,
        next: Object.fromEntries(
          Object.entries(s.next).map(([seg, branches]) => [
            seg,
            branches.map((b) => (stepsThere.has(b.to) ? { ...b, to: theirs.ends[0]?.id ?? b.to } : b)),
          ]),
        ),
        ...(s.fail
          ? {
              fail: {
                ...s.fail,
                next: Object.fromEntries(
                  Object.entries(s.fail.next).map(([seg, branches]) => [
                    seg,
                    branches.map((b) =>
                      stepsThere.has(b.to) ? { ...b, to: theirs.ends[0]?.id ?? b.to } : b,
                    ),
                  ]),
                ),
              },
            }
          : {}),
      }));
    const c = compareJourneys(ours, without);
    expect(c.onlyOurs).toEqual(['exchange-or-return']);
    expect(c.onlyTheirs).toEqual([]);
    expect(c.stagesWeLead).not.toContain('exchange-or-return');
    expect(c.stagesTheyLead).not.toContain('exchange-or-return');
    const reversed = compareJourneys(without, ours);
    expect(reversed.onlyTheirs).toEqual(['exchange-or-return']);
    expect(reversed.stagesWeLead).not.toContain('exchange-or-return');
    const rows = comparisonSections(reversed)[0]?.rows.filter((r) => r[0] === 'Exchange or return') ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r[4]).toBe('not in our journey');
    // Nor is it a lead in the data: its zeros are no figures.
    const lacking = reversed.stages.find((s) => s.stage === 'exchange-or-return');
    expect([lacking?.oursAhead, lacking?.theirsAhead]).toEqual([[], []]);
    // Two journeys with no stage in common say so.
    const apart = comparisonSections(compareJourneys(await loadExample('mmc.yaml'), theirs))[0]?.intro;
    expect(apart).toContain('The two journeys share no stage, so no stage is compared');
    expect(comparisonSections(reversed)[0]?.intro).not.toContain('share no stage');
  });

  it('every example analyses without a trapped customer, with end probabilities that sum to 1', async () => {
    for (const name of [
      'order-single-entity.yaml',
      'order-departments.yaml',
      'competitor.yaml',
      'mmc.yaml',
    ]) {
      const a = analyze(await loadExample(name));
      expect(a.metrics.overall.trapped).toBe(0);
      expect(Object.values(a.metrics.overall.ends).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
      expect(
        a.findings.every(
          (f, i, all) =>
            i === 0 ||
            ['critical', 'high', 'medium', 'low'].indexOf(all[i - 1]?.severity ?? 'critical') <=
              ['critical', 'high', 'medium', 'low'].indexOf(f.severity),
        ),
      ).toBe(true);
    }
  });
});
