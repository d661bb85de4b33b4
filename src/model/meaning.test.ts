/** The meaning checks beyond references and flows: visibility, staffing, arrivals, segments, baselines. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from './document.js';
import { load, parse } from './load.js';
import { applyOverrides } from './overrides.js';

/** A one-step model with pieces swapped in: the smallest text that shows each check. */
function model(parts: {
  org?: string;
  resources?: string;
  step?: string;
  top?: string;
  segments?: string;
  scenarios?: string;
}) {
  return `
name: Check playground
${parts.top ?? ''}
${parts.segments ?? ''}
organization:
  departments:
    - id: desk
      name: Front desk
      visibility: frontstage
      roles: [{ id: clerk, name: Clerk }]
    - id: back
      name: Back office
      roles: [{ id: keeper, name: Book keeper }]
  systems:
    - { id: website, name: Website, visibility: frontstage }
    - { id: erp, name: ERP }
${parts.org ?? ''}
resources:
${parts.resources ?? '  - { id: clerks, name: Clerks, role: clerk, capacity: 2 }'}
stages: [{ id: s, name: S }]
steps:
  - id: step
    name: Does the thing
    stage: s
${parts.step ?? '    pool: clerks'}
    next: done
ends: [{ id: done, name: Done, outcome: success }]
start: step
${parts.scenarios ?? ''}
`;
}

const codes = (text: string) =>
  parse(text, { file: 'check.yaml' }).diagnostics.map((d) => `${d.severity}:${d.code}`);

describe('visibility', () => {
  it('warns when a customer step is served by a backstage role, directly or through its pool', () => {
    expect(codes(model({ step: '    role: keeper' }))).toEqual(['warning:backstage-frontline']);
    const viaPool = parse(
      model({
        resources: '  - { id: keepers, name: Keepers, role: keeper, capacity: 1 }',
        step: '    pool: keepers',
      }),
      { file: 'check.yaml' },
    );
    expect(viaPool.diagnostics).toMatchObject([
      { code: 'backstage-frontline', message: expect.stringContaining("through pool 'keepers'") },
    ]);
    expect(viaPool.ok).toBe(true);
  });

  it('warns when a customer step is served by a backstage system', () => {
    expect(codes(model({ step: '    system: erp' }))).toEqual(['warning:backstage-frontline']);
    expect(codes(model({ step: '    system: website' }))).toEqual([]);
  });
});

describe('staffing', () => {
  it('takes the largest shift as the capacity when none is given, and refuses a shift above the headcount', () => {
    const shifts = `    schedule:
      - { days: mon-fri, hours: "08:00-18:00", capacity: 5 }
      - { days: sat, hours: "22:00-06:00", capacity: 2 }`;
    const result = parse(
      model({ resources: `  - id: clerks\n    name: Clerks\n    role: clerk\n${shifts}` }),
      { file: 'check.yaml' },
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.resources[0]).toMatchObject({
      capacity: 5,
      schedule: [
        { days: [0, 1, 2, 3, 4], start: 480, end: 1080, capacity: 5 },
        { days: [5], start: 1320, end: 360, capacity: 2 },
      ],
    });
    expect(
      codes(
        model({ resources: `  - id: clerks\n    name: Clerks\n    role: clerk\n    capacity: 4\n${shifts}` }),
      ),
    ).toEqual(['error:out-of-range']);
    expect(codes(model({ resources: '  - { id: clerks, name: Clerks, role: clerk }' }))).toEqual([
      'error:missing-field',
    ]);
  });

  it('explains unreadable shifts, a priority queue without priorities and a cost in another currency', () => {
    const bad = parse(
      model({
        resources: `  - id: clerks
    name: Clerks
    role: clerk
    discipline: priority
    cost: 30 USD/h
    schedule: [{ days: mon-fry, hours: "8-18", capacity: 2 }]`,
      }),
      { file: 'check.yaml' },
    );
    expect(bad.diagnostics.map((d) => d.code).sort()).toEqual([
      'currency-mixed',
      'priority-missing',
      'schedule-invalid',
      'schedule-invalid',
    ]);
    expect(bad.diagnostics.find((d) => d.path.endsWith('days'))?.hint).toContain('mon-fri');
  });
});

describe('segments and arrivals', () => {
  it('splits a total arrival rate by segment share', () => {
    const result = parse(
      model({
        top: 'arrivals: { rate: 100/h }',
        segments: 'segments:\n  - { id: a, name: A, share: 0.25 }\n  - { id: b, name: B, share: "75%" }',
      }),
      { file: 'check.yaml' },
    );
    expect(result.model?.segments.map((s) => [s.id, s.share, s.arrivals?.rate])).toEqual([
      ['a', 0.25, 25 / 3600],
      ['b', 0.75, 75 / 3600],
    ]);
  });

  it('derives shares from per-segment rates', () => {
    const result = parse(
      model({
        segments:
          'segments:\n  - { id: a, name: A, arrivals: { rate: 30/h } }\n  - { id: b, name: B, arrivals: { rate: 10/h } }',
      }),
      { file: 'check.yaml' },
    );
    expect(result.model?.segments.map((s) => s.share)).toEqual([0.75, 0.25]);
  });

  it('reports shares that do not sum to 1, half-given shares, and an interarrival mean that contradicts the rate', () => {
    expect(
      codes(
        model({
          segments: 'segments:\n  - { id: a, name: A, share: 0.5 }\n  - { id: b, name: B, share: 0.4 }',
        }),
      ),
    ).toEqual(['error:shares-sum']);
    expect(
      codes(model({ segments: 'segments:\n  - { id: a, name: A, share: 0.5 }\n  - { id: b, name: B }' })),
    ).toEqual(['error:shares-sum']);
    expect(codes(model({ top: 'arrivals: { rate: 60/h, interarrival: "exp(2 min)" }' }))).toEqual([
      'error:arrivals-mismatch',
    ]);
    expect(codes(model({ top: 'arrivals: { rate: 60/h, interarrival: "uniform(30 s, 90 s)" }' }))).toEqual(
      [],
    );
  });

  it("refuses a step's patience, which nothing reads, and says where patience goes", () => {
    const result = parse(model({ step: '    patience: exp(2 min)' }), { file: 'check.yaml' });
    const refused = result.diagnostics.find((d) => d.code === 'unknown-field');
    expect(refused?.message).toContain("unknown field 'patience'");
    expect(refused?.hint).toContain('segments[].patience');
    expect(refused?.hint).toContain('resources[].patience');
  });

  it("gives the model's interarrival to its one segment, and refuses to split a non-Poisson stream over several", () => {
    const one = parse(model({ top: 'arrivals: { rate: 48/h, interarrival: "fixed(75 s)" }' }), {
      file: 'check.yaml',
    });
    expect(one.model?.segments[0]?.arrivals?.interarrival).toEqual({ kind: 'fixed', value: 75 });
    const two = `arrivals: { rate: 48/h, interarrival: "fixed(75 s)" }`;
    const segments = 'segments:\n  - { id: a, name: A, share: 0.5 }\n  - { id: b, name: B, share: 0.5 }';
    expect(codes(model({ top: two, segments }))).toEqual(['error:arrivals-split']);
    // Poisson arrivals split by share stay Poisson: each segment's at its share of the rate.
    const poisson = parse(model({ top: 'arrivals: { rate: 60/h }', segments }), { file: 'check.yaml' });
    expect(poisson.model?.segments.map((s) => s.arrivals?.interarrival)).toEqual([
      { kind: 'exponential', mean: 120 },
      { kind: 'exponential', mean: 120 },
    ]);
  });
});

describe('scenarios that break the base model', () => {
  it('point at the problem and name the scenario and where its changes are', () => {
    const text = model({
      scenarios:
        'scenarios:\n  - id: gone\n    name: Gone\n    changes:\n      - { remove: resources.clerks }',
    });
    const result = parse(text, { file: 'check.yaml' });
    expect(result.diagnostics).toMatchObject([
      {
        code: 'unknown-reference',
        message: "scenario 'gone', step 'step': unknown pool 'clerks'",
        hint: expect.stringMatching(/it comes from scenario 'gone', whose changes are at check\.yaml:\d+/),
      },
    ]);
  });
});

describe('changes given on the command line or in a request', () => {
  it('are named as the changes they are, not as a line of the file', () => {
    const text = model({
      resources:
        '  - id: clerks\n    name: Clerks\n    role: clerk\n    schedule:\n      - { days: mon-fri, hours: "08:00-18:00", capacity: 5 }',
      scenarios: 'scenarios:\n  - id: kept\n    name: Kept\n    changes:\n      - { set: name, value: Kept }',
    });
    const loaded = parse(text, { file: 'check.yaml' });
    const result = applyOverrides(loaded.document as ModelDocument, [
      { path: 'resources.clerks.capacity', value: 3 },
    ]);
    expect(result.diagnostics).toMatchObject([
      {
        code: 'out-of-range',
        message: expect.stringMatching(
          /^the changes resources\.clerks\.capacity=3, pool 'clerks': this shift has 5 members/,
        ),
        hint: expect.stringMatching(/it comes from the changes resources\.clerks\.capacity=3$/),
      },
    ]);
    // The scenarios list's line was named before, as if the changes were written there.
    expect(result.diagnostics[0]?.hint).not.toContain('check.yaml');
  });
});

describe('competitors', () => {
  it('warn when stages or segments differ from the baseline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    writeFileSync(
      join(dir, 'ours.yaml'),
      model({ segments: 'segments: [{ id: consumer, name: Consumers }]' }),
    );
    const theirs = model({
      top: 'kind: competitor\ncompetitor: Rival\nbaseline: ours.yaml',
      segments: 'segments: [{ id: consumers, name: Consumers }]',
    })
      .replace('stages: [{ id: s, name: S }]', 'stages: [{ id: s2, name: S }]')
      .replace('stage: s\n', 'stage: s2\n');
    writeFileSync(join(dir, 'theirs.yaml'), theirs);
    const result = load(join(dir, 'theirs.yaml'));
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "compared with ours.yaml, this journey lacks segment 'consumer' and has segment 'consumers' that the baseline lacks",
      "compared with ours.yaml, this journey lacks stage 's' and has stage 's2' that the baseline lacks",
    ]);
    writeFileSync(join(dir, 'theirs.yaml'), theirs.replace('baseline: ours.yaml', 'baseline: missing.yaml'));
    expect(load(join(dir, 'theirs.yaml')).diagnostics.map((d) => d.code)).toEqual(['baseline-invalid']);
  });
});

describe('a normal distribution cut at 0', () => {
  it('is named when the cut moves its mean (normal(5 min, 10 min) has a mean of 10.1 min), with what keeps the mean', () => {
    const wide = parse(model({ step: '    pool: clerks\n    duration: normal(5 min, 10 min)' }), {
      file: 'check.yaml',
    });
    const warning = wide.diagnostics.find((d) => d.code === 'distribution-mean-moved');
    expect(warning).toMatchObject({
      severity: 'warning',
      path: 'steps[0].duration',
      message: expect.stringContaining(
        'normal(5 min, 10 min) is cut at 0 s, so its mean is 10.1 min, not 5 min',
      ),
      hint: expect.stringContaining('lognormal(5 min, 10 min)'),
    });
    // The mean the simulation and the analysis use is the one the warning names.
    const duration = wide.model?.steps[0]?.duration;
    expect(duration?.kind).toBe('normal');
    // Narrow enough that the cut takes nothing that counts: no warning.
    expect(codes(model({ step: '    pool: clerks\n    duration: normal(5 min, 1 min)' }))).toEqual([]);
    // Patience too: a segment's, a pool's.
    const patient = model({
      resources:
        '  - { id: clerks, name: Clerks, role: clerk, capacity: 2, patience: "normal(1 min, 3 min)" }',
    });
    expect(codes(patient)).toEqual(['warning:distribution-mean-moved']);
  });
});

describe('an end for the customers who give up', () => {
  const mmc = readFileSync(new URL('../../examples/mmc.yaml', import.meta.url).pathname, 'utf8').replace(
    'ends:\n',
    'ends:\n  - { id: abandoned, name: Gave up, outcome: exit }\n',
  );
  const warnings = (text: string) =>
    parse(text, { file: 'mmc.yaml' }).diagnostics.map((d) => `${d.code} ${d.message}`);

  it('is reached when customers have patience, though no step leads there', () => {
    const patient = mmc.replace('    cost: 30 EUR/h', '    cost: 30 EUR/h\n    patience: exp(2 min)');
    expect(warnings(patient)).toEqual([]);
  });

  it('is unreached, and said so, when nobody can give up', () => {
    expect(warnings(mmc)).toEqual(["unreached-end end 'abandoned': no journey reaches this end"]);
  });
});
