/**
 * A pool's week by the stationary independent period-by-period method (SIPP): the week is cut
 * into periods in which the staffing and every arrival stream are constant, each period is its
 * own stationary queue, and the week's figures are the periods' averaged by their arrivals.
 * Callers who find the line closed come back after it opens (closed-line.ts).
 */
import { WEEK_MINUTES } from '../model/week.js';
import { deferClosedArrivals } from './closed-line.js';
import { stationaryQueue } from './stationary.js';

export interface WeeklyClass {
  /** Arrivals per second in each minute of the week. */
  rate: Float64Array;
  /** Patience rate per second; 0 waits for ever. */
  theta: number;
}

export interface WeeklyQueue {
  /** Servers on shift in each minute of the week. */
  capacity: Int32Array;
  /** Service rate per server, per second. */
  mu: number;
  /** Each customer is served by one owner: c single-server queues sharing the load. */
  dedicated: boolean;
  classes: WeeklyClass[];
  /** Seconds of the service-level target (0: none). */
  within: number;
}

export interface WeeklyClassFigures {
  arrivals: number;
  waitProbability: number;
  abandonment: number;
  /** Seconds in the queue per arrival; Infinity when some period is overloaded. */
  meanWait: number;
  answeredWithin: number;
  /** Seconds waiting for a closed line to open, per arrival. */
  closedWait: number;
}

export interface WeeklyFigures {
  /** Arrivals a week. */
  arrivals: number;
  /** Mean offered load over the week, in Erlangs (busy servers if no one gave up). */
  offered: number;
  /** Busy server-time over server-time on shift; null with no one ever on shift. */
  utilisation: number | null;
  waitProbability: number;
  abandonment: number;
  meanWait: number;
  answeredWithin: number;
  closedWait: number;
  classes: WeeklyClassFigures[];
  /** Periods, as [from, to) minutes of the week, where the queue grows without bound. */
  overloaded: [number, number][];
  /** Arrivals come but no one is ever on shift. */
  neverStaffed: boolean;
  periods: number;
}

export function weeklyQueue(q: WeeklyQueue): WeeklyFigures {
  const { rates, closedWait } = deferClosedArrivals(q);
  const K = q.classes.length;
  const arrivals = new Float64Array(K);
  const sums = {
    waitProbability: new Float64Array(K),
    abandonment: new Float64Array(K),
    meanWait: new Float64Array(K),
    answeredWithin: new Float64Array(K),
  };
  let busy = 0;
  let available = 0;
  let offered = 0;
  let periods = 0;
  const overloaded: [number, number][] = [];
  for (const [from, to] of constantPeriods(q.capacity, rates)) {
    periods++;
    const seconds = (to - from) * 60;
    const servers = q.capacity[from] as number;
    const streams = q.classes.map((k, i) => ({ rate: rates[i]?.[from] as number, theta: k.theta }));
    const lambda = streams.reduce((sum, s) => sum + s.rate, 0);
    offered += (lambda / q.mu) * seconds;
    available += servers * seconds;
    if (lambda <= 0 || servers === 0) continue;
    const copies = q.dedicated ? servers : 1;
    const figures = stationaryQueue(
      q.dedicated ? 1 : servers,
      q.mu,
      streams.map((s) => ({ ...s, rate: s.rate / copies })),
      q.within,
    );
    busy += figures.busy * copies * seconds;
    if (figures.overloaded) {
      const lastPeriod = overloaded[overloaded.length - 1];
      if (lastPeriod && lastPeriod[1] === from) lastPeriod[1] = to;
      else overloaded.push([from, to]);
    }
    for (const [i, s] of streams.entries()) {
      const n = s.rate * seconds;
      const f = figures.classes[i];
      if (n <= 0 || !f) continue;
      arrivals[i] = (arrivals[i] as number) + n;
      for (const key of ['waitProbability', 'abandonment', 'meanWait', 'answeredWithin'] as const)
        sums[key][i] = (sums[key][i] as number) + n * f[key];
    }
  }
  const total = arrivals.reduce((a, b) => a + b, 0);
  const mean = (v: Float64Array) => (total > 0 ? v.reduce((a, b) => a + b, 0) / total : 0);
  const closedTotal = closedWait.reduce((a, b) => a + b, 0);
  const neverStaffed = total === 0 && closedTotal > 0;
  const week = WEEK_MINUTES * 60;
  return {
    arrivals: total,
    offered: offered / week,
    utilisation: available > 0 ? busy / available : null,
    waitProbability: mean(sums.waitProbability),
    abandonment: mean(sums.abandonment),
    meanWait: neverStaffed ? Number.POSITIVE_INFINITY : mean(sums.meanWait),
    answeredWithin: mean(sums.answeredWithin),
    closedWait: total > 0 ? closedTotal / total : neverStaffed ? Number.POSITIVE_INFINITY : 0,
    classes: q.classes.map((_, i) => {
      const n = arrivals[i] as number;
      const per = (v: Float64Array) => (n > 0 ? (v[i] as number) / n : 0);
      return {
        arrivals: n,
        waitProbability: per(sums.waitProbability),
        abandonment: per(sums.abandonment),
        meanWait: neverStaffed ? Number.POSITIVE_INFINITY : per(sums.meanWait),
        answeredWithin: per(sums.answeredWithin),
        closedWait: n > 0 ? (closedWait[i] as number) / n : neverStaffed ? Number.POSITIVE_INFINITY : 0,
      };
    }),
    overloaded,
    neverStaffed,
    periods,
  };
}

/** Maximal runs of minutes in which the staffing and every class's rate stay the same. */
function constantPeriods(capacity: Int32Array, rates: Float64Array[]): [number, number][] {
  const periods: [number, number][] = [];
  let from = 0;
  for (let m = 1; m <= WEEK_MINUTES; m++) {
    const same = m < WEEK_MINUTES && capacity[m] === capacity[m - 1] && rates.every((r) => r[m] === r[m - 1]);
    if (same) continue;
    periods.push([from, m]);
    from = m;
  }
  return periods;
}
