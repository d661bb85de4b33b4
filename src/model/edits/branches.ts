/**
 * A step's flow as the editors show it: one list of branches per segment (or one for everyone),
 * and the arithmetic that keeps each list's probabilities summing to 1 while one is changed.
 */
import type { Branch } from './edit.js';

/** The branches of one flow: for `segment`, or for every segment when it is undefined. */
export interface SegmentFlow {
  segment?: string;
  branches: Branch[];
}

const isBranch = (v: unknown): v is Branch =>
  typeof v === 'object' && v !== null && typeof (v as Branch).to === 'string';

function branchesOf(value: unknown): Branch[] {
  if (typeof value === 'string') return [{ to: value }];
  if (Array.isArray(value))
    return value.filter(isBranch).map((b) => ({
      to: b.to,
      ...(typeof b.p === 'number' ? { p: b.p } : {}),
      ...(typeof b.label === 'string' ? { label: b.label } : {}),
    }));
  return [];
}

/** A step's `next` (or `fail.next`) as written: an id, a list, or lists by segment. */
export function readFlow(next: unknown): SegmentFlow[] {
  if (typeof next === 'string' || Array.isArray(next)) return [{ branches: branchesOf(next) }];
  if (typeof next !== 'object' || next === null) return [];
  return Object.entries(next).map(([segment, value]) => ({ segment, branches: branchesOf(value) }));
}

/** Each branch's probability, the one without `p` taking the rest. */
export function sharesOf(branches: readonly Branch[]): number[] {
  const given = branches.reduce((sum, b) => sum + (b.p ?? 0), 0);
  const open = branches.filter((b) => b.p === undefined).length;
  return branches.map((b) => b.p ?? (open ? Math.max(0, 1 - given) / open : 0));
}

/** Probabilities are set in steps of 1/10,000: what a person types, and sums that stay exact. */
const UNITS = 10_000;

/**
 * Sets branch `index` to `p` and scales the others so that all sum to 1 again (equally when the
 * others had nothing); every branch gets an explicit `p`. The others' parts are whole steps: each
 * its exact part rounded down, then the steps still unplaced one each to the largest remainders
 * (Hamilton's method), so the sum is exactly 1 and none is below 0. (Giving the whole rounding
 * error to the last branch once left 1.0001 when that branch had nothing to give.)
 */
export function rebalance(branches: readonly Branch[], index: number, p: number): Branch[] {
  const target = Math.round(Math.min(1, Math.max(0, p)) * UNITS);
  if (branches.length < 2) return branches.map((b) => ({ ...b, p: target / UNITS }));
  const shares = sharesOf(branches);
  const others = shares.reduce((sum, s, i) => (i === index ? sum : sum + s), 0);
  const left = UNITS - target;
  const exact = shares.map((s, i) =>
    i === index ? target : others > 0 ? (s / others) * left : left / (branches.length - 1),
  );
  const steps = exact.map((x, i) => (i === index ? target : Math.floor(x)));
  let unplaced = UNITS - steps.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .filter(({ i }) => i !== index)
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (unplaced <= 0) break;
    steps[i] = (steps[i] as number) + 1;
    unplaced--;
  }
  return branches.map((b, i) => ({ ...b, p: (steps[i] as number) / UNITS }));
}

/** Adds a branch to `to` with probability `p`, taking it from the others in proportion. */
export function addBranch(branches: readonly Branch[], to: string, p: number): Branch[] {
  if (branches.length === 0) return [{ to }];
  return rebalance([...branches, { to, p: 0 }], branches.length, p);
}

/** Removes branch `index`; the others share its probability in proportion. */
export function removeBranch(branches: readonly Branch[], index: number): Branch[] {
  const rest = branches.filter((_, i) => i !== index);
  if (rest.length <= 1) return rest.map((b) => ({ to: b.to, ...(b.label ? { label: b.label } : {}) }));
  const shares = sharesOf(branches).filter((_, i) => i !== index);
  const total = shares.reduce((a, b) => a + b, 0);
  const first = total > 0 ? (shares[0] as number) / total : 1 / rest.length;
  return rebalance(
    rest.map((b, i) => ({ ...b, p: shares[i] })),
    0,
    first,
  );
}
