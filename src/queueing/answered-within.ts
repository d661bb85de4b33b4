/**
 * The share of arrivals to an M/M/c+M queue answered within t, from the queue they find (PASTA):
 * the analysis's figure per period and staffing's service level both come from here.
 *
 * An arrival with j customers ahead is answered when j + 1 places clear (a service ends, or one
 * ahead gives up: at c mu + i theta with i ahead) before its own patience runs out (at `own`). Each
 * stage ends at c mu + i theta + own, by a place clearing with probability (c mu + i theta) over
 * that, whatever its length; so the arrival is answered with the product of those odds, and then
 * within t when the stages' lengths sum to at most t. Exponentials of rates theta (m + i), i = 0..j,
 * with m = (c mu + own) / theta, sum to T with e^(-theta T) ~ Beta(m, j + 1), so P(T <= t) is
 * P(N > j) for N negative-binomial (m, x = 1 - e^(-theta t)). One pass over the states, whatever t
 * (see firstTerm for a queue deeper than STEPWISE): the uniformization this replaces took jumps in
 * proportion to t times the states' number, and an overloaded queue with a service level of an
 * hour ran for minutes.
 */
import { logGammaShift, placesAhead, STEPWISE } from './places-ahead.js';

/**
 * `ahead[i]` is the probability an arrival finds `start + i` customers queued ahead; `noWait`, that it
 * finds a free server; `serve` = c mu, `theta` the patience rate of those ahead, `own` the arrival's.
 */
export function answeredWithin(
  ahead: Float64Array,
  start: number,
  noWait: number,
  serve: number,
  theta: number,
  own: number,
  t: number,
): number {
  if (t <= 0 || ahead.length === 0) return noWait;
  const m = (serve + own) / theta;
  const logX = Math.log(-Math.expm1(-theta * t));
  const first = firstTerm(start, m, theta * t);
  if (first === undefined) return noWait;
  // log P(N = n): m log(1 - x) = -(c mu + own) t at n = 0, kept in logarithms where it underflows.
  let logP = logGammaShift(m, first) - logGammaShift(1, first) + first * logX - (serve + own) * t;
  let atMost = 0;
  let answered = placesAhead(first, serve, theta, own).survive;
  let sum = noWait;
  const last = start + ahead.length - 1;
  for (let j = first; j <= last; j++) {
    if (j > first) logP += logX + Math.log((j - 1 + m) / j);
    atMost += Math.exp(logP);
    const clears = serve + j * theta;
    answered *= clears / (clears + own);
    if (j >= start) sum += (ahead[j - start] as number) * answered * Math.max(0, 1 - atMost);
  }
  return sum;
}

/**
 * Where the sum over the states starts: at 0, or, for a queue more than STEPWISE deep, where the
 * negative binomial's mass begins (its mean less 40 spreads), and never past `start`; undefined
 * when its mass ends (mean plus 40 spreads) before `start`, so that no one waiting is answered
 * within t. Summed from 0, a queue a hundred million deep took that many steps for each class.
 */
function firstTerm(start: number, m: number, thetaT: number): number | undefined {
  if (start <= STEPWISE) return 0;
  const stay = Math.exp(-thetaT);
  // Patience and places clear long before t: every state's mass lies beyond any queue.
  if (!(stay > 0)) return start;
  const x = -Math.expm1(-thetaT);
  const mean = (m * x) / stay;
  const spread = (40 * Math.sqrt(m * x)) / stay + 50;
  if (start - 1 > mean + spread) return undefined;
  return Math.max(0, Math.min(start, Math.floor(mean - spread)));
}
