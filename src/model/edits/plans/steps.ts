/**
 * The plans of the web app's journey-table step buttons, usable by the CLI and the API too: insert
 * a step (after a step, or at the end of a stage), delete one without leaving anything pointing at
 * it, and move one a column left or right, into the neighbouring stage at a stage's edge.
 */
import { readFlow } from '../branches.js';
import type { Edit } from '../edit.js';
import { allIds, type Item, type ModelData, newId } from './model-data.js';
import { stageGroups } from './stage-groups.js';

export const NEW_STEP_NAME = 'New step';

/** The one target of a step whose flow is a single id for everyone, else undefined. */
function onlyTarget(step: Item | undefined): string | undefined {
  return typeof step?.next === 'string' ? step.next : undefined;
}

/** The step after `id` in `steps:`, or the first end: where a new step goes on by default. */
function following(data: ModelData, index: number): string | undefined {
  return (data.steps[index + 1]?.id as string | undefined) ?? data.ends[0]?.id;
}

/**
 * Inserts a new step into `stage`, after step `after` or else at the end of the stage. When the
 * step it follows leads straight on to one target, the new step is wired in between (the step
 * now leads to it, and it to that target), so the journey stays one connected flow.
 */
export function insertStep(data: ModelData, stage: string, after?: string): Edit[] {
  const inStage = data.steps.filter((s) => s.stage === stage);
  const before = after !== undefined ? data.steps.find((s) => s.id === after) : inStage.at(-1);
  const id = newId(NEW_STEP_NAME, allIds(data));
  const index = before ? data.steps.indexOf(before) : lastIndexBefore(data, stage);
  const through = onlyTarget(before);
  const next = through ?? following(data, index);
  const anchor =
    before !== undefined
      ? { after: before.id }
      : index >= 0
        ? { after: data.steps[index]?.id as string }
        : data.steps[0]
          ? { before: data.steps[0].id }
          : {};
  const step = { id, name: NEW_STEP_NAME, stage, ...(next !== undefined ? { next } : {}) };
  const edits: Edit[] = [{ kind: 'insert-step', step, ...anchor }];
  if (before && through !== undefined)
    edits.push({ kind: 'set', path: ['steps', { id: before.id }, 'next'], value: id });
  return edits;
}

/** For an empty stage: the index in `steps:` of the last step of the stages before it (or -1). */
function lastIndexBefore(data: ModelData, stage: string): number {
  const order = data.stages.findIndex((s) => s.id === stage);
  const earlier = new Set(data.stages.slice(0, Math.max(0, order)).map((s) => s.id));
  let last = -1;
  data.steps.forEach((s, i) => {
    if (earlier.has(s.stage as string)) last = i;
  });
  return last;
}

/** Where what led to a deleted step goes instead: its most likely next step or end, never itself. */
export function repointTarget(data: ModelData, id: string): string | undefined {
  const step = data.steps.find((s) => s.id === id);
  const flows = readFlow(step?.next);
  const branches = flows.flatMap((f) => f.branches).filter((b) => b.to !== id);
  const best = [...branches].sort((a, b) => (b.p ?? 1) - (a.p ?? 1))[0];
  return best?.to ?? data.ends[0]?.id;
}

export function deleteStep(data: ModelData, id: string): Edit {
  const repoint = repointTarget(data, id);
  return { kind: 'delete-step', id, ...(repoint !== undefined ? { repoint } : {}) };
}

/**
 * Moves a step one column left (-1) or right (+1) as the table shows it: within its stage it
 * swaps with its neighbour; at the stage's edge it joins the neighbouring stage (at its end when
 * moving left, at its start when moving right). Nothing when there is nowhere to go.
 */
export function moveStep(data: ModelData, id: string, direction: -1 | 1): Edit[] {
  const groups = stageGroups(data).filter((g) => g.stage !== undefined);
  const g = groups.findIndex((group) => group.steps.some((s) => s.id === id));
  const group = groups[g];
  if (!group) return [];
  const at = group.steps.findIndex((s) => s.id === id);
  const neighbour = group.steps[at + direction];
  if (neighbour) {
    return [
      { kind: 'move-step', id, ...(direction < 0 ? { before: neighbour.id } : { after: neighbour.id }) },
    ];
  }
  const target = groups[g + direction];
  if (!target?.stage) return [];
  const edge = direction < 0 ? target.steps.at(-1) : target.steps[0];
  const stage: Edit = { kind: 'set', path: ['steps', { id }, 'stage'], value: target.stage.id };
  if (!edge) return [stage];
  return [{ kind: 'move-step', id, ...(direction < 0 ? { after: edge.id } : { before: edge.id }) }, stage];
}
