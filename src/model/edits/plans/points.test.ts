import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../load.js';
import { applyEdits } from '../apply.js';
import { type ModelData, readModel } from './model-data.js';
import { addActivity, addFail, removeActivity, waitEdit } from './points.js';

const starter = readFileSync(new URL('../../../../templates/journey.yaml', import.meta.url), 'utf8');
const data = (text: string) => readModel(text) as ModelData;
const step = (text: string, id: string) => data(text).steps.find((s) => s.id === id);
const errors = (text: string) => parse(text).diagnostics.filter((d) => d.severity === 'error');

describe('a fail point', () => {
  it('starts at 10 % leaving by the first exit', () => {
    const text = applyEdits(starter, [addFail(data(starter), 'checkout')]).text;
    expect(step(text, 'checkout')?.fail).toEqual({ p: 0.1, next: 'left' });
    expect(errors(text)).toEqual([]);
  });
});

describe('a wait point', () => {
  const waited = (edit: ReturnType<typeof waitEdit>) =>
    step(applyEdits(starter, [edit]).text, 'checkout')?.wait;

  it('is a bare duration until it gets a reason', () => {
    expect(waited(waitEdit('checkout', undefined, 'duration', '2 h'))).toBe('2 h');
    expect(waited(waitEdit('checkout', '2 h', 'reason', 'call-back'))).toEqual({
      duration: '2 h',
      reason: 'call-back',
    });
    expect(waited(waitEdit('checkout', '2 h', 'addsValue', true))).toEqual({
      duration: '2 h',
      addsValue: true,
    });
  });

  it('changes one part of a long-form wait on its own line', () => {
    const wait = step(starter, 'pack')?.wait;
    expect(waitEdit('pack', wait, 'reason', 'parcel')).toEqual({
      kind: 'set',
      path: ['steps', { id: 'pack' }, 'wait', 'reason'],
      value: 'parcel',
    });
    expect(waitEdit('pack', wait, 'addsValue', false)).toEqual({
      kind: 'set',
      path: ['steps', { id: 'pack' }, 'wait', 'addsValue'],
      value: undefined,
    });
  });

  it('goes when its duration is emptied', () => {
    expect(waitEdit('pack', step(starter, 'pack')?.wait, 'duration', '')).toEqual({
      kind: 'set-wait',
      step: 'pack',
      wait: undefined,
    });
  });
});

describe('backstage activities', () => {
  it('adds one in the first department, and removes it again', () => {
    const add = addActivity(data(starter), 'checkout');
    expect(add).toEqual({
      kind: 'add-activity',
      step: 'checkout',
      activity: { id: 'new-activity', name: 'New activity', department: 'customer-service' },
    });
    const text = applyEdits(starter, add ? [add] : []).text;
    expect(errors(text)).toEqual([]);
    const removed = applyEdits(text, [removeActivity('checkout', 'new-activity')]).text;
    expect(step(removed, 'checkout')?.backstage ?? []).toEqual([]);
    expect(errors(removed)).toEqual([]);
  });

  it('cannot add one while the organization has no department', () => {
    expect(addActivity({ ...data(starter), departments: [] }, 'checkout')).toBeUndefined();
  });
});
