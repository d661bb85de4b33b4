/**
 * How long validation takes on generated models: the target is under a second for 5,000 steps,
 * parse (YAML) and every check included. Run with `npm run bench`.
 */
import { bench, describe } from 'vitest';
import { stringify } from 'yaml';
import { load, parse } from '../src/index.js';
import { randomModel } from '../src/testing/random-model.js';

const texts = new Map([500, 5000].map((steps) => [steps, stringify(randomModel({ steps, seed: 7 }))]));
const json5000 = JSON.stringify(randomModel({ steps: 5000, seed: 7 }));

describe('validate a generated model (parse + shape + meaning)', () => {
  for (const [steps, text] of texts) {
    bench(`${steps} steps, YAML (${(text.length / 2 ** 20).toFixed(1)} MiB)`, () => {
      const result = parse(text, { file: 'generated.yaml' });
      if (!result.ok) throw new Error('the generated model must be valid');
    });
  }
  bench('5000 steps, JSON', () => {
    if (!parse(json5000, { file: 'generated.json' }).ok) throw new Error('the generated model must be valid');
  });
});

describe('load an example with its scenarios checked', () => {
  bench('examples/order-departments.yaml', () => {
    if (!load(new URL('../examples/order-departments.yaml', import.meta.url).pathname).ok)
      throw new Error('the example must be valid');
  });
});
