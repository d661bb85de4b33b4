/**
 * A flag raised along the way ("met a failure yet", "gave this information already"), solved in
 * two passes instead of on the doubled chain (journey-chain.ts flaggedChain): a raised flag stays
 * raised, so the doubled chain is block triangular, "not yet" before "already", and its "already"
 * half is the journey's own chain. The first pass solves the "not yet" chain (the journey with the
 * raising moves leading out); what those moves carry is where the second pass starts, on the
 * journey's chain, whose factor is already made. One new factor per question instead of a factor
 * of twice the size, and the same answers: the same states are cut as trapped in both.
 */
import type { Model } from '../model/model.js';
import type { JourneyChain, Move } from './journey-chain.js';
import { absorbingIndex, type Chain, prepare, reuseMoves, solve, type Transition } from './markov.js';

/** As solve(flaggedChain(...)) gives them: states and ends "not yet" first, then "already". */
export interface FlaggedSolution {
  visits: Float64Array;
  absorbed: Float64Array;
}

/** `name` tells questions apart, so that asking one again reuses its factor. */
export function solveFlagged(
  jc: JourneyChain,
  model: Model,
  raises: (move: Move) => boolean,
  name: string,
): FlaggedSolution {
  const n = jc.steps.length;
  const m = jc.chain.absorbing;
  const target = (id: string) => jc.stepIndex.get(id) ?? absorbingIndex(jc.endIndex.get(id) ?? 0);
  const trappedAlready = new Uint8Array(n);
  for (const s of prepare(jc.chain).trapped) trappedAlready[s] = 1;
  // A raising move leaves the first pass through an end of its own, unless it leads into a trap:
  // then it leads nowhere, as in the doubled chain, where it cannot help its state get out.
  const raisedEnd = absorbingIndex(m);
  const transitions: Transition[] = [];
  const raising: Transition[] = [];
  for (const [i, out] of jc.moves.entries())
    for (const move of out) {
      const to = target(move.to);
      if (!raises(move)) transitions.push({ from: i, to, p: move.p });
      else {
        raising.push({ from: i, to, p: move.p });
        if (to < 0 || !trappedAlready[to]) transitions.push({ from: i, to: raisedEnd, p: move.p });
      }
    }
  const notYet: Chain = {
    size: n,
    absorbing: m + 1,
    transitions: reuseMoves(model, `not-yet:${jc.segment}:${name}`, transitions),
    start: jc.chain.start,
    // The journey's moves with some led to an end: its factor's pattern holds them all.
    like: jc.chain.transitions,
  };
  const first = solve(notYet);
  const trappedFirst = new Uint8Array(n);
  for (const s of first.trappedStates) trappedFirst[s] = 1;
  const start: Transition[] = [];
  for (const r of raising) {
    const flow = (first.visits[r.from] as number) * r.p;
    if (flow > 0 && !trappedFirst[r.from]) start.push({ from: -1, to: r.to, p: flow });
  }
  const second = solve({ ...jc.chain, start });
  const visits = new Float64Array(2 * n);
  visits.set(first.visits);
  visits.set(second.visits, n);
  const absorbed = new Float64Array(2 * m);
  absorbed.set(first.absorbed.subarray(0, m));
  absorbed.set(second.absorbed, m);
  return { visits, absorbed };
}
