/**
 * The stationary distribution of the number in an M/M/c+M system (theta > 0), over the states that
 * carry its mass: the analysis and staffing both start from it.
 *
 * The distribution is unimodal: the ratio of one state's probability to the one below,
 * lambda / (min(n, c) mu + max(n - c, 0) theta), falls as n grows. So it is built outward from the
 * mode, each way until a state holds less than CUT of the mode's probability; what lies beyond
 * falls off faster than geometrically and is lost to rounding. Built from n = 0 instead, an
 * overloaded queue's states all counted: lambda / theta of them (66,700 at a million calls an
 * hour to two agents with four minutes' patience), and the analysis, which solves each period's
 * queue in every round of its fixed point, hung on such a model. Around the mode the mass spans
 * some 20 sqrt(lambda / theta) states.
 */

/** P(N = from + i) is p[i]; every state outside holds less than CUT of the most likely one's mass. */
export interface QueueLengths {
  from: number;
  p: Float64Array;
}

/**
 * Relative to the mode's mass. The tail beyond is at most CUT / (1 - r) of it, r the last ratio
 * taken, 1 - r about sqrt(80 theta / lambda) at the cut: 1e-16 of it for a mode a million states out.
 */
const CUT = 1e-18;

export function birthDeath(c: number, mu: number, lambda: number, theta: number): QueueLengths {
  const ratio = (n: number) => lambda / (Math.min(n, c) * mu + Math.max(n - c, 0) * theta);
  const offered = lambda / mu;
  const mode = offered <= c ? Math.floor(offered) : c + Math.floor((lambda - c * mu) / theta);
  const above: number[] = [];
  for (let n = mode + 1, v = 1; ; n++) {
    v *= ratio(n);
    if (v < CUT) break;
    above.push(v);
  }
  const below: number[] = [];
  for (let n = mode, v = 1; n > 0; n--) {
    v /= ratio(n);
    if (v < CUT) break;
    below.push(v);
  }
  const p = new Float64Array(below.length + 1 + above.length);
  below.reverse();
  p.set(below);
  p[below.length] = 1;
  p.set(above, below.length + 1);
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p[i] as number;
  for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) / total;
  return { from: mode - below.length, p };
}

/** The states from c on (c + j for j >= start), as an arrival finds the queue: j customers ahead of it. */
export function queueAhead(lengths: QueueLengths, c: number): { start: number; ahead: Float64Array } {
  const { from, p } = lengths;
  return { start: Math.max(0, from - c), ahead: p.subarray(Math.min(p.length, Math.max(0, c - from))) };
}
