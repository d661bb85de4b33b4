/** A model written back to the file format loads as the same model: examples and random models. */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { randomModel } from '../testing/random-model.js';
import { load, parse } from './load.js';
import type { Model } from './model.js';
import { durationText, serializeModel } from './serialize.js';

const roundTrip = (model: Model) => {
  const result = parse(stringify(serializeModel(model)), { file: model.file });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.model as Model;
};

describe('serializeModel', () => {
  it('writes durations in the largest exact unit', () => {
    expect(durationText(300)).toBe('5 min');
    expect(durationText(90)).toBe('90 s');
    expect(durationText(172800)).toBe('2 d');
    expect(durationText(5400)).toBe('90 min');
    expect(durationText(0.25)).toBe('0.25 s');
  });

  it('gives back every example as it loaded', () => {
    const dir = new URL('../../examples/', import.meta.url).pathname;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'competitor.yaml')) {
      const model = load(`${dir}${file}`).model as Model;
      expect(roundTrip(model), file).toEqual(model);
    }
  });

  it('gives back random models as they loaded (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, steps, segments) => {
          const model = parse(stringify(randomModel({ seed, steps, segments })), { file: 'random.yaml' })
            .model as Model;
          expect(roundTrip(model)).toEqual(model);
        },
      ),
      { numRuns: 30 },
    );
  });
});
