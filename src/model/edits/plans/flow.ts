/**
 * The plans of the web app's probability editor, usable by the CLI and the API too: a step's flow
 * (or its fail point's) as per-segment branch lists, each changed so that its probabilities still
 * sum to 1, and written with one `set-branches` edit for the segment concerned.
 */
import { addBranch, rebalance, removeBranch, type SegmentFlow, sharesOf } from '../branches.js';
import type { Branch, SetBranchesEdit } from '../edit.js';

export type FlowOn = 'next' | 'fail';

/** A probability as the editor shows it: a percentage with at most one decimal. */
export const percent = (p: number): number => Math.round(p * 1000) / 10;

/** The edit that writes `branches` as this segment's flow (or the whole flow). */
export function writeFlow(step: string, on: FlowOn, flow: SegmentFlow, branches: Branch[]): SetBranchesEdit {
  return {
    kind: 'set-branches',
    step,
    ...(flow.segment !== undefined ? { segment: flow.segment } : {}),
    ...(on === 'fail' ? { on } : {}),
    branches,
  };
}

/** Branch `index` now leads to `to`; probabilities unchanged. */
export const retarget = (branches: readonly Branch[], index: number, to: string): Branch[] =>
  branches.map((b, i) => (i === index ? { ...b, to } : b));

/** Branch `index` now has `pct` percent; the others share the rest in proportion. */
export const reshare = (branches: readonly Branch[], index: number, pct: number): Branch[] =>
  rebalance(branches, index, pct / 100);

/**
 * The targets in the order a new branch tries them: the steps after `step` in `steps:`, the
 * ends, then the steps before it (a way back is the rarer choice).
 */
export function targetsAfter(targets: readonly string[], step: string): string[] {
  const at = targets.indexOf(step);
  return at < 0 ? [...targets] : [...targets.slice(at + 1), ...targets.slice(0, at + 1)];
}

/**
 * A new branch to the first target the flow does not lead to yet, with an equal share
 * (half of a single branch, a third next to two...); undefined when every target is taken.
 */
export function withBranch(branches: readonly Branch[], targets: readonly string[]): Branch[] | undefined {
  const to = targets.find((t) => !branches.some((b) => b.to === t));
  if (to === undefined) return undefined;
  return addBranch(branches, to, 1 / (branches.length + 1));
}

/** Without branch `index`; its share goes to the others. The last branch cannot go. */
export const withoutBranch = (branches: readonly Branch[], index: number): Branch[] | undefined =>
  branches.length > 1 ? removeBranch(branches, index) : undefined;

/** Each branch's share as shown, the branch without `p` taking the rest. */
export const sharesShown = (branches: readonly Branch[]): number[] => sharesOf(branches).map(percent);
