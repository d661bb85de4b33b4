/**
 * The service level of a stationary queue, P(an arrival is answered within t), and the fewest
 * agents that reach a target. Without patience it is Erlang C's closed form,
 * 1 - C(c, a) exp(-(c mu - lambda) t). With exponential patience (Erlang A, M/M/c+M) an arrival who
 * finds k people queued ahead is answered when k + 1 places have cleared before it gives up; the
 * share answered in time is the mass that reaches service by t in that small chain, started from
 * the stationary queue an arrival sees (PASTA) and solved by uniformization.
 */
import { birthDeath, mostJumps, queueAhead } from '../../queueing/birth-death.js';
import { erlangC } from '../stats.js';

/** The share of arrivals answered within `t` seconds; rates per second, theta = 0 for no abandonment. */
export function serviceLevel(lambda: number, mu: number, c: number, theta: number, t: number): number {
  if (lambda <= 0) return 1;
  if (c <= 0) return 0;
  const a = lambda / mu;
  if (theta <= 0) return a >= c ? 0 : 1 - erlangC(c, a) * Math.exp(-(c * mu - lambda) * t);
  const lengths = birthDeath(c, mu, lambda, theta);
  let immediate = 0;
  for (let i = 0; i < lengths.p.length && lengths.from + i < c; i++) immediate += lengths.p[i] as number;
  // q[k]: probability that the tagged arrival has k people ahead in the queue.
  const { start, ahead } = queueAhead(lengths, c);
  const K = Math.max(1, start + ahead.length);
  const rate = c * mu + K * theta + theta;
  const lt = rate * t;
  const terms = mostJumps(rate, t);
  // With more ahead than the clock makes jumps by t, no one waiting is answered in time.
  if (start > terms) return Math.min(1, immediate);
  let q = new Float64Array(K);
  q.set(ahead, start);
  let next = new Float64Array(K);
  // Uniformization: after m jumps of the rate-`rate` clock, `served` is the mass answered; the
  // Poisson weights of m turn that into the probability by time t. The weights are built in log
  // space, as e^-lt underflows for long targets.
  let answered = 0;
  let served = 0;
  let logWeight = -lt;
  for (let m = 0; m <= terms; m++) {
    if (m > 0) logWeight += Math.log(lt / m);
    // P(answered by t) = sum over m of P(m jumps by t) x P(answered within m jumps).
    answered += Math.exp(logWeight) * served;
    next.fill(0);
    let gained = 0;
    for (let k = 0; k < K; k++) {
      const mass = q[k] as number;
      if (mass === 0) continue;
      const clears = c * mu + k * theta;
      if (k === 0) gained += (mass * clears) / rate;
      else next[k - 1] = (next[k - 1] as number) + (mass * clears) / rate;
      // The tagged arrival gives up at theta; what is left is a self-loop of the uniformized clock.
      next[k] = (next[k] as number) + (mass * (rate - clears - theta)) / rate;
    }
    served += gained;
    const done = q;
    q = next;
    next = done;
  }
  return Math.min(1, immediate + answered);
}

export interface AgentsNeeded {
  agents: number;
  /** The service level the formula expects with that many. */
  serviceLevel: number;
}

/** The fewest agents whose service level reaches `share` within `within` seconds. */
export function fewestAgents(
  lambda: number,
  mu: number,
  theta: number,
  target: { share: number; within: number },
): AgentsNeeded {
  if (lambda <= 0) return { agents: 0, serviceLevel: 1 };
  const a = lambda / mu;
  let c = Math.max(1, theta > 0 ? Math.floor(a * 0.5) : Math.floor(a) + 1);
  // Far more than any target needs: a + 10 sqrt(a) + 20 answers nearly everyone at once.
  const most = Math.ceil(a + 10 * Math.sqrt(a) + 20);
  // A target of 100% is reached only in the limit: within a part in a billion counts.
  const goal = Math.min(target.share, 1 - 1e-9);
  for (; c < most; c++) {
    const level = serviceLevel(lambda, mu, c, theta, target.within);
    if (level >= goal) return { agents: c, serviceLevel: level };
  }
  return { agents: most, serviceLevel: serviceLevel(lambda, mu, most, theta, target.within) };
}
