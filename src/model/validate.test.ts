/**
 * Every class of bad input gets a diagnostic at the right file, line and column, with a hint,
 * and all problems in a file are reported at once.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.js';
import { fixture, positionOf } from './fixtures/locate.js';
import { checkFile, load, parse } from './load.js';

const errorsOf = (name: string) => {
  const result = load(fixture(name));
  expect(result.ok).toBe(false);
  expect(result.model).toBeUndefined();
  return result.diagnostics.filter((d) => d.severity === 'error');
};

function expectAt(diagnostic: Diagnostic | undefined, name: string, needle: string, at = needle) {
  expect(diagnostic, `a diagnostic at ${needle}`).toBeDefined();
  expect(diagnostic?.file).toBe(fixture(name));
  expect({ line: diagnostic?.line, column: diagnostic?.column }).toEqual(positionOf(name, needle, at));
}

describe('a valid model', () => {
  it('loads with no diagnostics and its flows spelled out per segment', () => {
    const result = load(fixture('valid-small.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    const call = result.model?.steps.find((s) => s.id === 'call');
    expect(call?.next.consumer).toEqual([
      { to: 'pay-invoice', p: 0.9 },
      { to: 'gave-up', p: expect.closeTo(0.1, 12) },
    ]);
    expect(call?.next.business).toEqual([{ to: 'pay-invoice', p: 1 }]);
    expect(call?.role).toBe('agent');
    expect(call?.duration).toEqual({ kind: 'exponential', mean: 300 });
    expect(call?.fail).toMatchObject({ p: 0.2, severity: 3 });
    expect(result.model?.resources[0]?.cost).toEqual({ amount: 30, currency: 'EUR' });
  });
});

describe('bad input', () => {
  it('names dangling references with the closest id as a hint', () => {
    const errors = errorsOf('unknown-reference.yaml');
    const department = errors.find((d) => d.message.includes("unknown department 'Biling'"));
    expectAt(department, 'unknown-reference.yaml', 'Biling');
    expect(department?.hint).toBe("did you mean 'billing'?");
    expect(department?.path).toBe('steps[1].backstage[0].department');
    expectAt(
      errors.find((d) => d.message.includes("unknown stage 'payy'")),
      'unknown-reference.yaml',
      'payy',
    );
    const target = errors.find((d) => d.message.includes("'gaveup'"));
    expectAt(target, 'unknown-reference.yaml', 'gaveup');
    expect(target?.hint).toBe("did you mean 'gave-up'?");
  });

  it('reports duplicate ids and where the first one is', () => {
    const errors = errorsOf('duplicate-id.yaml');
    expect(errors.map((d) => d.code)).toEqual(['duplicate-id', 'duplicate-id']);
    expect(errors[0]?.message).toContain("duplicate stage id 'ask'");
    expect(errors[0]?.hint).toContain(
      `duplicate-id.yaml:${positionOf('duplicate-id.yaml', 'ask, name: Ask }').line}:`,
    );
    expect(errors[1]?.message).toContain("duplicate step or end id 'call'");
  });

  it('reports branch probabilities that do not sum to 1, per segment', () => {
    const errors = errorsOf('probabilities.yaml');
    expect(errors).toHaveLength(2);
    expect(errors[0]?.message).toMatch(/segment 'consumer'.*sum to 0\.9, not 1/);
    expect(errors[1]?.message).toMatch(/segment 'business'.*sum to 1\.1, not 1/);
    expectAt(errors[1], 'probabilities.yaml', '[{ to: pay-invoice, p: 0.8 }');
  });

  it('reports unreachable steps', () => {
    const [error] = errorsOf('unreachable.yaml');
    expect(error?.code).toBe('unreachable-step');
    expect(error?.message).toContain("step 'survey'");
    expectAt(error, 'unreachable.yaml', 'id: survey');
  });

  it('reports steps with no path to an end, naming the segments trapped', () => {
    const errors = errorsOf('no-path-to-end.yaml');
    expect(errors.every((d) => d.code === 'no-path-to-end')).toBe(true);
    expect(errors.map((d) => d.message.split(':')[0])).toEqual([
      "step 'call'",
      "step 'pay-invoice'",
      "step 'confirm'",
    ]);
    expect(errors[0]?.message).toContain("segment 'business'");
  });

  it('reports empty stages', () => {
    const [error] = errorsOf('empty-stage.yaml');
    expect(error?.code).toBe('empty-stage');
    expectAt(error, 'empty-stage.yaml', '{ id: return');
  });

  it('reports scenario patches that name nothing, at the patch', () => {
    const errors = errorsOf('scenario-target.yaml');
    const missing = errors.filter((d) => d.code === 'scenario-target-missing');
    expect(missing).toHaveLength(2);
    expectAt(missing[0], 'scenario-target.yaml', 'steps.cal.fail.p');
    expect(missing[0]?.hint).toBe("did you mean 'call'?");
    const misspelt = errors.find((d) => d.code === 'unknown-field');
    expectAt(misspelt, 'scenario-target.yaml', 'capacty', 'value: 9');
    expect(misspelt?.message).toContain("scenario 'more-agents'");
    expect(misspelt?.hint).toBe("did you mean 'capacity'?");
  });

  it('reports an invalid value a scenario writes at the patch, not at the base model', () => {
    const [error] = errorsOf('scenario-invalid.yaml');
    expect(error?.message).toContain("scenario 'more-agents'");
    expectAt(error, 'scenario-invalid.yaml', 'value: 1.5', '1.5');
  });

  it('reports unit and range errors with the way to write them', () => {
    const errors = errorsOf('units.yaml');
    const byPath = Object.fromEntries(errors.map((d) => [d.path, d]));
    expect(byPath['steps[0].duration']?.message).toContain('the duration 5 has no unit');
    expect(byPath['resources[0].cost']?.message).toContain('"30 EUR" is not a cost per time unit');
    expect(byPath['steps[0].fail.p']?.message).toContain('outside [0, 1]');
    expect(byPath['steps[1].effort']?.message).toContain('must be at most 5');
    expect(byPath['steps[1].backstage[0].duration']?.message).toContain('unknown time unit "minuts"');
    expect(errors).toHaveLength(5);
    for (const error of errors) expect(error.hint).toBeTruthy();
  });

  it("names YAML's .nan and .inf as the file writes them, and an id in another script as one", () => {
    const text = [
      'linesight: 1',
      'id: a',
      'name: A',
      'arrivals: { rate: .inf }',
      'stages: [ { id: g, name: G } ]',
      'steps:',
      '  - { id: s, name: S, stage: g, effort: .nan, duration: 1 min, next: [ { to: e, p: .nan } ] }',
      '  - { id: שלב, name: שלב, stage: g, duration: 1 min, next: e }',
      'ends: [ { id: e, name: E, outcome: success } ]',
      'start: s',
    ].join('\n');
    const byPath = Object.fromEntries(
      parse(text, { file: 'x.yaml' }).diagnostics.map((d) => [d.path, d.message]),
    );
    expect(byPath['arrivals.rate']).toBe('the rate .inf is not a finite number');
    expect(byPath['steps[0].effort']).toBe("step 's': 'effort' must be a number, not .nan (not a number)");
    expect(byPath['steps[0].next[0].p']).toBe("step 's': the probability .nan is not a finite number");
    expect(byPath['steps[1].id']).toBe(
      'step \'שלב\': "שלב" is not a valid id: use the letters a-z and A-Z, digits, "-" and "_", starting with a letter or "_" (names may be in any script, ids not)',
    );
  });

  it('reports unknown fields with the closest field name', () => {
    const errors = errorsOf('unknown-field.yaml');
    expect(errors.map((d) => [d.message, d.hint])).toEqual([
      ["unknown field 'curency'", "did you mean 'currency'?"],
      ["step 'pay-invoice': unknown field 'duraton'", "did you mean 'duration'?"],
    ]);
    expectAt(errors[1], 'unknown-field.yaml', 'duraton');
  });

  it('reports missing required fields', () => {
    const errors = errorsOf('missing-field.yaml');
    expect(errors.map((d) => d.message)).toEqual([
      "missing required field 'start'",
      "step 'pay-invoice': missing required field 'name'",
    ]);
  });

  it('reports flows that name an unknown segment or leave one out', () => {
    const errors = errorsOf('segment-flow.yaml');
    expect(errors.map((d) => d.code).sort()).toEqual(['missing-segment-flow', 'unknown-segment']);
    expect(errors.find((d) => d.code === 'unknown-segment')?.hint).toContain("did you mean 'business'?");
  });

  it('reports import cycles at the import that closes them', () => {
    const [error] = errorsOf('import-cycle.yaml');
    expect(error?.code).toBe('import-cycle');
    expect(error?.message).toMatch(
      /import-cycle-a\.yaml -> .*import-cycle-b\.yaml -> .*import-cycle-a\.yaml/,
    );
    expectAt(error, 'import-cycle-b.yaml', 'import-cycle-a.yaml');
  });

  it('points into an imported part for a mistake made there, and names a missing import', () => {
    const errors = errorsOf('imports-bad-part.yaml');
    expectAt(
      errors.find((d) => d.code === 'unknown-field'),
      'bad-part.yaml',
      'colour',
    );
    expectAt(
      errors.find((d) => d.code === 'import-not-found'),
      'imports-bad-part.yaml',
      'missing-part.yaml',
    );
  });

  it('explains a YAML syntax error, an empty file, a file of comments and a binary file', () => {
    const syntax = errorsOf('yaml-syntax.yaml');
    expect(syntax[0]?.code).toBe('yaml-syntax');
    expect(syntax[0]?.line).toBeGreaterThan(0);
    expect(syntax[0]?.hint).toBeTruthy();
    expect(errorsOf('empty.yaml')).toMatchObject([
      { code: 'empty-file', hint: expect.stringContaining('linesight init') },
    ]);
    expect(errorsOf('comments-only.yaml')).toMatchObject([{ code: 'empty-file' }]);
    expect(errorsOf('binary.yaml')).toMatchObject([
      { code: 'binary-file', message: expect.stringContaining('not a text file') },
    ]);
    expect(errorsOf('no-such-file.yaml')).toMatchObject([{ code: 'file-not-found' }]);
  });
});

describe('imports', () => {
  it('merges a shared part and a scenario file into the model', () => {
    const result = load(fixture('imports-part.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.stages.map((s) => s.id)).toEqual(['pay', 'ask']);
    expect(result.model?.organization.departments.map((d) => d.id)).toEqual(['billing']);
    expect(result.model?.scenarios.map((s) => s.id)).toEqual(['slower-booking']);
  });

  it('checks a part alone as valid, and says that a part is no model to load', () => {
    const checked = checkFile(fixture('shared-org.yaml'));
    expect(checked).toMatchObject({ ok: true, diagnostics: [] });
    expect(checked.model).toBeUndefined();
    const loaded = load(fixture('shared-org.yaml'));
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        code: 'not-a-model',
        severity: 'error',
        line: 1,
        column: 1,
        message: expect.stringContaining('shared-org.yaml is a part (kind: part)'),
        hint: expect.stringContaining('import it from a model'),
      }),
    ]);
  });
});
