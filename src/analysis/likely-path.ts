/**
 * The most likely path of a segment: the one path from a start to an end, through at least one
 * step, that a customer of the segment follows with the highest probability. A move's
 * probability is the Markov chain's: the `next` branch weighted by 1 - fail.p plus the fail
 * branch to the same place weighted by fail.p, so a path takes a step's fail branch where that
 * makes it more likely. Every probability is at most 1, so a loop never makes a path more likely
 * and the best path is simple: Dijkstra on -log p finds it exactly.
 */
import type { Model } from '../model/model.js';
import { movesOf } from './journey-chain.js';

/** One move along a path, from a step to a step or an end. */
export interface PathLink {
  from: string;
  to: string;
  /** Probability of this move for the segment: next and fail branches to `to` together. */
  p: number;
  /** The part of `p` that goes through the step's failure. */
  failure: number;
}

export interface JourneyPath {
  segment: string;
  /** Step ids, in the order the customer meets them. */
  steps: string[];
  /** The end the path reaches, when it reaches one. */
  end?: string;
  /** The start branch's probability, when the path begins at a start. */
  start?: number;
  /** The moves between the steps and, with an end, into it. */
  links: PathLink[];
  /** Probability that a customer of the segment follows exactly this path, start to end. */
  p: number;
}

/** Where a segment's customers go from each step: one link per target, in the order the model writes them. */
export function linksFrom(model: Model, segment: string): Map<string, PathLink[]> {
  const links = new Map<string, PathLink[]>();
  for (const step of model.steps) {
    const byTarget = new Map<string, PathLink>();
    for (const move of movesOf(step, segment)) {
      const link = byTarget.get(move.to) ?? { from: step.id, to: move.to, p: 0, failure: 0 };
      link.p += move.p;
      if (move.failure) link.failure += move.p;
      byTarget.set(move.to, link);
    }
    links.set(step.id, [...byTarget.values()]);
  }
  return links;
}

/** Distances within this (in -log p) are ties: the same product computed in another order. */
const TIE = 1e-12;

/**
 * The segment's most likely path, or undefined when no step leads to an end; with `into`, the
 * most likely of the paths that end at one of those ends. Ties go to the step settled first
 * (the nearer the start, then the earlier in the model) and, between ends reached from one
 * step, to the end the model lists first.
 */
export function mostLikelyPath(
  model: Model,
  segment: string,
  into?: ReadonlySet<string>,
): JourneyPath | undefined {
  const n = model.steps.length;
  const index = new Map(model.steps.map((s, i) => [s.id, i]));
  const links = linksFrom(model, segment);
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const previous = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  for (const branch of model.start[segment] ?? []) {
    const i = index.get(branch.to);
    if (i === undefined || branch.p <= 0) continue;
    const d = -Math.log(branch.p);
    if (d < (distance[i] ?? 0) - TIE) distance[i] = d;
  }
  const ends = new Map(model.ends.map((e, i) => [e.id, i]));
  let best: { end: number; from: number; distance: number } | undefined;
  for (;;) {
    const i = nearest(distance, done);
    if (i < 0) break;
    done[i] = 1;
    const d = distance[i] ?? 0;
    for (const link of links.get(model.steps[i]?.id ?? '') ?? []) {
      const through = d - Math.log(link.p);
      const end = ends.get(link.to);
      if (end !== undefined && into && !into.has(link.to)) continue;
      if (end !== undefined) {
        if (
          !best ||
          through < best.distance - TIE ||
          (through <= best.distance + TIE && end < best.end && i === best.from)
        )
          best = { end, from: i, distance: through };
        continue;
      }
      const j = index.get(link.to);
      if (j === undefined || done[j]) continue;
      if (through < (distance[j] ?? 0) - TIE) {
        distance[j] = through;
        previous[j] = i;
      }
    }
  }
  if (!best) return undefined;
  const steps: string[] = [];
  for (let i = best.from; i >= 0; i = previous[i] ?? -1) steps.unshift(model.steps[i]?.id ?? '');
  return pathThrough(model, segment, steps, model.ends[best.end]?.id);
}

/** The unsettled state nearest the start; ties to the earliest in the model. -1 when none is left. */
function nearest(distance: Float64Array, done: Uint8Array): number {
  let found = -1;
  for (let i = 0; i < distance.length; i++) {
    if (done[i] || distance[i] === Number.POSITIVE_INFINITY) continue;
    if (found < 0 || (distance[i] ?? 0) < (distance[found] ?? 0) - TIE) found = i;
  }
  return found;
}

/**
 * A path through the given steps (and into `end`), with its links and probability; undefined
 * when a step does not lead to the next. The probability counts the start branch only when the
 * first step is a start, and is the path's own (start to end) only when it has both.
 */
export function pathThrough(
  model: Model,
  segment: string,
  steps: readonly string[],
  end?: string,
): JourneyPath | undefined {
  const links = linksFrom(model, segment);
  const targets = end === undefined ? steps.slice(1) : [...steps.slice(1), end];
  const path: PathLink[] = [];
  for (const [i, to] of targets.entries()) {
    const link = (links.get(steps[i] ?? '') ?? []).find((l) => l.to === to);
    if (!link) return undefined;
    path.push(link);
  }
  const start = (model.start[segment] ?? [])
    .filter((b) => b.to === steps[0])
    .reduce((sum, b) => sum + b.p, 0);
  const p = path.reduce((product, link) => product * link.p, start > 0 ? start : 1);
  return {
    segment,
    steps: [...steps],
    ...(end !== undefined ? { end } : {}),
    ...(start > 0 ? { start } : {}),
    links: path,
    p,
  };
}

/**
 * The happy path of a segment: its most likely path into a successful end (an order received,
 * not an abandonment), or its most likely path into any end when no success is within reach. A
 * journey map and a focus on the happy path show what a persona does when things go right,
 * not the two steps before the most common way out.
 */
export function happyPath(model: Model, segment: string): JourneyPath | undefined {
  const success = new Set(model.ends.filter((e) => e.outcome === 'success').map((e) => e.id));
  return (
    (success.size > 0 ? mostLikelyPath(model, segment, success) : undefined) ?? mostLikelyPath(model, segment)
  );
}
