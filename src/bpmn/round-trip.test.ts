import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parse } from '../model/load.js';
import type { Flow, Model, Step } from '../model/model.js';
import { EXAMPLES, examplesAndScenarios } from '../testing/example-models.js';
import { exportBpmn } from './export.js';
import { importBpmn } from './import.js';

const cases = examplesAndScenarios();

/** A flow as comparable data: per segment, each target's probability to 9 places. */
const flowOf = (flow: Flow, segments: string[]) =>
  Object.fromEntries(
    segments.map((seg) => [
      seg,
      Object.fromEntries(
        (flow[seg] ?? [])
          .map((b) => [b.to, Math.round(b.p * 1e9) / 1e9] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    ]),
  );

const stepOf = (s: Step, segments: string[]) => ({
  name: s.name,
  stage: s.stage,
  channel: s.channel,
  role: s.role,
  system: s.system,
  pool: s.pool,
  duration: s.duration,
  next: flowOf(s.next, segments),
  fail: s.fail && { p: s.fail.p, next: flowOf(s.fail.next, segments) },
  wait: s.wait?.duration,
  backstage: s.backstage.map((a) => ({ id: a.id, name: a.name, department: a.department, role: a.role })),
});

describe('an export read back without the model it carries', () => {
  it.each(cases)('%s keeps the journey field by field', async (_name, model) => {
    const result = await importBpmn(await exportBpmn(model, '0.0.0'), { ignoreEmbedded: true });
    expect(result.error?.message).toBeUndefined();
    expect(result.embedded).toBe(false);
    const loaded = parse(stringify(result.model), { file: join(EXAMPLES, 'imported.yaml') });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const back = loaded.model as Model;
    const segments = model.segments.map((s) => s.id);
    expect(back.segments.map((s) => [s.id, s.name, Math.round(s.share * 1e9) / 1e9])).toEqual(
      model.segments.map((s) => [s.id, s.name, Math.round(s.share * 1e9) / 1e9]),
    );
    // In the order the diagram shows them, left to right: the same steps.
    expect(back.steps.map((s) => s.id).sort()).toEqual(model.steps.map((s) => s.id).sort());
    for (const step of model.steps) {
      const twin = back.steps.find((s) => s.id === step.id) as Step;
      expect(stepOf(twin, segments), step.id).toEqual(stepOf(step, segments));
    }
    expect(flowOf(back.start, segments)).toEqual(flowOf(model.start, segments));
    const ends = (m: Model) => m.ends.map((e) => [e.id, e.name, e.outcome]).sort();
    expect(ends(back)).toEqual(ends(model));
    const org = (m: Model) =>
      m.organization.departments.map((d) => ({
        id: d.id,
        name: d.name,
        roles: d.roles.map((r) => [r.id, r.name]),
      }));
    expect(org(back)).toEqual(org(model));
    const used = new Set(model.steps.flatMap((s) => (s.channel ? [s.channel] : [])));
    expect(back.channels.filter((c) => used.has(c.id)).map((c) => [c.id, c.name])).toEqual(
      model.channels.filter((c) => used.has(c.id)).map((c) => [c.id, c.name]),
    );
  });
});

describe('an export read back with the model it carries', () => {
  it.each(cases)(
    '%s gives the model shown, nothing reported changed, no scenario applied twice',
    async (_n, model) => {
      const result = await importBpmn(await exportBpmn(model, '0.0.0'));
      expect(result.embedded).toBe(true);
      expect(result.warnings).toEqual([]);
      const loaded = parse(stringify(result.model), { file: join(EXAMPLES, 'imported.yaml') });
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const back = loaded.model as Model;
      expect(back.steps.map((s) => s.id)).toEqual(model.steps.map((s) => s.id));
      expect(back.scenarios.map((s) => s.id)).toEqual(
        model.scenarios.filter((s) => s.id !== model.scenario?.id).map((s) => s.id),
      );
    },
  );
});
