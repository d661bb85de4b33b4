/**
 * The contact-center KPIs of each staffed pool, overall and per hour of the week: service level
 * against the pool's target, average speed of answer, the probability of waiting, abandonment,
 * occupancy, the contacts offered and the staff on shift. Each is a ratio worked out in every
 * replication and then averaged over them with its 95% interval, so hours are judged like the whole.
 */
import type { Model } from '../model/model.js';
import type { ServiceLevelTarget } from '../model/units.js';
import { CONTACT_SUMS, HOURS_PER_WEEK, type RunResult } from './run.js';
import { type Estimate, estimate } from './stats.js';

export const CONTACT_KPIS = [
  'serviceLevel',
  'speedOfAnswer',
  'waitProbability',
  'abandonment',
  'occupancy',
  'contactsPerHour',
  'staff',
] as const;
export type ContactKpi = (typeof CONTACT_KPIS)[number];
export type ContactKpis = Record<ContactKpi, Estimate>;

export interface PoolContactCenter {
  id: string;
  name: string;
  /** The pool's service level target; without one the service level is not reported (NaN). */
  target?: ServiceLevelTarget;
  overall: ContactKpis;
  /** 168 entries: hour 0 is Monday 00:00-01:00. */
  hours: ContactKpis[];
}

const WIDTH = CONTACT_SUMS.length;

/** Seconds of the window [warmup, horizon) that fall in each hour of the week. */
export function hourExposure(warmup: number, horizon: number): Float64Array {
  const seconds = new Float64Array(HOURS_PER_WEEK);
  for (let t = warmup; t < horizon; ) {
    const cut = Math.min(horizon, (Math.floor(t / 3600) + 1) * 3600);
    const h = Math.floor(t / 3600) % HOURS_PER_WEEK;
    seconds[h] = (seconds[h] as number) + (cut - t);
    t = cut;
  }
  return seconds;
}

/**
 * The KPIs of summed contact figures (CONTACT_SUMS order, from `at`) over `exposure` seconds. Read
 * in place: a summary works them out for every pool, hour of the week and replication (16,800 times
 * for the departments example's 20 replications), and a view or a copy of each was most of its cost.
 */
export function contactKpiValues(
  sums: ArrayLike<number>,
  exposure: number,
  hasTarget: boolean,
  at = 0,
): Record<ContactKpi, number> {
  const entries = sums[at] as number;
  const answered = sums[at + 1] as number;
  const onTime = sums[at + 2] as number;
  const answerWait = sums[at + 3] as number;
  const waited = sums[at + 4] as number;
  const abandoned = sums[at + 5] as number;
  const busy = sums[at + 6] as number;
  const staffed = sums[at + 7] as number;
  const none = Number.NaN;
  return {
    serviceLevel: hasTarget && entries > 0 ? onTime / entries : none,
    speedOfAnswer: answered > 0 ? answerWait / answered : none,
    waitProbability: entries > 0 ? waited / entries : none,
    abandonment: entries > 0 ? abandoned / entries : none,
    occupancy: staffed > 0 ? busy / staffed : none,
    contactsPerHour: exposure > 0 ? entries / (exposure / 3600) : none,
    staff: exposure > 0 ? staffed / exposure : none,
  };
}

/** A pool's contact figures (CONTACT_SUMS order) summed over the hours of the week. */
export function poolContactSums(contact: Float64Array, pool: number): Float64Array {
  const sums = new Float64Array(WIDTH);
  const from = pool * HOURS_PER_WEEK * WIDTH;
  for (let k = 0; k < HOURS_PER_WEEK * WIDTH; k++)
    sums[k % WIDTH] = (sums[k % WIDTH] as number) + (contact[from + k] as number);
  return sums;
}

const estimates = (rows: Record<ContactKpi, number>[]): ContactKpis =>
  Object.fromEntries(CONTACT_KPIS.map((k) => [k, estimate(rows.map((r) => r[k]))])) as ContactKpis;

/** Every pool's contact-center KPIs from the replications' sums. */
export function contactCenterKpis(
  model: Model,
  results: RunResult[],
  window: { warmup: number; horizon: number },
): PoolContactCenter[] {
  const exposure = hourExposure(window.warmup, window.horizon);
  const total = window.horizon - window.warmup;
  return model.resources.map((pool, p) => {
    const hasTarget = pool.serviceLevel !== undefined;
    const hours = Array.from({ length: HOURS_PER_WEEK }, (_, h) =>
      estimates(
        results.map((r) => {
          const o = (p * HOURS_PER_WEEK + h) * WIDTH;
          return contactKpiValues(r.contact, exposure[h] as number, hasTarget, o);
        }),
      ),
    );
    const overall = estimates(
      results.map((r) => {
        return contactKpiValues(poolContactSums(r.contact, p), total, hasTarget);
      }),
    );
    return {
      id: pool.id,
      name: pool.name,
      ...(pool.serviceLevel ? { target: pool.serviceLevel } : {}),
      overall,
      hours,
    };
  });
}
