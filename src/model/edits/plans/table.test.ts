/** The table's step and stage buttons on the starter model: the edits they make, and that the result still loads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../load.js';
import { applyEdits } from '../apply.js';
import { type ModelData, readModel } from './model-data.js';
import { stageGroups } from './stage-groups.js';
import { addStage, canDeleteStage, deleteStage, moveStage } from './stages.js';
import { deleteStep, insertStep, moveStep } from './steps.js';

const starter = readFileSync(new URL('../../../../templates/journey.yaml', import.meta.url), 'utf8');
const data = (text: string) => readModel(text) as ModelData;
const columns = (text: string) =>
  stageGroups(data(text)).map((g) => `${g.stage?.id ?? '?'}: ${g.steps.map((s) => s.id).join(' ')}`);
/** The text loads, with no errors but those expected on the way (an empty stage, a step not yet led to). */
const loads = (text: string, ...expected: string[]) => {
  const result = parse(text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  expect(errors).toEqual(expected);
  return text;
};
const step = (text: string, id: string) => data(text).steps.find((s) => s.id === id);

describe('the columns', () => {
  it('are the steps grouped by stage in the order of stages:, unknown stages last', () => {
    expect(columns(starter)).toEqual(['research: browse', 'order: call checkout', 'receive: pack']);
    const lost = starter.replace('stage: receive', 'stage: deliver');
    expect(columns(lost)).toEqual(['research: browse', 'order: call checkout', 'receive: ', '?: pack']);
  });
});

describe('inserting a step', () => {
  it('after a step that leads straight on: wires it in between', () => {
    const edits = insertStep(data(starter), 'order', 'checkout');
    const text = loads(applyEdits(starter, edits).text);
    expect(columns(text)).toContain('order: call checkout new-step');
    expect(step(text, 'checkout')?.next).toBe('new-step');
    expect(step(text, 'new-step')).toEqual({
      id: 'new-step',
      name: 'New step',
      stage: 'order',
      next: 'pack',
    });
  });

  it('after a step that branches: goes on to the step after it, the branches untouched', () => {
    // Nothing leads to it yet: the user adds a branch to it from the step before.
    const text = loads(
      applyEdits(starter, insertStep(data(starter), 'order', 'call')).text,
      'unreachable-step',
    );
    expect(columns(text)).toContain('order: call new-step checkout');
    expect(step(text, 'new-step')?.next).toBe('checkout');
    expect(step(text, 'call')?.next).toEqual(step(starter, 'call')?.next);
  });

  it('at the end of an empty stage: placed after the steps of the stages before it', () => {
    let text = applyEdits(starter, [addStage(data(starter), 'order')]).text;
    text = applyEdits(text, insertStep(data(text), 'new-stage')).text;
    expect(columns(text)).toEqual([
      'research: browse',
      'order: call checkout',
      'new-stage: new-step',
      'receive: pack',
    ]);
    expect(step(text, 'new-step')?.next).toBe('pack');
    expect(data(text).steps.map((s) => s.id)).toEqual(['browse', 'call', 'checkout', 'new-step', 'pack']);
  });

  it('takes a fresh id when "new-step" is taken', () => {
    const once = applyEdits(starter, insertStep(data(starter), 'order')).text;
    const twice = applyEdits(once, insertStep(data(once), 'order')).text;
    expect(columns(twice)).toContain('order: call checkout new-step new-step-2');
  });
});

describe('deleting a step', () => {
  it('points what led to it at its most likely next step', () => {
    expect(deleteStep(data(starter), 'call')).toEqual({ kind: 'delete-step', id: 'call', repoint: 'pack' });
    const text = loads(applyEdits(starter, [deleteStep(data(starter), 'checkout')]).text);
    expect(step(text, 'browse')?.next).toEqual({
      consumer: [
        { to: 'pack', p: 0.6 },
        { to: 'left', p: 0.4 },
      ],
      business: [
        { to: 'call', p: 0.5 },
        { to: 'pack', p: 0.3 },
        { to: 'left', p: 0.2 },
      ],
    });
  });
});

describe('moving a step', () => {
  const moved = (id: string, direction: -1 | 1) =>
    columns(applyEdits(starter, moveStep(data(starter), id, direction)).text);

  it('swaps it with its neighbour within a stage', () => {
    expect(moved('call', 1)).toContain('order: checkout call');
    expect(moved('checkout', -1)).toContain('order: checkout call');
  });

  it('crosses into the neighbouring stage at the edge: its end from the right, its start from the left', () => {
    expect(moved('call', -1)).toEqual(['research: browse call', 'order: checkout', 'receive: pack']);
    expect(moved('checkout', 1)).toEqual(['research: browse', 'order: call', 'receive: checkout pack']);
    expect(moveStep(data(starter), 'call', -1)).toEqual([
      { kind: 'move-step', id: 'call', after: 'browse' },
      { kind: 'set', path: ['steps', { id: 'call' }, 'stage'], value: 'research' },
    ]);
  });

  it('does nothing past the first or the last stage', () => {
    expect(moveStep(data(starter), 'browse', -1)).toEqual([]);
    expect(moveStep(data(starter), 'pack', 1)).toEqual([]);
  });

  it('into an empty stage: only the stage changes', () => {
    const text = applyEdits(starter, [addStage(data(starter), 'order')]).text;
    expect(moveStep(data(text), 'pack', -1)).toEqual([
      { kind: 'set', path: ['steps', { id: 'pack' }, 'stage'], value: 'new-stage' },
    ]);
  });
});

describe('stages', () => {
  it('adds a stage after one, moves it, and deletes it once empty', () => {
    let text = loads(applyEdits(starter, [addStage(data(starter), 'research')]).text, 'empty-stage');
    expect(columns(text)[1]).toBe('new-stage: ');
    text = loads(applyEdits(text, moveStage(data(text), 'new-stage', 1)).text, 'empty-stage');
    expect(data(text).stages.map((s) => s.id)).toEqual(['research', 'order', 'new-stage', 'receive']);
    expect(moveStage(data(text), 'research', -1)).toEqual([]);
    expect(canDeleteStage(data(text), 'new-stage')).toBe(true);
    expect(canDeleteStage(data(text), 'order')).toBe(false);
    text = loads(applyEdits(text, [deleteStage('new-stage')]).text);
    expect(text).toBe(starter);
  });
});
