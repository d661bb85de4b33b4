/**
 * The flow after a step: its branches (probabilities that sum to 1), its fail point and its
 * wait point. Each is checked here, then written with `set`.
 */
import { isNode } from 'yaml';
import { clip } from '../clip.js';
import type { Applied, Branch, EditPath, SetBranchesEdit, SetFailEdit, SetWaitEdit } from './edit.js';
import { EditError } from './error.js';
import { flowTargets, requireId } from './ids.js';
import { locate, parseText } from './locate.js';
import { setIn } from './set.js';

/** Rounding in a UI's sliders should not make 0.3 + 0.7 fail. */
const TOLERANCE = 1e-9;

const isProbability = (p: number) => Number.isFinite(p) && p >= 0 && p <= 1;

function checkBranches(branches: readonly Branch[], path: EditPath): void {
  if (branches.length === 0)
    throw new EditError('a flow needs at least one branch', path, 'add {to: STEP-OR-END}');
  const bad = branches.find((b) => b.p !== undefined && !isProbability(b.p));
  if (bad)
    throw new EditError(
      `the branch to '${clip(bad.to)}' has p = ${bad.p}`,
      path,
      'a probability lies between 0 and 1',
    );
  const open = branches.filter((b) => b.p === undefined);
  const sum = branches.reduce((total, b) => total + (b.p ?? 0), 0);
  const shown = branches.map((b) => `${b.to} ${b.p ?? 'rest'}`).join(', ');
  if (open.length > 1) {
    throw new EditError(
      `${open.length} branches have no p (${shown})`,
      path,
      'at most one branch may take the rest',
    );
  }
  if (open.length === 0 ? Math.abs(sum - 1) > TOLERANCE : sum > 1 + TOLERANCE) {
    const fix =
      open.length === 0 ? `change them so they sum to 1 (now ${+sum.toFixed(6)})` : 'the others exceed 1';
    throw new EditError(`the probabilities ${shown} do not sum to 1`, path, fix);
  }
  const targets = branches.map((b) => b.to);
  const twice = targets.find((t, i) => targets.indexOf(t) !== i);
  if (twice) throw new EditError(`two branches lead to '${clip(twice)}'`, path, 'merge them into one');
}

/** One branch with nothing to say but its target is written as the bare id. */
function flowValue(branches: readonly Branch[]): unknown {
  const [only] = branches;
  if (only && branches.length === 1 && (only.p === undefined || only.p === 1) && only.label === undefined)
    return only.to;
  return branches.map((b) => ({ ...b }));
}

export function setBranches(text: string, edit: SetBranchesEdit): Applied {
  const doc = parseText(text);
  const step = { id: edit.step };
  const path: EditPath = edit.on === 'fail' ? ['steps', step, 'fail', 'next'] : ['steps', step, 'next'];
  checkBranches(edit.branches, path);
  for (const branch of edit.branches) requireId(doc, ['step', 'end'], branch.to, [...path, 'to']);
  const value = flowValue(edit.branches);
  if (edit.segment === undefined) return setIn(text, { kind: 'set', path, value }, doc);
  // `default` is the flow of the segments the map does not name.
  if (edit.segment !== 'default') requireId(doc, ['segment'], edit.segment, [...path, edit.segment]);
  const place = locate(doc, path);
  const old = place.in === 'map' ? place.pair?.value : undefined;
  const current: unknown = isNode(old) ? old.toJSON() : undefined;
  if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
    return setIn(text, { kind: 'set', path: [...path, edit.segment], value }, doc);
  }
  // One flow for all segments becomes a map: this segment's branches, the old flow for the rest.
  return setIn(text, { kind: 'set', path, value: { [edit.segment]: value, default: current } }, doc);
}

export function setFail(text: string, edit: SetFailEdit): Applied {
  const path: EditPath = ['steps', { id: edit.step }, 'fail'];
  if (edit.fail !== undefined) {
    if (!isProbability(edit.fail.p))
      throw new EditError(`fail p = ${edit.fail.p}`, path, 'a probability lies between 0 and 1');
    if (edit.fail.next === undefined)
      throw new EditError('a fail point needs next', path, 'say what follows a failure');
    const doc = parseText(text);
    for (const target of flowTargets(edit.fail.next)) {
      if (target !== edit.step) requireId(doc, ['step', 'end'], target, [...path, 'next']);
    }
  }
  return setIn(text, { kind: 'set', path, value: edit.fail });
}

export function setWait(text: string, edit: SetWaitEdit): Applied {
  return setIn(text, { kind: 'set', path: ['steps', { id: edit.step }, 'wait'], value: edit.wait });
}
