/**
 * A journey of thousands of steps lays out as any other: a chain of 8,000 overflowed the call
 * stack in the column plan (`render` and `bpmn export` failed with "internal error").
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { layout } from './render.js';

const STEPS = 8_000;

function chain(n: number): Model {
  const steps = Array.from(
    { length: n },
    (_, i) =>
      `  - { id: s${i}, name: Step ${i}, stage: s, duration: 1 min, next: ${i + 1 < n ? `s${i + 1}` : 'done'} }`,
  );
  const text = `linesight: 1\nname: Long\narrivals: { rate: 10/h }\nstages: [{ id: s, name: S }]\nsteps:\n${steps.join('\n')}\nends: [{ id: done, name: Done, outcome: success }]\nstart: s0\n`;
  const model = parse(text, { file: 'long.yaml' }).model;
  if (!model) throw new Error('the chain must load');
  return model;
}

describe('a journey of 8,000 steps in one stage', () => {
  it('stands each step a column after the one before it', async () => {
    const diagram = await layout(chain(STEPS), { view: 'blueprint' });
    const at = new Map(diagram.boxes.map((b) => [b.id, b.x]));
    const xs = Array.from({ length: STEPS }, (_, i) => at.get(`step:s${i}`));
    expect(xs.every((x) => x !== undefined)).toBe(true);
    expect(xs.every((x, i) => i === 0 || (x as number) > (xs[i - 1] as number))).toBe(true);
  }, 120_000);
});
