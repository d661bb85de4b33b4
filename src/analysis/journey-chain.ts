/**
 * A model's flow for one segment as an absorbing Markov chain: steps are the transient states,
 * ends the absorbing ones. After a step, the customer fails with the step's failure probability
 * and follows `fail.next`, or else follows `next`. A flagged variant doubles the states to
 * remember one fact along the way (a failure met, some information already given), which is how
 * "at least once" and "again" questions get exact answers.
 */
import type { Model, Step } from '../model/model.js';
import { absorbingIndex, type Chain, prepare, reuseMoves, solve, type Transition } from './markov.js';

export interface JourneyChain {
  segment: string;
  steps: Step[];
  stepIndex: Map<string, number>;
  endIndex: Map<string, number>;
  chain: Chain;
  /** By step index: its moves (movesOf with the chain's queue effect), made once for every reader. */
  moves: Move[][];
  queue?: QueueEffect;
}

/** One move of a customer: from a step, to a step or end, with its probability. */
export interface Move {
  from: Step;
  to: string;
  p: number;
  failure: boolean;
  /** The customer gave up waiting in the step's queue. */
  abandoned?: boolean;
}

/**
 * What the pools' queues do to a customer at a step (from the queueing analysis): the share who
 * give up waiting and where they go, and the seconds spent in the queue and waiting for a closed
 * line to open, per visit.
 */
export interface QueueEffect {
  at(
    step: Step,
    segment: string,
  ): { abandonment: number; to: string; queueWait: number; closedWait: number } | undefined;
}

export function movesOf(step: Step, segment: string, queue?: QueueEffect): Move[] {
  const f = step.fail?.p ?? 0;
  const effect = queue?.at(step, segment);
  const gaveUp = effect?.abandonment ?? 0;
  const served = 1 - gaveUp;
  const moves: Move[] = [];
  if (f < 1)
    for (const b of step.next[segment] ?? [])
      if (b.p > 0) moves.push({ from: step, to: b.to, p: served * (1 - f) * b.p, failure: false });
  if (step.fail && f > 0)
    for (const b of step.fail.next[segment] ?? [])
      if (b.p > 0) moves.push({ from: step, to: b.to, p: served * f * b.p, failure: true });
  if (effect && gaveUp > 0)
    moves.push({ from: step, to: effect.to, p: gaveUp, failure: false, abandoned: true });
  return moves;
}

export function journeyChain(model: Model, segment: string, queue?: QueueEffect): JourneyChain {
  const stepIndex = new Map(model.steps.map((s, i) => [s.id, i]));
  const endIndex = new Map(model.ends.map((e, i) => [e.id, i]));
  const target = (id: string) => stepIndex.get(id) ?? absorbingIndex(endIndex.get(id) ?? 0);
  const transitions: Transition[] = [];
  const moves = model.steps.map((step) => movesOf(step, segment, queue));
  for (const [i, out] of moves.entries())
    for (const m of out) transitions.push({ from: i, to: target(m.to), p: m.p });
  const start = (model.start[segment] ?? [])
    .filter((b) => b.p > 0)
    .map((b) => ({ from: -1, to: target(b.to), p: b.p }));
  return {
    segment,
    steps: model.steps,
    stepIndex,
    endIndex,
    chain: {
      size: model.steps.length,
      absorbing: model.ends.length,
      transitions: reuseMoves(model, `journey:${segment}`, transitions),
      start,
    },
    moves,
    ...(queue ? { queue } : {}),
  };
}

/**
 * The chain with a flag: states 0..n-1 are "not yet", n..2n-1 "already"; ends likewise. A move
 * raises the flag when `raises` says so, and a raised flag stays raised.
 */
export function flaggedChain(jc: JourneyChain, model: Model, raises: (move: Move) => boolean): Chain {
  const n = jc.steps.length;
  const m = model.ends.length;
  const target = (id: string, flagged: boolean) => {
    const s = jc.stepIndex.get(id);
    if (s !== undefined) return flagged ? n + s : s;
    const e = jc.endIndex.get(id) ?? 0;
    return absorbingIndex(flagged ? m + e : e);
  };
  const transitions: Transition[] = [];
  for (const [i, out] of jc.moves.entries()) {
    for (const move of out) {
      transitions.push({ from: i, to: target(move.to, raises(move)), p: move.p });
      transitions.push({ from: n + i, to: target(move.to, true), p: move.p });
    }
  }
  const start = (model.start[jc.segment] ?? [])
    .filter((b) => b.p > 0)
    .map((b) => ({ from: -1, to: target(b.to, false), p: b.p }));
  return { size: 2 * n, absorbing: 2 * m, transitions, start };
}

/** Probability that a customer of the segment visits at least one of `targets` on the way. */
export function hitProbability(jc: JourneyChain, targets: ReadonlySet<string>): number {
  const hit = absorbingIndex(jc.chain.absorbing);
  const isTarget = (to: number) => to >= 0 && targets.has(jc.steps[to]?.id ?? '');
  const redirect = (t: Transition): Transition => (isTarget(t.to) ? { ...t, to: hit } : t);
  const chain: Chain = {
    size: jc.chain.size,
    absorbing: jc.chain.absorbing + 1,
    transitions: jc.chain.transitions.filter((t) => !isTarget(t.from)).map(redirect),
    start: jc.chain.start.map(redirect),
    like: jc.chain.transitions,
  };
  return solve(chain).absorbed[jc.chain.absorbing] ?? 0;
}

/** Where customers end up after the given moves (e.g. the moves that follow a failure). */
export function endsAfter(jc: JourneyChain, moves: Move[]): Float64Array {
  const chances = prepare(jc.chain).endChances();
  const ends = new Float64Array(jc.chain.absorbing);
  for (const move of moves) {
    const step = jc.stepIndex.get(move.to);
    if (step === undefined) {
      const end = jc.endIndex.get(move.to) ?? 0;
      ends[end] = (ends[end] ?? 0) + move.p;
    } else
      for (const [e, chance] of chances.entries()) ends[e] = (ends[e] ?? 0) + move.p * (chance[step] ?? 0);
  }
  return ends;
}

/** Probability that a customer who leaves `stepId` comes back to it before the journey ends. */
export function returnProbability(jc: JourneyChain, stepId: string): number {
  const index = jc.stepIndex.get(stepId) as number;
  const back = absorbingIndex(jc.chain.absorbing);
  const redirect = (t: Transition): Transition => (t.to === index ? { ...t, to: back } : t);
  const leaving = jc.chain.transitions.filter((t) => t.from === index);
  const total = leaving.reduce((sum, t) => sum + t.p, 0) || 1;
  const chain: Chain = {
    size: jc.chain.size,
    absorbing: jc.chain.absorbing + 1,
    transitions: jc.chain.transitions.filter((t) => t.from !== index).map(redirect),
    start: leaving.map((t) => redirect({ ...t, from: -1, p: t.p / total })),
    like: jc.chain.transitions,
  };
  return solve(chain).absorbed[jc.chain.absorbing] ?? 0;
}
