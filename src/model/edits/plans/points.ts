/**
 * The plans of the web app's compound step fields, usable by the CLI and the API too: a step's fail
 * point, its wait point and its backstage activities. A wait written as a bare duration stays one
 * until it gets a reason or adds value.
 */
import type { Edit, EditPath } from '../edit.js';
import { allIds, type Item, type ModelData, newId } from './model-data.js';

/** A text field emptied removes its key rather than writing an empty string. */
export const orNone = (value: unknown): unknown => (value === '' ? undefined : value);

export const setAt = (path: EditPath, value: unknown): Edit => ({ kind: 'set', path, value: orNone(value) });

/** Where a failing customer goes by default: the first end they leave by, else the first end. */
export function failTarget(data: ModelData, step: string): string {
  return (data.ends.find((e) => e.outcome === 'exit') ?? data.ends[0])?.id ?? step;
}

/** A new fail point: one customer in ten, leaving by the exit. */
export const addFail = (data: ModelData, step: string): Edit => ({
  kind: 'set-fail',
  step,
  fail: { p: 0.1, next: failTarget(data, step) },
});

export const removeFail = (step: string): Edit => ({ kind: 'set-fail', step, fail: undefined });

export type WaitKey = 'duration' | 'reason' | 'addsValue';

/** The wait as written, as its three parts. */
export function waitParts(wait: unknown): { duration?: unknown; reason?: string; addsValue: boolean } {
  if (wait !== null && typeof wait === 'object' && !Array.isArray(wait)) {
    const w = wait as Record<string, unknown>;
    return {
      duration: w.duration,
      reason: typeof w.reason === 'string' ? w.reason : undefined,
      addsValue: w.addsValue === true,
    };
  }
  return { duration: wait, addsValue: false };
}

/** The edit that sets one part of a step's wait point. No duration: no wait point. */
export function waitEdit(step: string, wait: unknown, key: WaitKey, value: unknown): Edit {
  const v = orNone(key === 'addsValue' && value === false ? undefined : value);
  if (key === 'duration' && v === undefined) return { kind: 'set-wait', step, wait: undefined };
  if (wait !== null && typeof wait === 'object') return setAt(['steps', { id: step }, 'wait', key], v);
  if (key === 'duration') return { kind: 'set-wait', step, wait: v };
  // A bare duration becomes the long form once it has more to say.
  return { kind: 'set-wait', step, wait: v === undefined ? wait : { duration: wait, [key]: v } };
}

export const NEW_ACTIVITY_NAME = 'New activity';

/** A new backstage activity in the first department; undefined while there is none. */
export function addActivity(data: ModelData, step: string): Edit | undefined {
  const department = data.departments[0]?.id;
  if (department === undefined) return undefined;
  const id = newId(NEW_ACTIVITY_NAME, allIds(data));
  return { kind: 'add-activity', step, activity: { id, name: NEW_ACTIVITY_NAME, department } };
}

export const removeActivity = (step: string, activity: string): Edit => ({
  kind: 'remove-item',
  path: ['steps', { id: step }, 'backstage', { id: activity }],
});

/** The step's backstage activities as written. */
export const activitiesOf = (step: Item): Item[] =>
  Array.isArray(step.backstage)
    ? step.backstage.filter((a): a is Item => typeof a === 'object' && a !== null && typeof a.id === 'string')
    : [];
