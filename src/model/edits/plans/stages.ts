/**
 * The plans of the web app's journey-table stage buttons, usable by the CLI and the API too: add a
 * stage after one, move one, delete an empty one.
 */
import type { Edit } from '../edit.js';
import { allIds, type ModelData, newId } from './model-data.js';

export const NEW_STAGE_NAME = 'New stage';

/** A new stage after `after` (or at the end). */
export function addStage(data: ModelData, after?: string): Edit {
  const stage = { id: newId(NEW_STAGE_NAME, allIds(data)), name: NEW_STAGE_NAME };
  return { kind: 'add-stage', stage, ...(after !== undefined ? { after } : {}) };
}

/** The stage one place left (-1) or right (+1); nothing at either end. */
export function moveStage(data: ModelData, id: string, direction: -1 | 1): Edit[] {
  const index = data.stages.findIndex((s) => s.id === id);
  const neighbour = index < 0 ? undefined : data.stages[index + direction];
  if (!neighbour) return [];
  const anchor = direction < 0 ? { before: neighbour.id } : { after: neighbour.id };
  return [{ kind: 'move-item', path: ['stages', { id }], ...anchor }];
}

/** A stage can be deleted once no step is in it (the steps are moved or deleted first). */
export const canDeleteStage = (data: ModelData, id: string): boolean =>
  !data.steps.some((s) => s.stage === id);

export const deleteStage = (id: string): Edit => ({ kind: 'remove-item', path: ['stages', { id }] });

export const renameStage = (id: string, name: string): Edit => ({
  kind: 'set',
  path: ['stages', { id }, 'name'],
  value: name,
});
