/**
 * The plans of the web app's canvas actions: what each does to the model, as the library's model
 * edits. Plain functions over the model's data, so the canvas only hands their result to `doc.edit`
 * (one undo step each), and the CLI and the API can make the same changes.
 * A plan says which element to select afterwards; a refusal says why nothing can be done.
 */
import { addBranch, readFlow, type SegmentFlow, sharesOf } from '../branches.js';
import type { Branch, Edit, EditPath } from '../edit.js';
import { elementOf } from './element.js';
import { allIds, type Item, type ModelData, newId } from './model-data.js';
import { nameEdits } from './name-edits.js';
import { NEW_STEP_NAME } from './steps.js';

export type Plan = { edits: Edit[]; select: string } | { refusal: string };

/** The share a new branch takes from the others: enough to see, little enough to be a side path. */
export const NEW_BRANCH_SHARE = 0.3;

const stepOf = (data: ModelData, id: string) => data.steps.find((s) => s.id === id);
const nameOf = (item: Item) => (typeof item.name === 'string' && item.name) || item.id;

/** The first place a step leads to other than itself: where its flow goes on when it is gone. */
export function firstTarget(step: Item): string | undefined {
  const targets = readFlow(step.next).flatMap((f) => f.branches.map((b) => b.to));
  return targets.find((to) => to !== step.id);
}

/** One branch without a probability is written as the bare id, as set-branches writes it. */
const flowValue = (branches: readonly Branch[]): unknown =>
  branches.length === 1 && branches[0]?.p === undefined && branches[0]?.label === undefined
    ? branches[0]?.to
    : branches.map((b) => ({ ...b }));

/**
 * The edit that writes one flow of a step. A segment's list goes through set-branches (which checks
 * that the segment exists); `default`, the list for the other segments, is set by path.
 */
function flowEdit(
  data: ModelData,
  step: string,
  flow: SegmentFlow,
  branches: Branch[],
  on: 'next' | 'fail',
): Edit {
  const { segment } = flow;
  if (segment === undefined || data.segments.some((s) => s.id === segment))
    return { kind: 'set-branches', step, branches, ...(segment === undefined ? {} : { segment }), on };
  const path: EditPath =
    on === 'fail' ? ['steps', { id: step }, 'fail', 'next'] : ['steps', { id: step }, 'next'];
  return { kind: 'set', path: [...path, segment], value: flowValue(branches) };
}

function newStep(data: ModelData, from: Item, next: unknown): Item & { id: string } {
  const id = newId(NEW_STEP_NAME, allIds(data));
  return { id, name: NEW_STEP_NAME, stage: from.stage, next } as Item;
}

/** A new step after `id` in the same stage: it takes over the step's flow, and the step leads to it. */
export function addStepAfter(data: ModelData, id: string): Plan {
  const step = stepOf(data, id);
  if (!step) return { refusal: `there is no step '${id}'` };
  if (step.next === undefined) return { refusal: `${nameOf(step)} has no next step to take over` };
  const added = newStep(data, step, step.next);
  return {
    edits: [
      { kind: 'insert-step', after: id, step: added },
      { kind: 'set', path: ['steps', { id }, 'next'], value: added.id },
    ],
    select: added.id,
  };
}

/** Adds a branch to `to` in every flow of the step that lacks one (every segment's). */
function branchTo(data: ModelData, step: Item, to: string): Edit[] {
  const flows = readFlow(step.next);
  if (flows.length === 0) return [{ kind: 'set-branches', step: step.id, branches: [{ to }] }];
  return flows
    .filter((f) => !f.branches.some((b) => b.to === to))
    .map((f) => flowEdit(data, step.id, f, addBranch(f.branches, to, NEW_BRANCH_SHARE), 'next'));
}

/** A new step the step branches to (30%, the others rebalanced); it rejoins the step's first target. */
export function addBranchFrom(data: ModelData, id: string): Plan {
  const step = stepOf(data, id);
  if (!step) return { refusal: `there is no step '${id}'` };
  const rejoin = firstTarget(step);
  if (rejoin === undefined) return { refusal: `${nameOf(step)} leads nowhere a new branch could rejoin` };
  const added = newStep(data, step, rejoin);
  return {
    edits: [{ kind: 'insert-step', after: id, step: added }, ...branchTo(data, step, added.id)],
    select: added.id,
  };
}

/** A branch from step `from` to the step or end `to`, in every segment's flow. */
export function connect(data: ModelData, from: string, to: string): Plan {
  const step = stepOf(data, from);
  if (!step) return { refusal: `there is no step '${from}'` };
  const target = stepOf(data, to) ?? data.ends.find((e) => e.id === to);
  if (!target) return { refusal: 'connect to a step or an end' };
  const edits = branchTo(data, step, to);
  if (edits.length === 0) return { refusal: `${nameOf(step)} already leads to ${nameOf(target)}` };
  return { edits, select: from };
}

/** Branches to `gone` join the branch to `into`: what re-pointing would otherwise write twice. */
function merged(branches: readonly Branch[], gone: string, into: string): Branch[] {
  const shares = sharesOf(branches);
  const goneShare = shares[branches.findIndex((b) => b.to === gone)] ?? 0;
  const kept = branches
    .map((b, i) => ({
      ...b,
      p: Math.round(((shares[i] ?? 0) + (b.to === into ? goneShare : 0)) * 10_000) / 10_000,
    }))
    .filter((b) => b.to !== gone);
  return kept.length === 1 ? kept.map(({ p: _, ...b }) => b) : kept;
}

/** The flows of other steps that lead both to `gone` and to `into`, merged. */
function mergeEdits(data: ModelData, gone: string, into: string): Edit[] {
  const leadsToBoth = (f: SegmentFlow) =>
    f.branches.some((b) => b.to === gone) && f.branches.some((b) => b.to === into);
  return data.steps
    .filter((s) => s.id !== gone)
    .flatMap((s) => {
      const fail = (s.fail as { next?: unknown } | undefined)?.next;
      return [
        ...readFlow(s.next)
          .filter(leadsToBoth)
          .map((f) => flowEdit(data, s.id, f, merged(f.branches, gone, into), 'next')),
        ...readFlow(fail)
          .filter(leadsToBoth)
          .map((f) => flowEdit(data, s.id, f, merged(f.branches, gone, into), 'fail')),
      ];
    });
}

/**
 * Steps whose whole flow is the step being deleted take over its flow, branches and all: deleting
 * a step added after another gives the other its flow back.
 */
function spliceEdits(data: ModelData, gone: Item): Edit[] {
  const targets = readFlow(gone.next).flatMap((f) => f.branches.map((b) => b.to));
  const onlyTo = (s: Item) => {
    const flows = readFlow(s.next);
    return flows.length === 1 && flows[0]?.branches.length === 1 && flows[0].branches[0]?.to === gone.id;
  };
  return data.steps
    .filter((s) => s.id !== gone.id && onlyTo(s) && !targets.includes(s.id) && !targets.includes(gone.id))
    .map((s) => ({ kind: 'set', path: ['steps', { id: s.id }, 'next'], value: gone.next }));
}

/**
 * Deletes the step. A step that led only to it takes over its flow; other references lead to
 * where it went (its first target) instead.
 */
export function deleteStep(data: ModelData, id: string): Plan {
  const step = stepOf(data, id);
  if (!step) return { refusal: `there is no step '${id}'` };
  const repoint = firstTarget(step);
  if (repoint === undefined) return { edits: [{ kind: 'delete-step', id }], select: '' };
  const edits = [...spliceEdits(data, step), ...mergeEdits(data, id, repoint)];
  return { edits: [...edits, { kind: 'delete-step', id, repoint }], select: '' };
}

/** What a box shows of its element, to rename it in place: a touchpoint or evidence box its step's. */
export function shownText(
  data: ModelData,
  ref: string,
  boxKind?: string,
): { path: EditPath; text: string } | undefined {
  const element = elementOf(data, ref);
  if (!element) return undefined;
  const key =
    element.kind === 'step' && (boxKind === 'touchpoint' || boxKind === 'evidence') ? boxKind : 'name';
  const value = element.item[key];
  return { path: [...element.path, key], text: typeof value === 'string' ? value : '' };
}

/**
 * Writes what was typed over a box; an empty touchpoint or evidence is removed, a name is kept. A
 * name given to a new element gives it its id too (nameEdits), and the element stays selected.
 */
export function renameBox(
  data: ModelData,
  ref: string,
  boxKind: string | undefined,
  typed: string,
  options: { keepId?: boolean } = {},
): Plan {
  const shown = shownText(data, ref, boxKind);
  if (!shown) return { refusal: `there is no element '${ref}' to rename` };
  const text = typed.trim();
  const optional = shown.path[shown.path.length - 1] !== 'name';
  if (!text && !optional) return { refusal: 'a name cannot be empty' };
  if (text === shown.text) return { edits: [], select: ref };
  const named = optional ? undefined : nameEdits(data, ref, text, options);
  if (named) return { edits: named.edits, select: named.id };
  return { edits: [{ kind: 'set', path: shown.path, value: text || undefined }], select: ref };
}
