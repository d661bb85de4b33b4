/**
 * Each pool's demand in every hour of the week: contacts per second and the offered load in
 * Erlangs, from the same exact visit counts as the pre-flight's offered load (poolDemand), with
 * each segment's arrivals shaped by its weekly profile (averaged over the hour).
 */
import type { ArrivalWindow, Model } from '../../model/model.js';
import { arrivalWeightByMinute } from '../../model/week.js';
import { poolDemand } from '../preflight.js';
import { HOURS_PER_WEEK } from '../run.js';

export interface HourlyDemand {
  /** Contacts reaching the pool per second, per hour of the week. */
  rate: Float64Array;
  /** Offered load in Erlangs (busy members needed on average), per hour of the week. */
  load: Float64Array;
}

/** The profile's weight in each hour of the week, mean 1; all 1 without a profile. */
function hourlyWeights(profile: ArrivalWindow[] | undefined): Float64Array {
  const minutes = arrivalWeightByMinute(profile);
  const hours = new Float64Array(HOURS_PER_WEEK).fill(1);
  if (!minutes) return hours;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    let sum = 0;
    for (let m = h * 60; m < h * 60 + 60; m++) sum += minutes[m] as number;
    hours[h] = sum / 60;
  }
  return hours;
}

export function hourlyDemand(model: Model): Map<string, HourlyDemand> {
  const demand = new Map(
    model.resources.map((r) => [
      r.id,
      { rate: new Float64Array(HOURS_PER_WEEK), load: new Float64Array(HOURS_PER_WEEK) },
    ]),
  );
  for (const d of poolDemand(model)) {
    const weights = hourlyWeights(model.segments.find((s) => s.id === d.segment)?.arrivals?.profile);
    for (const [pool, visits] of d.visits) {
      const out = demand.get(pool) as HourlyDemand;
      const work = d.work.get(pool) ?? 0;
      for (let h = 0; h < HOURS_PER_WEEK; h++) {
        const arrivals = d.rate * (weights[h] as number);
        out.rate[h] = (out.rate[h] as number) + arrivals * visits;
        out.load[h] = (out.load[h] as number) + arrivals * work;
      }
    }
  }
  return demand;
}
