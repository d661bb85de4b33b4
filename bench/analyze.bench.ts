/** How long the exact analysis takes: the departments example, and generated models of 300 and 2,000 steps. */
import { bench, describe } from 'vitest';
import { stringify } from 'yaml';
import { analyze, load, parse } from '../src/index.js';
import { randomModel } from '../src/testing/random-model.js';

const example = load(new URL('../examples/order-departments.yaml', import.meta.url).pathname).model;
const m300 = parse(stringify(randomModel({ steps: 300, seed: 5 })), { file: 'g.yaml' }).model;
const m2000 = parse(stringify(randomModel({ steps: 2000, seed: 5, segments: 1 })), { file: 'g.yaml' }).model;
if (!example || !m300 || !m2000) throw new Error('the bench models must be valid');

describe('analyze (metrics and every finding)', () => {
  bench('examples/order-departments.yaml', () => void analyze(example), { iterations: 10, time: 0 });
  bench('generated, 300 steps, 2 segments', () => void analyze(m300), { iterations: 3, time: 0 });
  bench('generated, 2,000 steps, 1 segment (sparse solver)', () => void analyze(m2000), {
    iterations: 1,
    time: 0,
  });
});
