import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Distribution, meanOf } from './distribution.js';
import { fixture } from './fixtures/locate.js';
import { applyScenario, checkFile, load, parse } from './load.js';

const base = `
name: Scenario playground
segments:
  - { id: consumer, name: Consumers, share: 0.5 }
  - { id: business, name: Business, share: 0.5 }
organization:
  departments:
    - id: sales
      name: Sales
      visibility: frontstage
      roles: [{ id: rep, name: Sales rep }]
resources:
  - { id: reps, name: Sales reps, role: rep, capacity: 4 }
stages: [{ id: order, name: Order }]
steps:
  - id: ivr
    name: Listens to the menu
    stage: order
    channel: ivr
    duration: 60 s
    next:
      - { to: call-sales, p: 0.7 }
      - { to: hung-up, p: 0.3 }
  - id: call-sales
    name: Orders by phone
    stage: order
    channel: phone
    pool: reps
    duration: exp(6 min)
    next: ordered
ends:
  - { id: ordered, name: Ordered, outcome: success }
  - { id: hung-up, name: Hung up, outcome: exit }
start: ivr
scenarios:
  - id: bigger-team
    name: Bigger team, better menu
    changes:
      - { set: resources.reps.capacity, value: 9 }
      - { set: steps.ivr.next.call-sales.p, value: 0.9 }
      - { set: steps.ivr.next.hung-up.p, value: 0.1 }
      - { set: steps.call-sales.fail, value: { p: 0.05, next: hung-up } }
  - id: account-executive
    name: An account executive for business customers
    changes:
      - add: organization.departments.sales.roles
        value: { id: executive, name: Account executive }
      - add: resources
        value: { id: executives, name: Account executives, role: executive, capacity: 2, assignment: dedicated }
      - add: steps
        value: { id: call-executive, name: Calls their executive, stage: order, channel: phone, pool: executives, duration: exp(8 min), next: ordered }
      - set: steps.ivr.next
        value: { business: call-executive, default: [{ to: call-sales, p: 0.7 }, { to: hung-up, p: 0.3 }] }
  - id: no-ivr
    name: No menu
    changes:
      - { set: start, value: call-sales }
      - { remove: steps.ivr }
`;

const loaded = () => {
  const result = parse(base, { file: 'playground.yaml' });
  expect(result.diagnostics).toEqual([]);
  if (!result.document) throw new Error('no document');
  return result;
};

describe('scenarios', () => {
  it('set values by id and by branch target, and add a fail point that was not there', () => {
    const { document } = loaded();
    const { model, diagnostics } = applyScenario(document as NonNullable<typeof document>, 'bigger-team');
    expect(diagnostics).toEqual([]);
    expect(model?.scenario).toEqual({ id: 'bigger-team', name: 'Bigger team, better menu' });
    expect(model?.resources[0]?.capacity).toBe(9);
    expect(model?.steps[0]?.next.consumer).toEqual([
      { to: 'call-sales', p: 0.9 },
      { to: 'hung-up', p: 0.1 },
    ]);
    expect(model?.steps[1]?.fail).toMatchObject({ p: 0.05, next: { consumer: [{ to: 'hung-up', p: 1 }] } });
  });

  it('add a role, a pool and a step, and route one segment to them', () => {
    const { document } = loaded();
    const { model } = applyScenario(document as NonNullable<typeof document>, 'account-executive');
    expect(model?.organization.departments[0]?.roles.map((r) => r.id)).toEqual(['rep', 'executive']);
    expect(model?.resources.map((r) => [r.id, r.assignment])).toEqual([
      ['reps', 'pooled'],
      ['executives', 'dedicated'],
    ]);
    expect(model?.steps.find((s) => s.id === 'call-executive')?.role).toBe('executive');
    expect(model?.steps[0]?.next.business).toEqual([{ to: 'call-executive', p: 1 }]);
    expect(model?.steps[0]?.next.consumer).toHaveLength(2);
  });

  it('remove a step', () => {
    const { document } = loaded();
    const { model } = applyScenario(document as NonNullable<typeof document>, 'no-ivr');
    expect(model?.steps.map((s) => s.id)).toEqual(['call-sales']);
  });

  it('leave the base model untouched, however many are applied', () => {
    const result = loaded();
    const before = JSON.stringify(result.document?.data);
    for (const id of ['bigger-team', 'account-executive', 'no-ivr'])
      applyScenario(result.document as NonNullable<typeof result.document>, id);
    expect(JSON.stringify(result.document?.data)).toBe(before);
    expect(result.model?.resources[0]?.capacity).toBe(4);
  });

  it('find items by id after earlier changes moved or renamed them, in the same list', () => {
    const scenario = (changes: string) =>
      `${base}  - id: later\n    name: Later changes\n    changes:\n${changes}`;
    const moved = parse(
      scenario(
        '      - { set: start, value: call-sales }\n      - { set: steps.call-sales.name, value: Orders }\n      - { remove: steps.ivr }\n      - { set: steps.call-sales.duration, value: 2 min }\n',
      ),
      { file: 'playground.yaml', scenario: 'later' },
    );
    expect(moved.diagnostics).toEqual([]);
    expect(moved.model?.steps.map((s) => [s.id, meanOf(s.duration as Distribution)])).toEqual([
      ['call-sales', 120],
    ]);
    const renamed = parse(
      scenario(
        '      - { set: steps.ivr.name, value: Menu }\n      - { set: steps.call-sales.id, value: phone-order }\n      - { set: steps.ivr.next.call-sales.to, value: phone-order }\n      - { set: steps.phone-order.name, value: Orders on the phone }\n      - { set: steps.call-sales.channel, value: web }\n',
      ),
      { file: 'playground.yaml', scenario: 'later' },
    );
    // (Each first change makes the scenario's copy of the steps, which the next ones change.) The
    // old id names nothing any more; the new one names the step.
    expect(renamed.diagnostics.map((d) => d.message)).toEqual([
      "scenario 'later': 'steps.call-sales.channel' names nothing: steps has no item 'call-sales'",
    ]);
    const lines = scenario('').split('\n').length;
    expect(renamed.diagnostics[0]?.line).toBe(lines + 4);
  });

  it('place a problem in a value set twice at the change that set it last', () => {
    const result = parse(
      `${base}  - id: twice\n    name: Twice\n    changes:\n      - { set: resources.reps.capacity, value: -1 }\n      - { set: resources.reps.capacity, value: -2 }\n`,
      { file: 'playground.yaml', scenario: 'twice' },
    );
    // The scenario's second change, on its own line: the first one's value is overwritten.
    const last = `${base}  - id: twice\n    name: Twice\n    changes:\n`.split('\n').length + 1;
    expect(result.diagnostics.map((d) => [d.path, d.line])).toEqual([
      ['scenarios[3].changes[1].value', last],
    ]);
  });

  it('are applied by load with the scenario option', () => {
    const result = parse(base, { file: 'playground.yaml', scenario: 'bigger-team' });
    expect(result.model?.resources[0]?.capacity).toBe(9);
    const unknown = parse(base, { file: 'playground.yaml', scenario: 'bigger-teem' });
    expect(unknown.ok).toBe(false);
    expect(unknown.diagnostics).toMatchObject([
      { code: 'scenario-not-found', hint: "did you mean 'bigger-team'?" },
    ]);
  });

  it('report a scenario that breaks the model, naming the scenario', () => {
    const broken = base.replace(
      '{ set: steps.ivr.next.hung-up.p, value: 0.1 }',
      '{ set: steps.ivr.next.hung-up.p, value: 0.3 }',
    );
    const result = parse(broken, { file: 'playground.yaml' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([
      {
        code: 'probabilities-sum',
        message: expect.stringMatching(/^scenario 'bigger-team', step 'ivr': .*sum to 1\.2/),
      },
    ]);
  });

  it('in a file of their own are checked alone, and without a base give no model to load', () => {
    expect(checkFile(fixture('raise-rate.scenario.yaml')).ok).toBe(true);
    const loaded = load(fixture('raise-rate.scenario.yaml'));
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics[0]?.message).toContain('is a scenario without a base');
  });

  it("in a file of their own stand for the base as they make it, and the base's scenarios go on top", () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-scenario-'));
    writeFileSync(join(dir, 'base.yaml'), readFileSync(fixture('valid-small.yaml'), 'utf8'));
    writeFileSync(
      join(dir, 'calibrated.yaml'),
      [
        'kind: scenario',
        'base: base.yaml',
        'id: calibrated',
        'name: Calibrated',
        'changes:',
        '  - { set: steps.call.fail.p, value: 0.3 }',
        '  - { set: resources.agents.capacity, value: 6 }',
        '  - { set: steps.pay-invoice.duration, value: 4 min }',
        '',
      ].join('\n'),
    );
    const calibrated = load(join(dir, 'calibrated.yaml'));
    expect(calibrated.ok).toBe(true);
    expect(calibrated.document?.kind).toBe('scenario');
    expect(calibrated.model?.scenario).toEqual({ id: 'calibrated', name: 'Calibrated' });
    expect(calibrated.model?.steps.find((s) => s.id === 'call')?.fail?.p).toBe(0.3);
    expect(calibrated.model?.resources[0]?.capacity).toBe(6);
    // The base's own scenarios are what-ifs from here; the file's is not offered again.
    expect(calibrated.model?.scenarios.map((s) => s.id)).toEqual(['more-agents']);
    const further = load(join(dir, 'calibrated.yaml'), { scenario: 'more-agents' });
    expect(further.model?.resources[0]?.capacity).toBe(8);
    expect(further.model?.steps.find((s) => s.id === 'call')?.fail?.p).toBe(0.1);
    // What the file set and the scenario on top does not touch stays as the file set it.
    expect(further.model?.steps.find((s) => s.id === 'pay-invoice')?.duration).toEqual(
      calibrated.model?.steps.find((s) => s.id === 'pay-invoice')?.duration,
    );
    expect(meanOf(further.model?.steps.find((s) => s.id === 'pay-invoice')?.duration as Distribution)).toBe(
      240,
    );
    const unknown = load(join(dir, 'calibrated.yaml'), { scenario: 'fewer-agents' });
    expect(unknown.ok).toBe(false);
    expect(unknown.diagnostics.map((d) => d.code)).toContain('scenario-not-found');
  });
});
