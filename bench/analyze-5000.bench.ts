/**
 * `linesight analyze` on generated models of 1,000 to 10,000 steps (two segments, loops back to
 * any earlier step, skips ahead, fail points, pools, backstage work): the target is under a second
 * for 5,000 steps the way the CLI runs it, file read, validation and text report included, and a
 * time near-linear in the model's size. Run with `npm run bench`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { stringify } from 'yaml';
import { analyze } from '../src/analysis/analyze.js';
import { writeAnalysis } from '../src/analysis/report/write.js';
import { load } from '../src/index.js';
import { randomModel } from '../src/testing/random-model.js';

const dir = mkdtempSync(join(tmpdir(), 'linesight-analyze-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = new Map(
  [1000, 2000, 5000, 10000].map((steps) => {
    const file = join(dir, `generated-${steps}.yaml`);
    writeFileSync(file, stringify(randomModel({ steps, seed: 5 })));
    return [steps, file];
  }),
);
const modelOf = (file: string) => {
  const model = load(file, { tolerate: ['no-path-to-end'] }).model;
  if (!model) throw new Error(`${file} must be valid`);
  return model;
};

describe('analyze a generated model as the CLI does (read, validate, analyse, text report)', () => {
  bench(
    '5,000 steps',
    async () => {
      const model = modelOf(files.get(5000) as string);
      await writeAnalysis(model, analyze(model), 'text', 20);
    },
    { iterations: 5, time: 0 },
  );
});

describe('analyze alone (metrics and every finding), by model size', () => {
  for (const [steps, file] of files) {
    const model = modelOf(file);
    // A copy each time: factors are kept per model object, and this measures a first analysis.
    bench(`${steps.toLocaleString('en')} steps`, () => void analyze({ ...model }), {
      iterations: 3,
      time: 0,
    });
  }
});
