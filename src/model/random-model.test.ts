/** Properties over random valid models: they validate, the same in YAML and JSON, and each kind of break is caught. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { randomModel } from '../testing/random-model.js';
import { parse } from './load.js';

const seeds = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  steps: fc.integer({ min: 1, max: 60 }),
  segments: fc.integer({ min: 1, max: 4 }),
});

type Raw = ReturnType<typeof randomModel> & {
  steps: Record<string, unknown>[];
  organization: { departments: { id: string }[] };
};

describe('random valid models', () => {
  it('validate with no error, and every segment flow sums to 1', () => {
    fc.assert(
      fc.property(seeds, (options) => {
        const result = parse(stringify(randomModel(options)), { file: 'random.yaml' });
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        for (const step of result.model?.steps ?? []) {
          for (const branches of Object.values(step.next)) {
            expect(branches.reduce((sum, b) => sum + b.p, 0)).toBeCloseTo(1, 6);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('read the same from YAML and from JSON', () => {
    fc.assert(
      fc.property(seeds, (options) => {
        const raw = randomModel(options);
        const fromYaml = parse(stringify(raw), { file: 'random.yaml' }).model;
        const fromJson = parse(JSON.stringify(raw), { file: 'random.yaml' }).model;
        expect(fromJson).toEqual(fromYaml);
      }),
      { numRuns: 20 },
    );
  });

  it('fail with unknown-reference when a department they use is gone', () => {
    fc.assert(
      fc.property(seeds, (options) => {
        const raw = randomModel(options) as Raw;
        const used = raw.steps.flatMap((s) =>
          ((s.backstage as { department: string }[] | undefined) ?? []).map((a) => a.department),
        );
        fc.pre(used.length > 0);
        const gone = used[0] as string;
        raw.organization.departments = raw.organization.departments.filter((d) => d.id !== gone);
        const result = parse(stringify(raw), { file: 'random.yaml' });
        const errors = result.diagnostics.filter(
          (d) => d.code === 'unknown-reference' && d.message.includes(`'${gone}'`),
        );
        expect(errors.length).toBeGreaterThan(0);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 30 },
    );
  });

  it('fail with probabilities-sum when a branch probability moves, and duplicate-id when an id repeats', () => {
    fc.assert(
      fc.property(seeds, fc.nat(), (options, pick) => {
        const raw = randomModel({ ...options, steps: Math.max(2, options.steps) }) as Raw;
        const index = pick % raw.steps.length;
        const step = raw.steps[index] as { next: unknown; id: string };
        const list = Array.isArray(step.next)
          ? step.next
          : (step.next as Record<string, { p: number }[]>).default;
        // The generator may write a branch of p 0 (a skip it rolled nothing for): halve one that counts.
        (list?.find((b) => b.p > 0) as { p: number }).p /= 2;
        const other = raw.steps[(index + 1) % raw.steps.length] as { id: string };
        other.id = step.id;
        const codes = new Set(parse(stringify(raw), { file: 'random.yaml' }).diagnostics.map((d) => d.code));
        expect(codes.has('duplicate-id')).toBe(true);
        const moved = parse(
          stringify({
            ...raw,
            steps: raw.steps.map((s, i) =>
              i === (index + 1) % raw.steps.length ? { ...s, id: `${String(s.id)}-x` } : s,
            ),
          }),
          { file: 'random.yaml' },
        );
        expect(moved.diagnostics.map((d) => d.code)).toContain('probabilities-sum');
      }),
      { numRuns: 30 },
    );
  });
});
