/**
 * One stationary queue with c servers, exponential service at rate mu, and classes of customers
 * that arrive as Poisson streams and give up at their own exponential patience rate (0: never):
 * M/M/c+M (Erlang A) with patience, M/M/c (Erlang C) without.
 *
 * With several patience rates the queue length is taken from the birth-death chain at the
 * arrival-weighted mean rate; a customer of each class then faces the customers ahead of it
 * leaving at that rate and gives up at its own. With one class this is Erlang A exactly.
 */

import { answeredWithin } from './answered-within.js';
import { birthDeath, queueAhead } from './birth-death.js';
import { placesAhead } from './places-ahead.js';

export interface QueueClass {
  /** Arrivals per second. */
  rate: number;
  /** Patience rate per second (1 / mean patience); 0 waits for ever. */
  theta: number;
}

export interface ClassFigures {
  /** Share of arrivals who find every server busy. */
  waitProbability: number;
  /** Share of arrivals who give up before they are served. */
  abandonment: number;
  /** Mean seconds in the queue per arrival (answered or not); Infinity when overloaded. */
  meanWait: number;
  /** Share of arrivals answered within the service-level time (when one is asked for). */
  answeredWithin: number;
}

export interface QueueFigures {
  /** No patience and the load at or over capacity: the queue grows without bound. */
  overloaded: boolean;
  /** Mean number of busy servers. */
  busy: number;
  classes: ClassFigures[];
}

export function stationaryQueue(
  servers: number,
  mu: number,
  classes: readonly QueueClass[],
  within = 0,
): QueueFigures {
  const lambda = classes.reduce((sum, k) => sum + k.rate, 0);
  if (lambda <= 0) return { overloaded: false, busy: 0, classes: classes.map(() => idle()) };
  const theta = classes.reduce((sum, k) => sum + k.rate * k.theta, 0) / lambda;
  return theta > 0
    ? erlangAClasses(servers, mu, lambda, theta, classes, within)
    : erlangCClasses(servers, mu, lambda, classes, within);
}

const idle = (): ClassFigures => ({ waitProbability: 0, abandonment: 0, meanWait: 0, answeredWithin: 1 });

/** Erlang C in closed form: the wait is exponential at rate c mu - lambda given that one waits. */
function erlangCClasses(
  c: number,
  mu: number,
  lambda: number,
  classes: readonly QueueClass[],
  within: number,
): QueueFigures {
  const a = lambda / mu;
  if (a >= c) {
    const stuck: ClassFigures = {
      waitProbability: 1,
      abandonment: 0,
      meanWait: Number.POSITIVE_INFINITY,
      answeredWithin: 0,
    };
    return { overloaded: true, busy: c, classes: classes.map(() => ({ ...stuck })) };
  }
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const pw = (c * b) / (c - a * (1 - b));
  const drain = c * mu - lambda;
  const figures: ClassFigures = {
    waitProbability: pw,
    abandonment: 0,
    meanWait: pw / drain,
    answeredWithin: 1 - pw * Math.exp(-drain * within),
  };
  return { overloaded: false, busy: a, classes: classes.map(() => ({ ...figures })) };
}

function erlangAClasses(
  c: number,
  mu: number,
  lambda: number,
  theta: number,
  classes: readonly QueueClass[],
  within: number,
): QueueFigures {
  const lengths = birthDeath(c, mu, lambda, theta);
  let busy = 0;
  let waitProbability = 0;
  for (let i = 0; i < lengths.p.length; i++) {
    const n = lengths.from + i;
    busy += Math.min(n, c) * (lengths.p[i] as number);
    if (n >= c) waitProbability += lengths.p[i] as number;
  }
  const { start, ahead } = queueAhead(lengths, c);
  // Summed over an overloaded queue's states, the wait's probability can round past 1.
  const noWait = Math.max(0, 1 - waitProbability);
  const figures = classes.map((k) => {
    // Finding j customers ahead, one is answered when j + 1 departures (service or giving up
    // ahead) come before one's own patience runs out: a product of competing exponentials. Below
    // `start` the queue holds no mass, but the product and the mean run on through those states.
    let { survive, meanTime: meanV } = placesAhead(start, c * mu, theta, k.theta);
    let abandonment = 0;
    let patientWait = 0;
    for (let i = 0; i < ahead.length; i++) {
      const rate = c * mu + (start + i) * theta;
      survive *= rate / (rate + k.theta);
      meanV += 1 / rate;
      abandonment += (ahead[i] as number) * (1 - survive);
      patientWait += (ahead[i] as number) * meanV;
    }
    return {
      waitProbability,
      abandonment,
      meanWait: k.theta > 0 ? abandonment / k.theta : patientWait,
      answeredWithin:
        within > 0 ? answeredWithin(ahead, start, noWait, c * mu, theta, k.theta, within) : noWait,
    };
  });
  return { overloaded: false, busy, classes: figures };
}
