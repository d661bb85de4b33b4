/**
 * A discovered step's ways on, from the moves its customers made: the share of each next step
 * (or end) per segment, and a fail point where the data shows repeats (the step directly followed
 * by itself). One failure rate serves all segments (a model's fail point has one `p`), the share
 * of repeats over all the step's moves; each segment's flows are then set so that its customers
 * still repeat, and go on, in the shares observed for them: the moves the model makes are the
 * moves the log shows.
 */
import type { Branch } from '../model/model.js';
import { rounded } from './flow-estimate.js';

/** Moves to each target (a step or an end id). */
export type Targets = Map<string, number>;

export interface DiscoveredFlows {
  /** Per group (a segment id, or `default` for the segments with too few moves of their own). */
  next: Map<string, Branch[]>;
  fail?: { p: number; next: Map<string, Branch[]> };
}

const sum = (t: Targets) => [...t.values()].reduce((s, n) => s + n, 0);

/** Decimals a file writes probabilities with, unless the ways on are too many for them. */
const DECIMALS = 4;
/** Enough for a way on among a trillion. */
const MOST_DECIMALS = 12;

/**
 * Probabilities as the file writes them: four decimals summing to 1, and a move the log shows
 * never rounded away (it keeps the least probability, 0.0001, taken from the largest way on).
 * More than ten thousand ways on (a log whose customers each start with an activity of their
 * own) cannot each keep 0.0001 and sum to 1: they get as many more decimals as they need, where
 * the least probabilities taken from the largest once made it negative and the model invalid.
 */
function branches(shares: Map<string, number>, decimals = DECIMALS): Branch[] {
  const least = Number(`1e-${decimals}`);
  const list = rounded(
    [...shares].filter(([, p]) => p > 0).map(([to, p]) => ({ to, p })),
    decimals,
  );
  const raised = list.filter((b) => b.p < least);
  const largest = list.reduce((best, b) => (b.p > best.p ? b : best), list[0] as Branch);
  if (raised.length > 0 && largest.p - raised.length * least < least && decimals < MOST_DECIMALS)
    return branches(shares, decimals + 1);
  for (const b of raised) b.p = least;
  if (raised.length > 0) largest.p = Number((largest.p - raised.length * least).toFixed(decimals));
  return list;
}

/** Decimals of the failure rate, as the file writes it. */
const FAIL_DECIMALS = 4;

/**
 * A group's share of repeats, taken as the failure rate f where the two differ by no more than
 * f's rounding: the difference is f's own rounding (all of it when the group is everyone), not
 * a move, and kept it came back as a stray way on (the step to itself at 0.0001 beside its fail
 * point, or a fail point's way on to every other step at 0.0001 each).
 */
function repeatShare(repeats: number, moves: number, f: number): number {
  const r = repeats / moves;
  return Math.abs(r - f) <= 0.5 * 10 ** -FAIL_DECIMALS ? f : r;
}

/**
 * Per group, the flows of `step` from its observed moves (self-repeats included): `groups` maps
 * each group to its counts; the failure rate f is the share of repeats over all groups. A group
 * that repeats with share r >= f fails to itself and repeats the rest ((r - f) / (1 - f)) as a
 * normal way on; one with r < f fails to itself with r / f and otherwise goes on as it normally
 * does, so that f * r / f = r.
 */
export function discoveredFlows(
  step: string,
  groups: Map<string, Targets>,
  /** The step's moves over all customers, when the groups overlap (a pooled `default`). */
  everyone?: Targets,
): DiscoveredFlows {
  const counted = everyone ? [everyone] : [...groups.values()];
  const all = counted.reduce((s, t) => s + sum(t), 0);
  const repeats = counted.reduce((s, t) => s + (t.get(step) ?? 0), 0);
  const f = all > 0 ? Number((repeats / all).toFixed(FAIL_DECIMALS)) : 0;
  const next = new Map<string, Branch[]>();
  const failNext = new Map<string, Branch[]>();
  for (const [g, counts] of groups) {
    const n = sum(counts);
    const r = repeatShare(counts.get(step) ?? 0, n, f);
    const onward = new Map([...counts].filter(([to]) => to !== step).map(([to, c]) => [to, c / n]));
    if (f <= 0 || f >= 1) {
      next.set(g, branches(new Map([...counts].map(([to, c]) => [to, c / n]))));
      continue;
    }
    if (r >= f) {
      const shares = new Map([...onward].map(([to, q]) => [to, q / (1 - f)]));
      if (r > f) shares.set(step, (r - f) / (1 - f));
      next.set(g, branches(shares));
      failNext.set(g, [{ to: step, p: 1 }]);
    } else {
      const goOn = new Map([...onward].map(([to, q]) => [to, q / (1 - r)]));
      next.set(g, branches(goOn));
      const failing = new Map([...goOn].map(([to, q]) => [to, (1 - r / f) * q]));
      failing.set(step, r / f);
      failNext.set(g, branches(failing));
    }
  }
  return { next, ...(f > 0 && f < 1 ? { fail: { p: f, next: failNext } } : {}) };
}
