import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../load.js';
import { applyEdits } from '../apply.js';
import { addStepAfter } from './canvas.js';
import { type ModelData, readModel } from './model-data.js';
import { nameEdits } from './name-edits.js';
import { addStage } from './stages.js';

const starter = readFileSync(new URL('../../../../templates/journey.yaml', import.meta.url), 'utf8');
const data = (text: string) => readModel(text) as ModelData;

/** The starter with two steps added after `call` (new-step, then new-step-2). */
function withNewSteps(): string {
  let text = starter;
  for (let i = 0; i < 2; i++) {
    const plan = addStepAfter(data(text), 'call');
    if ('refusal' in plan) throw new Error(plan.refusal);
    text = applyEdits(text, plan.edits).text;
  }
  return text;
}

function named(text: string, id: string, typed: string, options?: { keepId?: boolean }) {
  const plan = nameEdits(data(text), id, typed, options);
  if (!plan) throw new Error(`no element ${id}`);
  return { id: plan.id, text: applyEdits(text, plan.edits).text };
}

describe('a name typed for an element', () => {
  it('gives a new step the id of its first name, and every flow to it follows', () => {
    const before = withNewSteps();
    expect(data(before).steps.map((s) => s.id)).toContain('new-step-2');
    const after = named(before, 'new-step-2', '  Checks the order ');
    expect(after.id).toBe('checks-the-order');
    const step = data(after.text).steps.find((s) => s.id === 'checks-the-order');
    expect(step?.name).toBe('Checks the order');
    expect(after.text).not.toMatch(/\bnew-step-2\b/);
    // What led to new-step-2 leads to the renamed step; the model still reads without an error.
    expect(data(before).steps.filter((s) => JSON.stringify(s.next).includes('"new-step-2"')).length).toBe(1);
    expect(
      data(after.text).steps.filter((s) => JSON.stringify(s.next).includes('"checks-the-order"')).length,
    ).toBe(1);
    const read = parse(after.text);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps an id made from a name a person gave: other files may name it', () => {
    const first = named(withNewSteps(), 'new-step', 'Checks the order');
    const again = named(first.text, 'checks-the-order', 'Verifies the order');
    expect(again.id).toBe('checks-the-order');
    expect(data(again.text).steps.find((s) => s.id === 'checks-the-order')?.name).toBe('Verifies the order');
    // The starter's own steps keep theirs.
    expect(named(starter, 'call', 'Phones the shop').id).toBe('call');
  });

  it('takes an id no other element has, and keeps the placeholder id while a scenario is recorded', () => {
    const text = withNewSteps();
    // "Call" is taken by the step `call`: the new step gets call-2.
    expect(named(text, 'new-step', 'Call').id).toBe('call-2');
    expect(named(text, 'new-step', 'Checks the order', { keepId: true }).id).toBe('new-step');
    // An emptied name removes the name and keeps the id (the diagnostics ask for one).
    expect(named(text, 'new-step', '   ').id).toBe('new-step');
  });

  it('gives a new stage the id of its first name', () => {
    const add = addStage(data(starter), 'order');
    const text = applyEdits(starter, [add]).text;
    const stage = data(text).stages.find((s) => s.name === 'New stage');
    expect(stage?.id).toBe('new-stage');
    expect(named(text, 'new-stage', 'After the sale').id).toBe('after-the-sale');
  });
});
