/**
 * A step's flows estimated from the moves customers made after it, telling its failures from its
 * other ways on. The log does not say which visits failed; the moves do where the model sends
 * failures somewhere the normal flow never goes (a repeat of the step, a call): the share of
 * those moves, over the share the failure flow gives them, is the failure rate. The normal flow
 * is what remains once the failures' expected moves are taken out. Where every failure goes where
 * other customers go too, the failure rate cannot be told apart and the model's is kept.
 */

import type { Branch, FailPoint, Flow } from '../model/model.js';
import { plural } from '../text/plural.js';
import { END } from './conformance.js';

export interface FlowEstimate {
  next: Flow;
  fail?: { p: number; next: Flow; nextEstimated: boolean };
  notes: string[];
}

type Counts = Map<string, number>;

const collapse = (branches: Branch[], ends: Set<string>) => {
  const out = new Map<string, number>();
  for (const b of branches) {
    const to = ends.has(b.to) ? END : b.to;
    out.set(to, (out.get(to) ?? 0) + b.p);
  }
  return out;
};

const total = (counts: Counts) => [...counts.values()].reduce((s, n) => s + n, 0);

/**
 * Shares over the model's targets, the journey's end split over the model's ends in the model's
 * proportions (ends the model does not reach get nothing).
 */
function expand(shares: Map<string, number>, model: Branch[], ends: Set<string>): Branch[] {
  const modelEnds = model.filter((b) => ends.has(b.to));
  const endMass = modelEnds.reduce((s, b) => s + b.p, 0);
  const out: Branch[] = [];
  for (const b of model) {
    const p = ends.has(b.to)
      ? endMass > 0
        ? ((shares.get(END) ?? 0) * b.p) / endMass
        : 0
      : (shares.get(b.to) ?? 0);
    out.push({ ...b, p });
  }
  return out;
}

/** Probabilities to four decimals (or `decimals`) that still sum to 1 (the largest takes the rounding). */
export function rounded(branches: Branch[], decimals = 4): Branch[] {
  const sum = branches.reduce((s, b) => s + b.p, 0);
  const out = branches.map((b) => ({ ...b, p: sum > 0 ? Number((b.p / sum).toFixed(decimals)) : b.p }));
  const largest = out.reduce((best, b, i) => (b.p > (out[best]?.p ?? -1) ? i : best), 0);
  const rest = out.reduce((s, b, i) => (i === largest ? s : s + b.p), 0);
  const target = out[largest];
  if (target) target.p = Number((1 - rest).toFixed(decimals));
  return out;
}

export interface FlowEstimateInput {
  stepId: string;
  /** A step's or end's name for the notes people read; the id when it has none. */
  nameOf: (id: string) => string;
  /** Per group (a segment, or '*' for all), the count of moves to each next step or END. */
  observed: Map<string, Counts>;
  /** The model's segments each group stands for. */
  groups: Map<string, string[]>;
  next: Flow;
  fail: FailPoint | undefined;
  ends: Set<string>;
  /** Fewer moves than this in a group keep the model's flow for it. */
  minimum: number;
}

export function estimateFlow(input: FlowEstimateInput): FlowEstimate | { kept: string } {
  const { stepId, nameOf, observed, groups, next, fail, ends, minimum } = input;
  const first = (segments: string[]) => segments[0] as string;
  const normal = new Map([...groups].map(([g, segs]) => [g, collapse(next[first(segs)] ?? [], ends)]));
  const failing = new Map([...groups].map(([g, segs]) => [g, collapse(fail?.next[first(segs)] ?? [], ends)]));
  for (const [g, counts] of observed) {
    const unknown = [...counts.keys()].filter((to) => !normal.get(g)?.has(to) && !failing.get(g)?.has(to));
    if (unknown.length > 0)
      return {
        kept: `customers${g === '*' ? '' : ` of segment '${g}'`} also go to ${unknown.map(nameOf).join(', ')}, which the model does not have`,
      };
  }
  const notes: string[] = [];
  // The failure rate, from the moves only failures make, over all groups together (one rate per step).
  let f = fail?.p ?? 0;
  let failSeparable = false;
  if (fail) {
    let made = 0;
    let expected = 0;
    for (const [g, counts] of observed) {
      const only = [...(failing.get(g) ?? [])].filter(([to]) => !normal.get(g)?.has(to));
      made += only.reduce((s, [to]) => s + (counts.get(to) ?? 0), 0);
      expected += total(counts) * only.reduce((s, [, p]) => s + p, 0);
    }
    if (expected > 0) {
      f = Math.min(0.999, made / expected);
      failSeparable = true;
    } else
      notes.push(`failure rate of '${nameOf(stepId)}' kept: its failures go where other customers go too`);
  }
  const result: Flow = {};
  const failNext: Flow = {};
  let failNextEstimated = Boolean(fail) && failSeparable && f > 0;
  for (const [g, segs] of groups) {
    const counts = observed.get(g) ?? new Map<string, number>();
    const n = total(counts);
    const model = next[first(segs)] ?? [];
    const modelFail = fail?.next[first(segs)] ?? [];
    const failShare = failing.get(g) ?? new Map<string, number>();
    // What remains of each normal way on once the failures' expected share of it is taken out.
    const shares = new Map<string, number>();
    for (const to of normal.get(g)?.keys() ?? []) {
      const q = (counts.get(to) ?? 0) / Math.max(1, n);
      shares.set(to, Math.max(0, q - f * (failShare.get(to) ?? 0)) / (1 - f));
    }
    const normalSeen = [...shares.values()].some((p) => p > 0);
    if (n < minimum || !normalSeen) {
      for (const s of segs) {
        result[s] = model;
        if (fail) failNext[s] = modelFail;
      }
      if (n > 0)
        notes.push(
          `'${nameOf(stepId)}'${g === '*' ? '' : ` for '${g}'`} kept: ${n < minimum ? plural(n, 'observation') : 'no customer took a normal way on'}`,
        );
      failNextEstimated = false;
      continue;
    }
    const overlap = [...failShare.keys()].some((to) => normal.get(g)?.has(to));
    let failBranches = modelFail;
    if (fail && failSeparable && f > 0 && !overlap) {
      const observedFailShares = new Map(
        [...failShare.keys()].map((to) => [to, (counts.get(to) ?? 0) / n / f]),
      );
      failBranches = expand(observedFailShares, modelFail, ends);
    } else if (fail) failNextEstimated = false;
    const branches = expand(shares, model, ends);
    for (const s of segs) {
      result[s] = branches;
      if (fail) failNext[s] = failBranches;
    }
  }
  return {
    next: result,
    ...(fail ? { fail: { p: f, next: failNext, nextEstimated: failNextEstimated } } : {}),
    notes,
  };
}
