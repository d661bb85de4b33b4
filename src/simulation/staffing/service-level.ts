/**
 * The service level of a stationary queue, P(an arrival is answered within t), and the fewest
 * agents that reach a target. Without patience it is Erlang C's closed form,
 * 1 - C(c, a) exp(-(c mu - lambda) t). With exponential patience (Erlang A, M/M/c+M) an arrival who
 * finds k people queued ahead is answered when k + 1 places have cleared before it gives up, from
 * the stationary queue an arrival sees (PASTA): the analysis's own figure, one class of it
 * (stationary.ts, answered-within.ts).
 */
import { stationaryQueue } from '../../queueing/stationary.js';
import { erlangC } from '../stats.js';

/** The share of arrivals answered within `t` seconds; rates per second, theta = 0 for no abandonment. */
export function serviceLevel(lambda: number, mu: number, c: number, theta: number, t: number): number {
  if (lambda <= 0) return 1;
  if (c <= 0) return 0;
  const a = lambda / mu;
  if (theta <= 0) return a >= c ? 0 : 1 - erlangC(c, a) * Math.exp(-(c * mu - lambda) * t);
  return Math.min(1, stationaryQueue(c, mu, [{ rate: lambda, theta }], t).classes[0]?.answeredWithin ?? 0);
}

export interface AgentsNeeded {
  agents: number;
  /** The service level the formula expects with that many. */
  serviceLevel: number;
}

/**
 * The fewest agents whose service level reaches `share` within `within` seconds. A service level
 * never falls as agents are added, so they are found by halving [0, most]: in about 17 levels at
 * 80,000 Erlangs, where counting up from half the load took 13 s an hour of the week.
 */
export function fewestAgents(
  lambda: number,
  mu: number,
  theta: number,
  target: { share: number; within: number },
): AgentsNeeded {
  if (lambda <= 0) return { agents: 0, serviceLevel: 1 };
  const a = lambda / mu;
  // Far more than any target needs: a + 10 sqrt(a) + 20 answers nearly everyone at once.
  const most = Math.ceil(a + 10 * Math.sqrt(a) + 20);
  // A target of 100% is reached only in the limit: within a part in a billion counts.
  const goal = Math.min(target.share, 1 - 1e-9);
  const level = (c: number) => serviceLevel(lambda, mu, c, theta, target.within);
  // With no agent no one is answered; `most` is taken when even it falls short.
  let short = 0;
  let enough = most;
  while (enough - short > 1) {
    const middle = Math.floor((short + enough) / 2);
    if (level(middle) >= goal) enough = middle;
    else short = middle;
  }
  return { agents: enough, serviceLevel: level(enough) };
}
